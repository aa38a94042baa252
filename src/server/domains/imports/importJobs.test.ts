import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, creditCode } from '../../../../test/accountFactory.js';
import { bomCsv, gbkCsv, utf8Csv, xlsxFile } from '../../../../test/importFiles.js';
import { createTestApp, type TestApp } from '../../../../test/testApp.js';
import { auditedAccount, auditedContact } from '../accounts/presenter.js';
import { accounts, contacts } from '../accounts/table.js';
import { diffRecords } from '../audit/diff.js';

let t: TestApp;
let manager: { userId: string; headers: Record<string, string> };
let managerEmail: string;
beforeAll(async () => {
  t = await createTestApp();
  manager = await t.loginAs('manager');
  const { rows } = await t.database.pool.query('SELECT email FROM users WHERE id = $1', [manager.userId]);
  managerEmail = rows[0].email;
});
afterAll(() => t.close());

const HEADER = [
  '客户编码',
  '客户名称',
  '统一社会信用代码',
  '城市',
  '客户等级',
  '负责人邮箱',
  '联系人',
  '手机',
  '邮箱',
];
const row = (
  n: number,
  extra: Partial<Record<'name' | 'credit' | 'owner' | 'tier' | 'mobile', string>> = {},
) => [
  `IMP${n}`,
  extra.name ?? `导入测试物流${n}有限公司`,
  extra.credit ?? creditCode(5000 + n),
  '上海',
  extra.tier ?? '重点客户',
  extra.owner ?? '',
  `联系人${n}`,
  extra.mobile ?? `1381234${String(n).padStart(4, '0')}`,
  `c${n}@imp${n}.example`,
];

const api = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, headers = manager.headers) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers, payload: payload as object });

async function upload(bytes: Buffer, query = 'filename=customers.csv', headers = manager.headers) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/imports/accounts?${query}`,
    headers: { ...headers, 'content-type': 'application/octet-stream' },
    payload: bytes,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function waitForEnd(id: string) {
  for (let i = 0; i < 300; i++) {
    const job = (await api('GET', `/imports/${id}`)).json();
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not end');
}

async function importFile(bytes: Buffer, mode: string, query?: string) {
  const job = await upload(bytes, query);
  const run = await api('POST', `/imports/${job.id}/run`, { mode });
  expect(run.statusCode, run.body).toBe(202);
  return waitForEnd(job.id);
}

const state = async () => {
  const { rows } = await t.database.pool.query(
    `SELECT (SELECT count(*) FROM accounts)::int AS accounts, (SELECT count(*) FROM contacts)::int AS contacts,
            (SELECT count(*) FROM audit_log)::int AS audit, (SELECT coalesce(sum(version), 0) FROM accounts)::int AS versions`,
  );
  return rows[0] as { accounts: number; contacts: number; audit: number; versions: number };
};

describe('account import jobs', () => {
  it('uploads a GBK CSV, guesses the mapping, dry-runs and imports in create_only mode, audited', async () => {
    const rows = [HEADER, row(1, { owner: managerEmail.toUpperCase() }), row(2), row(3)];
    const job = await upload(gbkCsv(rows));
    expect(job).toMatchObject({
      status: 'uploaded',
      format: 'csv',
      encoding: 'gb18030',
      delimiter: ',',
      hasHeader: true,
      mappingSource: 'guessed',
    });
    expect(job.counts.total).toBe(3);
    expect(job.mapping.map((m: { target: string }) => m.target)).toEqual([
      'code',
      'name',
      'creditCode',
      'city',
      'tier',
      'ownerEmail',
      'contact.name',
      'contact.mobile',
      'contact.email',
    ]);
    expect(job.targets).toContain('contact.wechatId');
    const dry = await api('POST', `/imports/${job.id}/dry-run`, { mode: 'create_only' });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json().job).toMatchObject({ status: 'validated', counts: { total: 3, valid: 3, bad: 0 } });
    expect(dry.json().issues).toEqual([]);
    const before = await state();
    const done = await importFile(gbkCsv(rows), 'create_only');
    expect(done).toMatchObject({
      status: 'done',
      progress: 1,
      counts: { total: 3, created: 3, updated: 0, unchanged: 0 },
    });
    const after = await state();
    expect(after.accounts - before.accounts).toBe(3);
    expect(after.contacts - before.contacts).toBe(3);
    expect(after.audit - before.audit).toBe(6);
    const { rows: stored } = await t.database.pool.query(
      `SELECT a.code, a.tier, a.owner_id, a.name_zh, a.normalized_names, c.mobile, c.is_primary
         FROM accounts a JOIN contacts c ON c.account_id = a.id WHERE a.code = 'IMP1'`,
    );
    expect(stored[0]).toMatchObject({
      tier: 'key',
      owner_id: manager.userId,
      mobile: '+8613812340001',
      is_primary: true,
    });
    expect(stored[0].normalized_names.length).toBeGreaterThan(0);
    const audit = await t.database.pool.query(
      `SELECT actor_label, action FROM audit_log WHERE entity = 'account' AND entity_id = (SELECT id::text FROM accounts WHERE code = 'IMP1')`,
    );
    expect(audit.rows).toEqual([{ actor_label: managerEmail, action: 'create' }]);
    // the entries are built from what was written: exactly the diff of the stored records
    const [account] = await t.database.db.select().from(accounts).where(eq(accounts.code, 'IMP1'));
    const [contact] = await t.database.db.select().from(contacts).where(eq(contacts.accountId, account.id));
    const { rows: entries } = await t.database.pool.query(
      `SELECT entity, changes FROM audit_log WHERE entity_id = ANY($1) ORDER BY entity`,
      [[account.id, contact.id]],
    );
    expect(entries).toEqual([
      { entity: 'account', changes: diffRecords(null, auditedAccount(account)) },
      { entity: 'contact', changes: diffRecords(null, auditedContact(contact)) },
    ]);
  });

  it('re-importing the same file changes nothing: no version bump, no audit entry', async () => {
    const rows = [HEADER, row(1, { owner: managerEmail }), row(2), row(3)];
    const before = await state();
    const done = await importFile(bomCsv(rows), 'upsert');
    expect(done).toMatchObject({ status: 'done', counts: { created: 0, updated: 0, unchanged: 3 } });
    expect(await state()).toEqual(before);
  });

  it('create_only refuses existing codes as bad rows and stores nothing', async () => {
    const before = await state();
    const done = await importFile(utf8Csv([HEADER, row(3), row(4)]), 'create_only');
    expect(done).toMatchObject({
      status: 'failed',
      failure: { code: 'import.bad_rows' },
      counts: { total: 2, bad: 1, valid: 1 },
    });
    expect(await state()).toEqual(before);
    const report = await api('GET', `/imports/${done.id}/report`);
    expect(report.headers['content-type']).toContain('text/csv');
    expect(report.body.startsWith('\uFEFF行号,列,字段,级别,代码,说明')).toBe(true);
    expect(report.body).toContain('import.code_exists');
    expect(report.body).toContain('客户编码 IMP3 已存在');
  });

  it('upsert updates by code: changed rows once, audited; unchanged rows untouched', async () => {
    const before = await state();
    const done = await importFile(
      utf8Csv([HEADER, row(1, { owner: managerEmail, tier: '战略客户' }), row(2), row(5)]),
      'upsert',
    );
    expect(done).toMatchObject({ status: 'done', counts: { created: 1, updated: 1, unchanged: 1 } });
    const after = await state();
    expect(after.accounts - before.accounts).toBe(1);
    expect(after.audit - before.audit).toBe(3); // IMP1 update, IMP5 and its contact created
    expect(after.versions - before.versions).toBe(2); // IMP1 bumped, IMP5 new at 1
    const { rows } = await t.database.pool.query(`SELECT tier, version FROM accounts WHERE code = 'IMP1'`);
    expect(rows[0]).toEqual({ tier: 'strategic', version: 2 });
  });

  it('a file with a bad row stores nothing without skip_bad_rows; skip_bad_rows stores the good rows only', async () => {
    const rows = [
      HEADER,
      row(10),
      row(11, { credit: '91310000MA1FL0000X' }),
      row(12, { owner: 'nobody@example.test' }),
      row(13),
    ];
    const before = await state();
    const failed = await importFile(utf8Csv(rows), 'upsert');
    expect(failed).toMatchObject({ status: 'failed', counts: { bad: 2, valid: 2, created: 0 } });
    expect(await state()).toEqual(before);
    const done = await importFile(utf8Csv(rows), 'skip_bad_rows');
    expect(done).toMatchObject({ status: 'done', counts: { total: 4, bad: 2, skipped: 2, created: 2 } });
    const { rows: codes } = await t.database.pool.query(
      `SELECT code FROM accounts WHERE code LIKE 'IMP1_' ORDER BY code`,
    );
    expect(codes.map((r) => r.code)).toEqual(['IMP10', 'IMP13']);
    const report = await t.app.inject({
      method: 'GET',
      url: `/api/v1/imports/${done.id}/report`,
      headers: { ...manager.headers, 'accept-language': 'en-US' },
    });
    expect(report.body).toContain('Line,Column,Field,Severity,Code,Message');
    expect(report.body).toMatch(/3,统一社会信用代码,creditCode,error,credit_code\.\w+/);
    expect(report.body).toContain(
      '4,负责人邮箱,ownerEmail,error,import.owner_unknown,No active sales rep, manager or administrator has the email nobody@example.test.'.replace(
        'No active sales rep, manager or administrator has the email nobody@example.test.',
        '"No active sales rep, manager or administrator has the email nobody@example.test."',
      ),
    );
  });

  it('reports duplicate codes inside one file on every line, and likely duplicates of existing accounts as warnings', async () => {
    await buildAccount(t.database.db, { nameZh: '重复检测物流有限公司' });
    const job = await upload(
      utf8Csv([
        HEADER,
        row(20),
        row(20, { name: '另一家物流有限公司' }),
        row(21, { name: '重复检测物流有限公司' }),
      ]),
    );
    const dry = (await api('POST', `/imports/${job.id}/dry-run`, { mode: 'create_only' })).json();
    expect(dry.job.counts).toMatchObject({ total: 3, bad: 2, valid: 1 });
    const dup = dry.issues.filter((i: { code: string }) => i.code === 'import.duplicate_code');
    expect(dup.map((i: { line: number }) => i.line)).toEqual([2, 3]);
    expect(dup[0].message).toBe('客户编码 IMP20 出现在第 2, 3 行。');
    const likely = dry.issues.find((i: { code: string }) => i.code === 'import.likely_duplicate');
    expect(likely).toMatchObject({ severity: 'warning', line: 4 });
    expect(likely.message).toContain('公司名称相同');
  });

  it('warns about a new account whose contact has the mobile number of an existing one', async () => {
    await buildAccount(t.database.db, { nameZh: '手机号检测物流有限公司' }, [
      { name: '张三', mobile: '+8613812340023' },
    ]);
    const job = await upload(utf8Csv([HEADER, row(23, { mobile: '138 1234 0023' })]));
    const dry = (await api('POST', `/imports/${job.id}/dry-run`, { mode: 'create_only' })).json();
    const likely = dry.issues.filter((i: { code: string }) => i.code === 'import.likely_duplicate');
    expect(likely).toMatchObject([{ severity: 'warning', line: 2, params: { evidence: 'same_phone' } }]);
  });

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
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports/accounts?filename=big.csv',
      headers: { ...manager.headers, 'content-type': 'application/octet-stream', 'accept-language': 'en-US' },
      payload: big,
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({
      code: 'BODY_TOO_LARGE',
      message: 'The request is too large (limit 50 MB).',
    });
    const over = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports/accounts?filename=big.csv',
      headers: { ...manager.headers, 'content-type': 'application/octet-stream' },
      payload: big.subarray(0, 31 * 1024 * 1024),
    });
    expect(over.statusCode).toBe(413);
    const json = await api('POST', '/imports/accounts', { a: 1 });
    expect(json.statusCode).toBe(415);
  });

  it('lets managers, not sales reps, import; lists my jobs; hides others’ jobs', async () => {
    const sales = await t.loginAs('sales');
    const res = await t.app.inject({
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
    const other = await t.loginAs('manager');
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
    await t.database.db.execute(
      sql`UPDATE import_jobs SET status = 'running', updated_at = now() - interval '1 hour' WHERE id = ${job.id}`,
    );
    const seen = (await api('GET', `/imports/${job.id}`)).json();
    expect(seen).toMatchObject({ status: 'failed', failure: { code: 'import.interrupted' } });
    const { rows } = await t.database.pool.query(
      'SELECT count(*)::int AS n FROM import_files WHERE job_id = $1',
      [job.id],
    );
    expect(rows[0].n).toBe(0);
  });
});
