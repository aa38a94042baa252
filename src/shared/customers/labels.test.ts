import { describe, expect, it } from 'vitest';
import { CUSTOMER_VOCABULARIES, matchVocabularyValue, selectOptions } from './labels.js';

describe('labels', () => {
  it('labels every value in both languages, all distinct within a vocabulary', () => {
    for (const [name, [values, labels]] of Object.entries(CUSTOMER_VOCABULARIES)) {
      expect(Object.keys(labels).sort(), name).toEqual([...values].sort());
      for (const locale of ['zh-CN', 'en-US'] as const) {
        const texts = values.map((v) => (labels as Record<string, Record<string, string>>)[v][locale]);
        expect(new Set(texts).size, `${name} ${locale}`).toBe(texts.length);
      }
    }
  });

  it('builds select options in vocabulary order', () => {
    expect(selectOptions('tier', 'zh-CN')).toEqual([
      { value: 'strategic', label: '战略客户' },
      { value: 'key', label: '重点客户' },
      { value: 'general', label: '一般客户' },
    ]);
    expect(selectOptions('transportMode', 'en-US')[0]).toEqual({ value: 'road_ftl', label: 'Road FTL' });
  });

  it('matches what people type in imports to stored values', () => {
    expect(matchVocabularyValue('tier', '重点客户')).toBe('key');
    expect(matchVocabularyValue('tier', '重点')).toBe('key');
    expect(matchVocabularyValue('tier', ' KEY ')).toBe('key');
    expect(matchVocabularyValue('status', '活跃')).toBe('active');
    expect(matchVocabularyValue('transportMode', '冷链')).toBe('cold_chain');
    expect(matchVocabularyValue('transportMode', 'road ftl')).toBe('road_ftl');
    expect(matchVocabularyValue('preferredChannel', 'WeChat')).toBe('wechat');
    expect(matchVocabularyValue('tier', 'VIP')).toBeUndefined();
    expect(matchVocabularyValue('tier', '')).toBeUndefined();
  });
});
