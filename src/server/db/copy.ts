import { setImmediate as yieldToLoop } from 'node:timers/promises';
import pg from 'pg';
import type { DbOrTx } from './client.js';

/** The part of node-pg's connection a COPY FROM STDIN needs (its protocol messages copyData / copyDone / copyFail). */
interface CopyConnection {
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
}

/**
 * `COPY … FROM STDIN` on one client, fed with chunks of text-format lines: node-pg speaks the copy
 * sub-protocol, so no stream package is needed. The chunks may be made lazily (a generator): each is
 * sent, then the event loop runs, so the server stores one chunk while the next is being made. A chunk
 * that throws fails the COPY (CopyFail) and the promise rejects with that error. Resolves with the
 * number of rows copied.
 */
export function copyFrom(
  client: pg.ClientBase,
  statement: string,
  chunks: Iterable<string>,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const query = new pg.Query(statement) as pg.Query & {
      handleCopyInResponse: (connection: CopyConnection) => void;
    };
    let settled = false;
    let thrown: unknown = null;
    query.handleCopyInResponse = (connection) => {
      void (async () => {
        try {
          for (const chunk of chunks) {
            if (settled) return; // the server refused a row: it ignores the rest, so stop making it
            connection.sendCopyFromChunk(Buffer.from(chunk, 'utf8'));
            await yieldToLoop();
          }
          if (!settled) connection.endCopyFrom();
        } catch (err) {
          thrown = err;
          if (!settled) connection.sendCopyFail(err instanceof Error ? err.message : String(err));
        }
      })();
    };
    query.on('end', (result: pg.QueryResult) => {
      settled = true;
      resolve(result.rowCount ?? 0);
    });
    query.on('error', (err: Error) => {
      settled = true;
      reject(thrown ?? err);
    });
    client.query(query);
  });
}

const SPECIAL = /[\\\t\n\r]/g;
const HAS_SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * One value in COPY's text format: null → \N, objects as JSON, backslash, tab and line breaks escaped.
 * A number that is not finite is refused (naming the column) rather than stored as NaN or Infinity.
 */
export function copyValue(value: unknown, column: string): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${column}: ${value} is not a finite number`);
    return String(value);
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  // most values have nothing to escape: looking is cheaper than replacing (imports send millions)
  return HAS_SPECIAL.test(text) ? text.replace(SPECIAL, (c) => ESCAPES[c]) : text;
}

/**
 * Characters after which a chunk is sent even before it has `size` lines. The lines of a chunk stay
 * alive until it is joined, and every young-generation collection meanwhile copies them: 5,000 audit
 * lines of Chinese text (~10 MB) made the 100k-row account import spend 7.5 s in those collections;
 * chunks of ~128k characters, 4.8–5.2 s (32k: 6.4 s, more chunks to send; 512k: 5.8 s).
 */
const CHUNK_CHARACTERS = 131_072;

/**
 * The lines of `rows` (null: the row is left out) in chunks of `size` lines or CHUNK_CHARACTERS, made
 * one chunk at a time as the COPY asks for them (copyFrom): rows given by a generator are made then
 * too, while the server stores the chunk before.
 */
export function* copyLines<T>(
  rows: Iterable<T>,
  line: (row: T) => string | null,
  size = 5_000,
): Generator<string> {
  let lines: string[] = [];
  let length = 0;
  const chunk = () => {
    // The last line break comes from joining an empty last element: appending '\n' to the joined text
    // would make a two-piece string that is copied whole once more before it is encoded (measured: as
    // long as the join itself, ~9 ms per MB of Chinese text).
    lines.push('');
    const text = lines.join('\n');
    lines = [];
    length = 0;
    return text;
  };
  for (const row of rows) {
    const text = line(row);
    if (text === null) continue;
    lines.push(text);
    length += text.length;
    if (lines.length === size || length >= CHUNK_CHARACTERS) yield chunk();
  }
  if (lines.length > 0) yield chunk();
}

const ARRAY_SPECIAL = /["\\]/g;

/**
 * A text[] value in COPY's text format: `{"a","b \"c\""}` (every element quoted, so commas, braces
 * and blanks need no thought), then escaped as any value. Null or undefined → \N.
 */
export function copyTextArray(values: readonly string[] | null | undefined): string {
  if (values === null || values === undefined) return '\\N';
  const literal = `{${values.map((v) => `"${v.replace(ARRAY_SPECIAL, (c) => `\\${c}`)}"`).join(',')}}`;
  return copyValue(literal, 'array');
}

/**
 * Runs `fn` on the connection under a Drizzle handle: a transaction's own connection (so the COPY is
 * part of it), or one taken from the pool for a database handle.
 */
export async function withConnection<T>(db: DbOrTx, fn: (client: pg.ClientBase) => Promise<T>): Promise<T> {
  const { client } = db._.session as unknown as { client: pg.Pool | pg.ClientBase };
  if (!(client instanceof pg.Pool)) return fn(client);
  const pooled = await client.connect();
  try {
    return await fn(pooled);
  } finally {
    pooled.release();
  }
}

/**
 * Chunks made ahead of the COPY that will send them, while this process would otherwise wait for the
 * database (say, for it to store the COPY before): from the next turn of the event loop, one chunk per
 * turn, at most `most` of them. Iterating the result (once) stops the making ahead, hands over what is
 * made, then makes the rest as any chunks; an error thrown while making ahead is thrown there.
 * `abandon()` stops it when what the chunks were for has failed.
 */
export function madeAhead(chunks: Iterable<string>, most = 256): Iterable<string> & { abandon(): void } {
  const source = chunks[Symbol.iterator]();
  const made: string[] = [];
  let failed: { error: unknown } | null = null;
  let done = false;
  let taken = false;
  let abandoned = false;
  void (async () => {
    await yieldToLoop();
    while (!taken && !abandoned && !done && !failed && made.length < most) {
      try {
        const next = source.next();
        if (next.done) done = true;
        else made.push(next.value);
      } catch (error) {
        failed = { error };
      }
      await yieldToLoop();
    }
  })();
  return {
    *[Symbol.iterator]() {
      if (taken) throw new Error('chunks made ahead can be taken once');
      taken = true;
      yield* made.splice(0);
      if (failed) throw failed.error;
      if (done) return;
      for (let next = source.next(); !next.done; next = source.next()) yield next.value;
    },
    /** Stops making ahead and drops what was made (the work they were for failed). */
    abandon() {
      abandoned = true;
      made.length = 0;
    },
  };
}
