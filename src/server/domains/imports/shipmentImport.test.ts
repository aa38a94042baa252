import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount } from '../../../../test/accountFactory.js';
import { gbkCsv, utf8Csv, xlsxFile } from '../../../../test/importFiles.js';
import { waitForImportEnd } from '../../../../test/importJobs.js';
import { SHIPMENT_FILE_HEADER, shipmentFileRow } from '../../../../test/shipmentFiles.js';
import { createTestApp, type TestApp } from '../../../../test/testApp.js';

let t: TestApp;
let manager: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  manager = (await t.loginAs('manager')).headers;
  await buildAccount(t.database.db, { code: 'SHIPIMP' });
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/partners',
    headers: manager,
    payload: { code: 'SF', kind: 'carrier', nameZh: '顺丰' },
  });
  expect(res.statusCode, res.body).toBe(201);
});
afterAll(() => t.close());

const HEADER = [...SHIPMENT_FILE_HEADER];
const row = shipmentFileRow;

const api = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: manager, payload: payload as object });

async function upload(bytes: Buffer, name = 'waybills.csv') {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/imports/shipments?filename=${name}`,
    headers: { ...manager, 'content-type': 'application/octet-stream' },
    payload: bytes,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function run(id: string, mode: string) {
  expect((await api('POST', `/imports/${id}/run`, { mode })).statusCode).toBe(202);
  return waitForImportEnd(t, manager, id);
}

const stored = async (prefix: string) =>
  (
    await t.database.pool.query(
      `SELECT waybill, weight_kg::float AS weight, revenue_cents::int AS revenue, status, version,
              booked_at FROM shipments WHERE waybill LIKE $1 ORDER BY waybill`,
      [`${prefix}%`],
    )
  ).rows;

describe('shipment file import', () => {
  it('guesses the mapping from Chinese headers, imports a GBK CSV and re-imports it without change', async () => {
    const rows = [HEADER, row('GBK-1'), row('GBK-2', { weight: '3 kg' })];
    const job = await upload(gbkCsv(rows));
    expect(job).toMatchObject({ kind: 'shipments', encoding: 'gb18030', counts: { total: 2 } });
    expect(job.fileIssues).toEqual([]);
    expect(job.mapping.map((m: { target: string }) => m.target)).toEqual([
      'waybill',
      'accountCode',
      'carrierCode',
      'mode',
      'origin',
      'destination',
      'status',
      'bookedAt',
      'pickedUpAt',
      'promisedAt',
      'deliveredAt',
      'pieces',
      'weightKg',
      'revenue',
      'cost',
      'exceptions',
    ]);
    const done = await run(job.id, 'create_only');
    expect(done).toMatchObject({ status: 'done', counts: { created: 2, updated: 0, unchanged: 0 } });
    const first = await stored('GBK-');
    expect(first).toMatchObject([
      { waybill: 'GBK-1', weight: 12.5, revenue: 30050, status: 'delivered', version: 1 },
      { waybill: 'GBK-2', weight: 3 },
    ]);
    expect(first[0].booked_at.toISOString()).toBe('2025-03-01T01:00:00.000Z');

    const again = await run((await upload(gbkCsv(rows))).id, 'upsert');
    expect(again.counts).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await stored('GBK-')).toEqual(first);
  });

  it('reports every bad row with line, column and reason and stores nothing', async () => {
    const rows = [
      HEADER,
      row('BAD-1'),
      row('BAD-2', { account: 'NOSUCH' }),
      row('BAD-3', { carrier: 'NOCARRIER' }),
      row('BAD-4', { weight: '-2' }),
      row('BAD-5', { booked: '1999-12-31 09:00+08:00', picked: '', delivered: '' }),
      row('BAD-6', { delivered: '2099-01-01 10:00+08:00' }),
      row('BAD-7', { booked: '2025-03-01 09:00' }),
      row('BAD-8', { picked: '2025-03-01T07:00:00Z' }),
      row('BAD-1'),
    ];
    const job = await upload(utf8Csv(rows));
    const dry = await api('POST', `/imports/${job.id}/dry-run`, { mode: 'create_only' });
    expect(dry.statusCode, dry.body).toBe(200);
    const issues = dry
      .json()
      .issues.map((i: { line: number; column: string; code: string }) => [i.line, i.column, i.code]);
    expect(issues).toEqual([
      [2, '运单号', 'import.duplicate_waybill'],
      [3, '客户编码', 'shipment.unknownAccount'],
      [4, '承运商编码', 'shipment.unknownCarrier'],
      [5, '重量(kg)', 'shipment.negative'],
      [6, '下单时间', 'time.before2000'],
      [7, '签收时间', 'time.future'],
      [8, '下单时间', 'time.offsetRequired'],
      [9, '揽收时间', 'import.time_zone_mixed'],
      [10, '运单号', 'import.duplicate_waybill'],
    ]);
    expect(dry.json().job.counts).toMatchObject({ total: 9, bad: 9, valid: 0 });
    expect(dry.json().issues[0].message).toContain('2, 10');

    const failed = await run(job.id, 'upsert');
    expect(failed).toMatchObject({ status: 'failed', failure: { code: 'import.bad_rows' } });
    expect(await stored('BAD-')).toEqual([]);

    const report = await api('GET', `/imports/${job.id}/report`);
    expect(report.body).toContain('8,下单时间,bookedAt,');
    expect(report.body).toContain('+00:00');
  });

  it('skips bad rows on request, refuses existing waybills in create-only mode, updates in upsert mode', async () => {
    const rows = [HEADER, row('SKIP-1'), row('SKIP-2', { account: 'NOSUCH' })];
    const skipped = await run((await upload(utf8Csv(rows))).id, 'skip_bad_rows');
    expect(skipped).toMatchObject({ status: 'done', counts: { created: 1, skipped: 1, bad: 1 } });
    expect((await stored('SKIP-')).map((r) => r.waybill)).toEqual(['SKIP-1']);

    const changed = [HEADER, row('SKIP-1', { weight: '20' })];
    const refused = await run((await upload(utf8Csv(changed))).id, 'create_only');
    expect(refused).toMatchObject({ status: 'failed', failure: { code: 'import.bad_rows' } });
    const updated = await run((await upload(utf8Csv(changed))).id, 'upsert');
    expect(updated.counts).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    expect(await stored('SKIP-')).toMatchObject([{ weight: 20, version: 2 }]);
    const { rows: audit } = await t.database.pool.query(
      `SELECT changes FROM audit_log WHERE entity = 'shipmentBatch' AND changes::text LIKE '%SKIP-1%'`,
    );
    expect(audit).toHaveLength(2);
  });

  it('writes more than 5,000 rows staged, in one statement: audit per 5,000, rollups exact', async () => {
    const rollups = async () => {
      const q = (table: string) =>
        t.database.pool.query(`SELECT * FROM ${table} ORDER BY 1, 2, 3, 4, 5, 6`).then((r) => r.rows);
      return [await q('shipment_kpi_daily_totals'), await q('shipment_transit_daily')];
    };
    const asRebuilt = async () => {
      const kept = await rollups();
      await t.database.pool.query('SELECT logicrm_rebuild_shipment_kpis(logicrm_kpi_zone())');
      expect(kept).toEqual(await rollups());
    };
    const file = (day: (i: number) => number) =>
      utf8Csv([
        HEADER,
        ...Array.from({ length: 6001 }, (_, i) =>
          row(`BIG-${String(i).padStart(5, '0')}`, {
            delivered: `2025-03-0${day(i)} 10:00+08:00`,
            weight: String(1 + (i % 40)),
            ...(i % 97 === 0 ? { exceptions: '破损' } : {}),
          }),
        ),
      ]);
    const created = await run((await upload(file((i) => 2 + (i % 5)))).id, 'create_only');
    expect(created).toMatchObject({ status: 'done', progress: 1, counts: { created: 6001 } });
    const { rows: batches } = await t.database.pool.query(
      `SELECT (changes->'inserted'->>'after')::int AS inserted FROM audit_log
        WHERE entity = 'shipmentBatch' AND changes::text LIKE '%BIG-%' ORDER BY id`,
    );
    expect(batches).toEqual([{ inserted: 5000 }, { inserted: 1001 }]);
    await asRebuilt();
    const same = await run((await upload(file((i) => 2 + (i % 5)))).id, 'upsert');
    expect(same.counts).toMatchObject({ created: 0, updated: 0, unchanged: 6001 });
    // odd rows delivered on the 6th (600 of them were already): old contributions out, new ones in
    const moved = await run((await upload(file((i) => (i % 2 ? 6 : 2 + (i % 5))))).id, 'upsert');
    expect(moved.counts).toMatchObject({ created: 0, updated: 2400, unchanged: 3601 });
    await asRebuilt();
  });

  it('imports an XLSX workbook, exceptions included', async () => {
    const rows = [HEADER, row('XLSX-1', { exceptions: '破损、延误' })];
    const done = await run((await upload(await xlsxFile(rows), 'waybills.xlsx')).id, 'create_only');
    expect(done).toMatchObject({ status: 'done', format: 'xlsx', counts: { created: 1 } });
    const { rows: kinds } = await t.database.pool.query(
      `SELECT x.kind FROM shipment_exceptions x JOIN shipments s ON s.id = x.shipment_id
        WHERE s.waybill = 'XLSX-1' ORDER BY x.kind`,
    );
    expect(kinds.map((k) => k.kind)).toEqual(['damage', 'delay']);
  });

  it('refuses a mapping without the required fields, and sales reps', async () => {
    const job = await upload(
      utf8Csv([
        ['运单号', '备注'],
        ['X-1', 'n'],
      ]),
    );
    expect(job.fileIssues.map((i: { code: string }) => i.code)).toContain('mapping.required_missing');
    const sales = (await t.loginAs('sales')).headers;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports/shipments',
      headers: { ...sales, 'content-type': 'application/octet-stream' },
      payload: utf8Csv([HEADER, row('S-1')]),
    });
    expect(res.statusCode).toBe(403);
  });
});
