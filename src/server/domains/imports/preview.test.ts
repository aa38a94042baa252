import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gbkCsv, xlsxFile } from '../../../../test/importFiles.js';
import { createTestApp, type TestApp } from '../../../../test/testApp.js';

let t: TestApp;
let manager: Record<string, string>;
let otherManager: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  manager = (await t.loginAs('manager')).headers;
  otherManager = (await t.loginAs('manager')).headers;
});
afterAll(() => t.close());

const ROWS = [
  ['客户编码', '客户名称', '城市'],
  ['PRV1', '华东冷链物流有限公司', '上海'],
  ['PRV2', '岭南快运有限公司', '广州'],
  ['PRV3', '川渝供应链管理有限公司', '成都'],
];

async function upload(bytes: Buffer, query: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/imports/accounts?${query}`,
    headers: { ...manager, 'content-type': 'application/octet-stream' },
    payload: bytes,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

const preview = (id: string, query = '', headers = manager) =>
  t.app.inject({ method: 'GET', url: `/api/v1/imports/${id}/preview${query}`, headers });

describe('GET /imports/:id/preview', () => {
  it('shows the first rows of a GBK file as text, with their lines, up to the asked number', async () => {
    const job = await upload(gbkCsv(ROWS), 'filename=gbk.csv');
    const res = await preview(job.id, '?rows=2');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      header: ['客户编码', '客户名称', '城市'],
      rows: [
        { line: 2, cells: ['PRV1', '华东冷链物流有限公司', '上海'] },
        { line: 3, cells: ['PRV2', '岭南快运有限公司', '广州'] },
      ],
    });
  });

  it('follows the chosen encoding and header row: a wrong encoding gives no rows, the file issue says why', async () => {
    const job = await upload(gbkCsv(ROWS), 'filename=gbk.csv&encoding=utf-8');
    expect((await preview(job.id)).json()).toEqual({ header: [], rows: [] });
    const got = await t.app.inject({ method: 'GET', url: `/api/v1/imports/${job.id}`, headers: manager });
    expect(got.json().fileIssues[0].code).toBe('decode.invalid_bytes');

    const fixed = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/imports/${job.id}/mapping`,
      headers: manager,
      payload: { encoding: 'gbk', hasHeader: false },
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const rows = (await preview(job.id)).json().rows;
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual({ line: 1, cells: ['客户编码', '客户名称', '城市'] });
  });

  it('reads XLSX files', async () => {
    const job = await upload(await xlsxFile(ROWS), 'filename=customers.xlsx');
    const res = (await preview(job.id, '?rows=1')).json();
    expect(res.rows).toEqual([{ line: 2, cells: ['PRV1', '华东冷链物流有限公司', '上海'] }]);
  });

  it('is only for the one who uploaded, and refuses more than 50 rows', async () => {
    const job = await upload(gbkCsv(ROWS), 'filename=gbk.csv');
    expect((await preview(job.id, '', otherManager)).statusCode).toBe(404);
    const tooMany = await preview(job.id, '?rows=51');
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.fields).toHaveProperty('rows');
  });
});
