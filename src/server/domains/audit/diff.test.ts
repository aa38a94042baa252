import { describe, expect, it } from 'vitest';
import { createdChangesJson, diffRecords } from './diff.js';

describe('diffRecords', () => {
  it('lists every field of a created record as after-only', () => {
    expect(diffRecords(null, { name: 'A', tags: ['x'] })).toEqual({
      name: { before: null, after: 'A' },
      tags: { before: null, after: ['x'] },
    });
    expect(diffRecords(null, { empty: '', gone: null, zero: 0, off: false, at: undefined })).toEqual({
      empty: { before: null, after: '' },
      zero: { before: null, after: 0 },
      off: { before: null, after: false },
    });
    expect(diffRecords({ note: 'x', same: 'y' }, { note: null, same: 'y' })).toEqual({
      note: { before: 'x', after: null },
    });
  });
  it('keeps only changed fields and skips bookkeeping ones', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    expect(
      diffRecords(
        { name: 'A', city: '上海', version: 1, updatedAt: at, tags: ['a', 'b'] },
        { name: 'B', city: '上海', version: 2, updatedAt: new Date(), tags: ['a', 'b'] },
      ),
    ).toEqual({ name: { before: 'A', after: 'B' } });
  });
  it('compares as JSON: NaN is nothing, an empty list or false is something, equal content is equal', () => {
    expect(
      diffRecords(
        { nan: null, list: null, off: null, needs: { modes: ['road'] }, n: 1, s: 'a', same: ['x'] },
        { nan: Number.NaN, list: [], off: false, needs: { modes: ['road'] }, n: 2, s: 'b', same: ['x'] },
      ),
    ).toEqual({
      list: { before: null, after: [] },
      off: { before: null, after: false },
      n: { before: 1, after: 2 },
      s: { before: 'a', after: 'b' },
    });
    expect(
      diffRecords({ infinite: Number.POSITIVE_INFINITY, zero: 0 }, { infinite: null, zero: null }),
    ).toEqual({
      zero: { before: 0, after: null },
    });
  });
  it('never writes secrets, only that they changed', () => {
    expect(diffRecords({ passwordHash: 'h1' }, { passwordHash: 'h2' })).toEqual({
      passwordHash: { before: '***', after: '***' },
    });
  });
  it('serialises dates and lists a deleted record as before-only', () => {
    const at = new Date('2026-03-01T08:00:00Z');
    expect(diffRecords({ lockedUntil: at }, null)).toEqual({
      lockedUntil: { before: '2026-03-01T08:00:00.000Z', after: null },
    });
  });
});

describe('createdChangesJson', () => {
  it('is the JSON of diffRecords(null, record), field for field', () => {
    const records: Record<string, unknown>[] = [
      { name: '上海"顺达"\\物流', tags: ['冷链', 'VIP'], needs: { modes: ['road'], lanes: [] } },
      { empty: '', gone: null, zero: 0, off: false, at: undefined, nan: Number.NaN, inf: -Infinity },
      { passwordHash: 'h', apiToken: null, createdAt: new Date(), version: 3, updated_at: 'x' },
      { lockedUntil: new Date('2026-03-01T08:00:00Z'), 'odd "key"\n': 'line\nbreak\ttab', n: 1.5 },
      { only: null, version: 1 },
    ];
    for (const r of records)
      expect(JSON.parse(createdChangesJson(r)), JSON.stringify(r)).toEqual(diffRecords(null, r));
    expect(createdChangesJson({ version: 1, gone: null })).toBe('{}');
  });
});
