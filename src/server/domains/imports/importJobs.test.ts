import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { buildAccount } from '../../../../test/accountFactory.js';
import { bomCsv, gbkCsv, utf8Csv } from '../../../../test/importFiles.js';
import { HEADER, importJobsHarness, row } from '../../../../test/importJobs.js';
import { auditedAccount, auditedContact } from '../accounts/presenter.js';
import { accounts, contacts } from '../accounts/table.js';
import { diffRecords } from '../audit/diff.js';

const { h, api, upload, importFile, state } = importJobsHarness();

describe('account import jobs', () => {
  it('uploads a GBK CSV, guesses the mapping, dry-runs and imports in create_only mode, audited', async () => {
    const rows = [HEADER, row(1, { owner: h.managerEmail.toUpperCase() }), row(2), row(3)];
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
    const { rows: stored } = await h.t.database.pool.query(
      `SELECT a.code, a.tier, a.owner_id, a.name_zh, a.normalized_names, c.mobile, c.is_primary
         FROM accounts a JOIN contacts c ON c.account_id = a.id WHERE a.code = 'IMP1'`,
    );
    expect(stored[0]).toMatchObject({
      tier: 'key',
      owner_id: h.manager.userId,
      mobile: '+8613812340001',
      is_primary: true,
    });
    expect(stored[0].normalized_names.length).toBeGreaterThan(0);
    const audit = await h.t.database.pool.query(
      `SELECT actor_label, action FROM audit_log WHERE entity = 'account' AND entity_id = (SELECT id::text FROM accounts WHERE code = 'IMP1')`,
    );
    expect(audit.rows).toEqual([{ actor_label: h.managerEmail, action: 'create' }]);
    // the entries are built from what was written: exactly the diff of the stored records
    const [account] = await h.t.database.db.select().from(accounts).where(eq(accounts.code, 'IMP1'));
    const [contact] = await h.t.database.db.select().from(contacts).where(eq(contacts.accountId, account.id));
    const { rows: entries } = await h.t.database.pool.query(
      `SELECT entity, changes FROM audit_log WHERE entity_id = ANY($1) ORDER BY entity`,
      [[account.id, contact.id]],
    );
    expect(entries).toEqual([
      { entity: 'account', changes: diffRecords(null, auditedAccount(account)) },
      { entity: 'contact', changes: diffRecords(null, auditedContact(contact)) },
    ]);
  });

  it('re-importing the same file changes nothing: no version bump, no audit entry', async () => {
    const rows = [HEADER, row(1, { owner: h.managerEmail }), row(2), row(3)];
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
      utf8Csv([HEADER, row(1, { owner: h.managerEmail, tier: '战略客户' }), row(2), row(5)]),
      'upsert',
    );
    expect(done).toMatchObject({ status: 'done', counts: { created: 1, updated: 1, unchanged: 1 } });
    const after = await state();
    expect(after.accounts - before.accounts).toBe(1);
    expect(after.audit - before.audit).toBe(3); // IMP1 update, IMP5 and its contact created
    expect(after.versions - before.versions).toBe(2); // IMP1 bumped, IMP5 new at 1
    const { rows } = await h.t.database.pool.query(`SELECT tier, version FROM accounts WHERE code = 'IMP1'`);
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
    const { rows: codes } = await h.t.database.pool.query(
      `SELECT code FROM accounts WHERE code LIKE 'IMP1_' ORDER BY code`,
    );
    expect(codes.map((r) => r.code)).toEqual(['IMP10', 'IMP13']);
    const report = await h.t.app.inject({
      method: 'GET',
      url: `/api/v1/imports/${done.id}/report`,
      headers: { ...h.manager.headers, 'accept-language': 'en-US' },
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
    await buildAccount(h.t.database.db, { nameZh: '重复检测物流有限公司' });
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
    await buildAccount(h.t.database.db, { nameZh: '手机号检测物流有限公司' }, [
      { name: '张三', mobile: '+8613812340023' },
    ]);
    const job = await upload(utf8Csv([HEADER, row(23, { mobile: '138 1234 0023' })]));
    const dry = (await api('POST', `/imports/${job.id}/dry-run`, { mode: 'create_only' })).json();
    const likely = dry.issues.filter((i: { code: string }) => i.code === 'import.likely_duplicate');
    expect(likely).toMatchObject([{ severity: 'warning', line: 2, params: { evidence: 'same_phone' } }]);
  });
});
