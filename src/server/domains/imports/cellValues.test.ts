import { describe, expect, it } from 'vitest';
import {
  DAYS_UNIT,
  isChineseName,
  lanesValue,
  numberValue,
  splitList,
  vocabularyValue,
  volumeValue,
} from './cellValues.js';

describe('cell values', () => {
  it('splits list cells on Chinese and Latin separators', () => {
    expect(splitList('冷链、快递，空运; 冷链 | sea')).toEqual(['冷链', '快递', '空运', 'sea']);
    expect(splitList('  ')).toEqual([]);
  });

  it('reads vocabulary values from labels, keeping unknown text for the schema to reject', () => {
    expect(vocabularyValue('tier', '重点客户')).toBe('key');
    expect(vocabularyValue('status', 'Active')).toBe('active');
    expect(vocabularyValue('tier', ' VIP ')).toBe('VIP');
    expect(vocabularyValue('tier', '')).toBeUndefined();
  });

  it('reads numbers with separators and a day unit', () => {
    expect(numberValue('30天', DAYS_UNIT)).toEqual({ ok: true, value: 30 });
    expect(numberValue('45 days', DAYS_UNIT)).toEqual({ ok: true, value: 45 });
    expect(numberValue('１５')).toEqual({ ok: true, value: 15 });
    expect(numberValue('1,200')).toEqual({ ok: true, value: 1200 });
    expect(numberValue('')).toEqual({ ok: true, value: undefined });
    expect(numberValue('月结')).toEqual({ ok: false, code: 'import.not_a_number' });
    expect(numberValue('30天')).toEqual({ ok: false, code: 'import.not_a_number' });
  });

  it('reads lanes with the arrows people use', () => {
    expect(lanesValue('上海→洛杉矶；深圳-北京、广州 至 成都')).toEqual({
      ok: true,
      value: [
        { origin: '上海', destination: '洛杉矶' },
        { origin: '深圳', destination: '北京' },
        { origin: '广州', destination: '成都' },
      ],
    });
    expect(lanesValue('Shanghai -> Los Angeles')).toEqual({
      ok: true,
      value: [{ origin: 'Shanghai', destination: 'Los Angeles' }],
    });
    expect(lanesValue('上海')).toEqual({ ok: false, code: 'import.lane_format' });
    expect(lanesValue('上海-北京-广州')).toEqual({ ok: false, code: 'import.lane_format' });
  });

  it('reads volume with its unit from one or two cells', () => {
    expect(volumeValue('30 TEU')).toEqual({ ok: true, value: { amount: 30, unit: 'teu' } });
    expect(volumeValue('500吨')).toEqual({ ok: true, value: { amount: 500, unit: 'tons' } });
    expect(volumeValue('1,200', '票')).toEqual({ ok: true, value: { amount: 1200, unit: 'shipments' } });
    expect(volumeValue('30 boxes')).toEqual({ ok: true, value: { amount: 30, unit: 'boxes' } });
    expect(volumeValue('30')).toEqual({ ok: false, code: 'import.volume_unit_missing' });
    expect(volumeValue('many')).toEqual({ ok: false, code: 'import.not_a_number' });
  });

  it('tells Chinese names from Latin ones', () => {
    expect(isChineseName('顺丰速运')).toBe(true);
    expect(isChineseName('SF Express 顺丰')).toBe(true);
    expect(isChineseName('SF Express')).toBe(false);
  });
});
