import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { creditCode } from '../../../../test/accountFactory.js';
import { utf8Csv } from '../../../../test/importFiles.js';
import { importJobsHarness } from '../../../../test/importJobs.js';
import { guessMapping } from '../imports/mapping.js';
import { EXPORT_BATCH, exportTargets } from './export.js';

const { h, importFile, state } = importJobsHarness();
const runImport = (bytes: Buffer, mode: string, filename = 'x.csv') =>
  importFile(bytes, mode, `filename=${filename}`);
const COUNT = EXPORT_BATCH + 50;

beforeAll(async () => {
  const ownerEmail = h.managerEmail;
  const header = [
    '编码',
    '客户名称',
    '英文名称',
    '信用代码',
    '行业',
    '省份',
    '城市',
    '负责人',
    '状态',
    '等级',
    '标签',
    '账期',
    '运输方式',
    '线路',
    '月均货量',
    '联系人',
    '职务',
    '手机',
    '邮箱',
    '微信',
    '首选渠道',
  ];
  const rows = Array.from({ length: COUNT }, (_, i) => [
    `EXP${String(i).padStart(5, '0')}`,
    `导出测试${i}物流有限公司`,
    i % 2 ? `Export Test ${i} Logistics` : '',
    creditCode(20000 + i),
    i % 3 ? '制造业' : '',
    '江苏',
    '苏州',
    i % 4 ? ownerEmail : '',
    '活跃',
    i % 5 ? '重点客户' : '战略客户',
    i % 2 ? '冷链、VIP' : '',
    i % 2 ? '30天' : '',
    i % 2 ? '冷链、快递' : '',
    i % 2 ? '苏州→上海; 苏州→成都' : '',
    i % 2 ? '120 TEU' : '',
    `联系人${i}`,
    i % 2 ? '物流经理' : '',
    `1391234${String(i).padStart(4, '0')}`,
    `p${i}@exp${i}.example`,
    i % 2 ? `wx_${i}` : '',
    i % 2 ? '微信' : '',
  ]);
  const done = await runImport(utf8Csv([header, ...rows]), 'create_only');
  expect(done, JSON.stringify(done.fileIssues)).toMatchObject({ status: 'done', counts: { created: COUNT } });
});

describe('account export', () => {
  it('streams the filtered list as CSV with BOM and import headers in the caller’s language', async () => {
    const res = await h.t.app.inject({
      method: 'GET',
      url: '/api/v1/accounts/export?format=csv&sort=code&order=asc',
      headers: h.manager.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.body.startsWith('\uFEFF客户编码,中文名称,英文名称,统一社会信用代码')).toBe(true);
    const records = parse(res.body, { bom: true }) as string[][];
    expect(records).toHaveLength(COUNT + 1);
    expect(guessMapping(records[0]).map((m) => m.target)).toEqual(exportTargets());
    expect(records[2]).toContain('冷链、VIP');
    expect(records[2]).toContain('苏州→上海; 苏州→成都');
    const filtered = await h.t.app.inject({
      method: 'GET',
      url: '/api/v1/accounts/export?tier=strategic',
      headers: { ...h.manager.headers, 'accept-language': 'en-US' },
    });
    const rows = parse(filtered.body, { bom: true }) as string[][];
    expect(rows[0].slice(0, 3)).toEqual(['Code', 'Chinese name', 'English name']);
    expect(rows).toHaveLength(Math.ceil(COUNT / 5) + 1);
    expect(rows.slice(1).every((r) => r[12] === 'Strategic')).toBe(true);
    // a download link carries the UI's language, which wins over the browser's header
    const linked = await h.t.app.inject({
      method: 'GET',
      url: '/api/v1/accounts/export?tier=strategic&lang=zh-CN',
      headers: { ...h.manager.headers, 'accept-language': 'en-US' },
    });
    const linkedRows = parse(linked.body, { bom: true }) as string[][];
    expect(linkedRows[0].slice(0, 3)).toEqual(['客户编码', '中文名称', '英文名称']);
    expect(linkedRows).toHaveLength(rows.length);
  });

  it('round trip: export CSV → import in upsert mode → nothing changes', async () => {
    const res = await h.t.app.inject({
      method: 'GET',
      url: '/api/v1/accounts/export?format=csv',
      headers: h.manager.headers,
    });
    const before = await state();
    const job = await runImport(Buffer.from(res.rawPayload), 'upsert');
    expect(job).toMatchObject({
      status: 'done',
      counts: { total: COUNT, unchanged: COUNT, created: 0, updated: 0 },
    });
    expect(await state()).toEqual(before);
  });

  it('round trip: export XLSX in English → import in upsert mode → nothing changes', async () => {
    const res = await h.t.app.inject({
      method: 'GET',
      url: '/api/v1/accounts/export?format=xlsx',
      headers: { ...h.manager.headers, 'accept-language': 'en-US' },
    });
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as never);
    expect(workbook.worksheets[0].rowCount).toBe(COUNT + 1);
    const before = await state();
    const job = await runImport(Buffer.from(res.rawPayload), 'upsert', 'x.xlsx');
    expect(job).toMatchObject({ status: 'done', counts: { total: COUNT, unchanged: COUNT } });
    expect(await state()).toEqual(before);
  });

  it('escapes formulas in CSV and refuses roles without the export permission', async () => {
    await runImport(
      utf8Csv([
        ['编码', '客户名称'],
        ['F1', '=cmd|calc'],
      ]),
      'create_only',
    );
    const res = await h.t.app.inject({
      method: 'GET',
      url: '/api/v1/accounts/export?q=f1',
      headers: h.manager.headers,
    });
    expect(res.body).toContain("'=cmd|calc");
    const sales = await h.t.loginAs('sales');
    expect(
      (await h.t.app.inject({ method: 'GET', url: '/api/v1/accounts/export', headers: sales.headers }))
        .statusCode,
    ).toBe(403);
  });
});
