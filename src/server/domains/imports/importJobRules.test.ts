import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { utf8Csv, xlsxFile } from '../../../../test/importFiles.js';
import { HEADER, importJobsHarness, row } from '../../../../test/importJobs.js';

const { h, api, upload, waitForEnd, importFile, state } = importJobsHarness();

/** Files that are not what they should be, and the jobs' own rules (who, how often, when stale). */
describe('account import jobs: odd files and the jobs themselves', () => {
  it('reads a file without a header: nothing mapped until the user maps the columns, then remembers the layout', async () => {
    const data = [row(30).slice(0, 4), row(31).slice(0, 4)];
    const job = await upload(utf8Csv(data));
    expect(job).toMatchObject({ hasHeader: false, header: ['#1', '#2', '#3', '#4'] });
    expect(job.fileIssues.map((i: { code: string }) => i.code)).toEqual(['mapping.nothing_mapped']);
    expect(job.fileIssues[0].message).toContain('没有任何列');
    const put = await api('PUT', `/imports/${job.id}/mapping`, {
      mapping: [
        { column: 0, target: 'code' },
        { column: 1, target: 'name' },
        { column: 2, target: 'creditCode' },
        { column: 3, target: 'city' },
      ],
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ mappingSource: 'user', fileIssues: [] });
    const again = await upload(utf8Csv(data));
    expect(again.mappingSource).toBe('remembered');
    expect(again.mapping[0].target).toBe('code');
  });

  it('refuses a file whose columns map to nothing: the run fails with the file problem, nothing stored', async () => {
    const before = await state();
    const done = await importFile(
      utf8Csv([
        ['颜色', '重量'],
        ['红', '5'],
        ['蓝', '7'],
      ]),
      'create_only',
    );
    expect(done).toMatchObject({ status: 'failed', failure: { code: 'import.file_invalid' } });
    expect(done.fileIssues[0].code).toBe('mapping.nothing_mapped');
    expect(await state()).toEqual(before);
  });

  it('reports a 10,000-character cell and warns about formulas', async () => {
    const job = await upload(
      utf8Csv([HEADER, row(40, { name: 'x'.repeat(10_000) }), row(41, { name: '=HYPERLINK("http://x")' })]),
    );
    const dry = (await api('POST', `/imports/${job.id}/dry-run`, { mode: 'create_only' })).json();
    expect(
      dry.issues.map((i: { line: number; code: string; severity: string }) => [i.line, i.code, i.severity]),
    ).toEqual([
      [2, 'cell.too_long', 'error'],
      [3, 'csv.formula', 'warning'],
    ]);
    expect(dry.issues[0].message).toBe('单元格有 10000 个字符（最多 1000），未导入。');
  });

  it('imports an XLSX workbook', async () => {
    const bytes = await xlsxFile([HEADER, row(50), row(51)]);
    const done = await importFile(bytes, 'create_only', 'filename=customers.xlsx');
    expect(done).toMatchObject({ status: 'done', format: 'xlsx', counts: { created: 2 } });
  });

  it('refuses a 50 MB upload and a JSON body', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024 + 1, 0x41);
    const res = await h.t.app.inject({
      method: 'POST',
      url: '/api/v1/imports/accounts?filename=big.csv',
      headers: {
        ...h.manager.headers,
        'content-type': 'application/octet-stream',
        'accept-language': 'en-US',
      },
      payload: big,
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({
      code: 'BODY_TOO_LARGE',
      message: 'The request is too large (limit 50 MB).',
    });
    const over = await h.t.app.inject({
      method: 'POST',
      url: '/api/v1/imports/accounts?filename=big.csv',
      headers: { ...h.manager.headers, 'content-type': 'application/octet-stream' },
      payload: big.subarray(0, 31 * 1024 * 1024),
    });
    expect(over.statusCode).toBe(413);
    const json = await api('POST', '/imports/accounts', { a: 1 });
    expect(json.statusCode).toBe(415);
  });

  it('lets managers, not sales reps, import; lists my jobs; hides others’ jobs', async () => {
    const sales = await h.t.loginAs('sales');
    const res = await h.t.app.inject({
      method: 'POST',
      url: '/api/v1/imports/accounts',
      headers: { ...sales.headers, 'content-type': 'application/octet-stream' },
      payload: utf8Csv([HEADER, row(60)]),
    });
    expect(res.statusCode).toBe(403);
    const list = (await api('GET', '/imports?limit=2')).json();
    expect(list.items).toHaveLength(2);
    expect(list.nextCursor).not.toBeNull();
    const next = (await api('GET', `/imports?limit=2&cursor=${list.nextCursor}`)).json();
    expect(next.items[0].id).not.toBe(list.items[1].id);
    const other = await h.t.loginAs('manager');
    expect((await api('GET', `/imports/${list.items[0].id}`, undefined, other.headers)).statusCode).toBe(404);
  });

  it('refuses to run a job twice', async () => {
    const job = await upload(utf8Csv([HEADER, row(70)]));
    expect((await api('POST', `/imports/${job.id}/run`, { mode: 'create_only' })).statusCode).toBe(202);
    const second = await api('POST', `/imports/${job.id}/run`, { mode: 'create_only' });
    expect(second.statusCode).toBe(400);
    await waitForEnd(job.id);
    expect((await api('POST', `/imports/${job.id}/dry-run`, { mode: 'create_only' })).statusCode).toBe(400);
  });

  it('marks a job whose process stopped as failed (stale heartbeat)', async () => {
    const job = await upload(utf8Csv([HEADER, row(80)]));
    await h.t.database.db.execute(
      sql`UPDATE import_jobs SET status = 'running', updated_at = now() - interval '1 hour' WHERE id = ${job.id}`,
    );
    const seen = (await api('GET', `/imports/${job.id}`)).json();
    expect(seen).toMatchObject({ status: 'failed', failure: { code: 'import.interrupted' } });
    const { rows } = await h.t.database.pool.query(
      'SELECT count(*)::int AS n FROM import_files WHERE job_id = $1',
      [job.id],
    );
    expect(rows[0].n).toBe(0);
  });
});
