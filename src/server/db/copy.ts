import pg from 'pg';

/** The part of node-pg's connection a COPY FROM STDIN needs (its protocol messages copyData / copyDone). */
interface CopyConnection {
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

/**
 * `COPY … FROM STDIN` on one client, fed with prepared chunks of text-format lines: node-pg speaks the
 * copy sub-protocol, so no stream package is needed. Resolves with the number of rows copied.
 */
export function copyFrom(
  client: pg.ClientBase,
  statement: string,
  chunks: readonly string[],
): Promise<number> {
  return new Promise((resolve, reject) => {
    const query = new pg.Query(statement) as pg.Query & {
      handleCopyInResponse: (connection: CopyConnection) => void;
    };
    query.handleCopyInResponse = (connection) => {
      for (const chunk of chunks) connection.sendCopyFromChunk(Buffer.from(chunk, 'utf8'));
      connection.endCopyFrom();
    };
    query.on('end', (result: pg.QueryResult) => resolve(result.rowCount ?? 0));
    query.on('error', reject);
    client.query(query);
  });
}

const SPECIAL = /[\\\t\n\r]/g;
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
  return text.replace(SPECIAL, (c) => ESCAPES[c]);
}
