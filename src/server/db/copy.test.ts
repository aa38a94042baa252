import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.js';
import { copyFrom, copyTextArray, copyValue } from './copy.js';

let client: pg.Client;
let drop: () => Promise<void>;

beforeAll(async () => {
  const created = await createTestDatabase();
  drop = created.drop;
  client = new pg.Client({ connectionString: created.url });
  await client.connect();
});
afterAll(async () => {
  await client.end();
  await drop();
});

describe('COPY FROM STDIN', () => {
  it('stores text, JSON, numbers and nulls exactly, escapes included', async () => {
    await client.query('CREATE TEMP TABLE c (t text, j jsonb, x float8, n int)');
    const rows: unknown[][] = [
      ['tab\there, line\nbreak, back\\slash \\N', { why: 'a\tb\\c', list: [1, 'x'] }, 1e-7, 3],
      [null, null, -0.5, null],
      ['中文 \r end', [], 12345678901.25, -2],
    ];
    const line = (r: unknown[]) => `${r.map((v, i) => copyValue(v, `c${i}`)).join('\t')}\n`;
    // the lines split over two chunks at an arbitrary point: chunks are a byte stream, not rows
    const text = rows.map(line).join('');
    const copied = await copyFrom(client, 'COPY c FROM STDIN', [text.slice(0, 17), text.slice(17)]);
    expect(copied).toBe(3);
    const { rows: back } = await client.query('SELECT t, j, x, n FROM c');
    expect(back.map((r) => [r.t, r.j, r.x, r.n])).toEqual(rows);
  });

  it('rejects with the server error and leaves the client usable', async () => {
    await expect(copyFrom(client, 'COPY c (x) FROM STDIN', ['not a number\n'])).rejects.toThrow(
      /double precision/,
    );
    expect((await client.query('SELECT 1 AS one')).rows[0].one).toBe(1);
  });

  it('stores text arrays exactly: quotes, backslashes, commas, braces, blanks, tabs, NULL-like words', async () => {
    await client.query('CREATE TEMP TABLE a (n int, list text[])');
    const lists = [[], ['a,b', '{c}', ' d ', 'e"f', 'g\\h', 'NULL', 'tab\there', '中文\nline'], ['']];
    const text = lists.map((l, i) => `${i}\t${copyTextArray(l)}\n`).join('');
    expect(await copyFrom(client, 'COPY a FROM STDIN', [text])).toBe(3);
    const { rows } = await client.query('SELECT list FROM a ORDER BY n');
    expect(rows.map((r) => r.list)).toEqual(lists);
    expect(copyTextArray(null)).toBe('\\N');
  });

  it('makes lazy chunks one at a time; a chunk that throws fails the COPY with that error', async () => {
    await client.query('CREATE TEMP TABLE g (n int)');
    const made: number[] = [];
    function* chunks(failAt: number) {
      for (let i = 0; i < 3; i++) {
        if (i === failAt) throw new Error(`chunk ${i} refused`);
        made.push(i);
        yield `${i}\n`;
      }
    }
    expect(await copyFrom(client, 'COPY g FROM STDIN', chunks(-1))).toBe(3);
    expect(made).toEqual([0, 1, 2]);
    await client.query('BEGIN');
    await expect(copyFrom(client, 'COPY g FROM STDIN', chunks(1))).rejects.toThrow('chunk 1 refused');
    await client.query('ROLLBACK');
    expect((await client.query('SELECT count(*)::int AS n FROM g')).rows[0].n).toBe(3);
  });

  it('refuses a number that is not finite, naming the column', () => {
    expect(() => copyValue(Number.NaN, 'p_alive')).toThrow(/p_alive/);
    expect(copyValue(0, 'x')).toBe('0');
  });
});
