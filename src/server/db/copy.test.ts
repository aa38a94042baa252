import { setImmediate as nextTurn } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.js';
import { copyFrom, copyLines, copyTextArray, copyValue, madeAhead } from './copy.js';

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

  it('cuts lines into chunks of a given size, each ending in a line break, leaving out null lines', async () => {
    const chunks = [...copyLines([1, 2, 3, 4, 5, 6, 7], (n) => (n === 4 ? null : `r${n}\t中`), 2)];
    expect(chunks).toEqual(['r1\t中\nr2\t中\n', 'r3\t中\nr5\t中\n', 'r6\t中\nr7\t中\n']);
    expect([...copyLines([1, 2, 3], (n) => `r${n}`, 2)]).toEqual(['r1\nr2\n', 'r3\n']);
    expect([...copyLines([], String)]).toEqual([]);
    // long lines end a chunk before it has `size` of them (~128k characters)
    const long = [...copyLines(['a', 'b', 'c'], (t) => t.repeat(70_000))];
    expect(long.map((c) => c.length)).toEqual([140_002, 70_001]);
    await client.query('CREATE TEMP TABLE l (t text)');
    await copyFrom(
      client,
      'COPY l FROM STDIN',
      copyLines(['a', 'b', 'c'], (t) => t, 2),
    );
    expect((await client.query('SELECT t FROM l ORDER BY t')).rows.map((r) => r.t)).toEqual(['a', 'b', 'c']);
  });

  it('makes chunks ahead while the process waits, at most `most`, and hands them over in order', async () => {
    const pulled: number[] = [];
    function* chunks() {
      for (let i = 1; i <= 5; i++) {
        pulled.push(i);
        yield `c${i}\n`;
      }
    }
    const ahead = madeAhead(chunks(), 3);
    expect(pulled).toEqual([]); // nothing is made before the caller's turn ends
    for (let i = 0; i < 10; i++) await nextTurn();
    expect(pulled).toEqual([1, 2, 3]);
    expect([...ahead]).toEqual(['c1\n', 'c2\n', 'c3\n', 'c4\n', 'c5\n']);
    expect(() => [...ahead]).toThrow(/once/);

    // abandoned: nothing more is made
    pulled.length = 0;
    const dropped = madeAhead(chunks(), 3);
    await nextTurn();
    await nextTurn();
    dropped.abandon();
    const before = pulled.length;
    for (let i = 0; i < 10; i++) await nextTurn();
    expect(pulled.length).toBe(before);
    expect(before).toBeLessThan(3);

    // taken before anything was made ahead: made as it is asked for
    const early = madeAhead(chunks());
    expect([...early]).toEqual(['c1\n', 'c2\n', 'c3\n', 'c4\n', 'c5\n']);
  });

  it('throws an error met while making ahead where the chunk would have come, after those before it', async () => {
    function* failing() {
      yield 'a\n';
      throw new Error('amount: Infinity is not a finite number');
    }
    const ahead = madeAhead(failing());
    for (let i = 0; i < 5; i++) await nextTurn();
    const got: string[] = [];
    expect(() => {
      for (const c of ahead) got.push(c);
    }).toThrow(/amount/);
    expect(got).toEqual(['a\n']);
  });
});
