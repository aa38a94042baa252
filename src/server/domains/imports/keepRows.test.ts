import { describe, expect, it } from 'vitest';
import { csvRecords } from './csvRecords.js';
import { openImportFile } from './prepare.js';

/**
 * Reading a file while keeping only its first rows (an upload, a preview): the file is still read
 * through, so its row count, width and structure errors are those of the whole file.
 */
describe('csvRecords with keep', () => {
  const text = 'a,b\n1,2\n\n  ,  \n3,4,5\n6,7\n';

  it('counts every non-blank record and the widest, keeping only the first', () => {
    const all = csvRecords(text, ',', 1_000);
    const some = csvRecords(text, ',', 1_000, 2);
    expect(all).toMatchObject({ ok: true, count: 4, width: 3 });
    expect(some).toMatchObject({ ok: true, count: 4, width: 3 });
    if (!all.ok || !some.ok) return;
    expect(all.records.map((r) => r.line)).toEqual([1, 2, 5, 6]);
    expect(some.records).toEqual(all.records.slice(0, 2));
  });

  it('reports a structure error in a record it does not keep', () => {
    expect(csvRecords('a,b\n1,2\n3,"open\n', ',', 1_000, 1)).toMatchObject({
      ok: false,
      detail: 'CSV_QUOTE_NOT_CLOSED',
    });
  });
});

describe('openImportFile with keepRows', () => {
  const file = Buffer.from('code,name\nC1,Acme\nC2,Beta,extra\nC3,Gamma\n');

  it('gives the same header, width and total as reading everything, with the first rows only', async () => {
    const all = await openImportFile(file);
    const none = await openImportFile(file, { keepRows: 0 });
    const one = await openImportFile(file, { keepRows: 1 });
    if (!all.ok || !none.ok || !one.ok) throw new Error('not opened');
    // the third column comes from a row past the ones kept
    expect(none.header).toEqual(['code', 'name', '#3']);
    expect(none).toMatchObject({ header: all.header, fingerprint: all.fingerprint, total: 3, rows: [] });
    expect(one.rows).toEqual(all.rows.slice(0, 1));
    expect(all.total).toBe(all.rows.length);
  });

  it('tells a header from data as reading everything does, when keeping no rows', async () => {
    for (const text of [
      '客户编码,客户名称\nC1,Acme\n',
      '甲栏,乙栏\nC1,13800138000\n',
      'C1,13800138000\nC2,13900139000\n',
    ]) {
      const all = await openImportFile(Buffer.from(text));
      const none = await openImportFile(Buffer.from(text), { keepRows: 0 });
      if (!all.ok || !none.ok) throw new Error('not opened');
      expect([none.hasHeader, none.header, none.total]).toEqual([all.hasHeader, all.header, all.total]);
    }
    const headless = await openImportFile(Buffer.from('C1,13800138000\nC2,13900139000\n'), { keepRows: 0 });
    expect(headless).toMatchObject({ hasHeader: false, total: 2 });
  });

  it('refuses a file over the row limit even when keeping a few rows', async () => {
    const rows = Array.from({ length: 6 }, (_, i) => `C${i},n`).join('\n');
    const read = await openImportFile(Buffer.from(`code,name\n${rows}\n`), { maxRecords: 5, keepRows: 1 });
    expect(read).toMatchObject({ ok: false, issues: [{ code: 'file.too_many_rows' }] });
  });
});
