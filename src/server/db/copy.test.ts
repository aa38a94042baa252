import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.js';
import { copyFrom, copyValue } from './copy.js';

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

  it('refuses a number that is not finite, naming the column', () => {
    expect(() => copyValue(Number.NaN, 'p_alive')).toThrow(/p_alive/);
    expect(copyValue(0, 'x')).toBe('0');
  });
});
