/**
 * The analytics snapshot write, side by side on the same rows and the same minute: COPY FROM STDIN (what
 * runs do, runService.writeSegments) against the JSON documents through json_populate_recordset that runs
 * used before — both including building the text in Node, each in a transaction that is rolled back.
 */
import type pg from 'pg';
import type { SegmentRow } from '../../src/server/domains/analytics/compute.js';
import { SNAPSHOT_COLUMNS, writeSegments } from '../../src/server/domains/analytics/runService.js';

const FIELDS = Object.keys(SNAPSHOT_COLUMNS) as (keyof SegmentRow)[];
const SCRATCH_RUN = '00000000-0000-4000-8000-000000000001';

/** The previous write (until this branch): 10,000 rows per JSON document. */
async function writeAsJson(client: pg.ClientBase, runId: string, rows: SegmentRow[]) {
  for (let i = 0; i < rows.length; i += 10_000) {
    const parts: string[] = [];
    for (let k = i; k < Math.min(rows.length, i + 10_000); k++) {
      const out: Record<string, unknown> = { run_id: runId };
      for (const f of FIELDS) out[SNAPSHOT_COLUMNS[f]] = rows[k][f];
      parts.push(JSON.stringify(out));
    }
    await client.query(
      'INSERT INTO account_segments SELECT * FROM json_populate_recordset(NULL::account_segments, $1::json)',
      [`[${parts.join(',')}]`],
    );
  }
}

async function timed(pool: pg.Pool, write: (c: pg.ClientBase) => Promise<void>) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`INSERT INTO analytics_runs (id, kind, status, as_of, settings)
      VALUES ('${SCRATCH_RUN}', 'manual', 'failed', current_date, '{}')`);
    const t0 = performance.now();
    await write(client);
    return (performance.now() - t0) / 1000;
  } finally {
    await client.query('ROLLBACK');
    client.release();
  }
}

/** Seconds of each method, the better of `rounds` alternating tries. */
export async function compareSnapshotWrites(pool: pg.Pool, runId: string, rounds = 2) {
  const select = FIELDS.map((f) => `${SNAPSHOT_COLUMNS[f]} AS "${f}"`).join(', ');
  const { rows } = await pool.query<SegmentRow>(
    `SELECT ${select} FROM account_segments WHERE run_id = $1 ORDER BY account_id`,
    [runId],
  );
  const copy: number[] = [];
  const json: number[] = [];
  for (let r = 0; r < rounds; r++) {
    copy.push(await timed(pool, (c) => writeSegments(c, SCRATCH_RUN, rows)));
    json.push(await timed(pool, (c) => writeAsJson(c, SCRATCH_RUN, rows)));
  }
  return { rows: rows.length, copy: Math.min(...copy), json: Math.min(...json) };
}
