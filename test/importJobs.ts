import { afterAll, beforeAll, expect } from 'vitest';
import { creditCode } from './accountFactory.js';
import { createTestApp, type TestApp } from './testApp.js';

/** Polls import job `id` (as the user with `headers`) until it is done or failed; returns the job. */
export async function waitForImportEnd(t: TestApp, headers: Record<string, string>, id: string) {
  for (let i = 0; i < 300; i++) {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/imports/${id}`, headers });
    const job = res.json();
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not end');
}

/** The header of the account files the import tests write (Chinese, as a customer's export has it). */
export const HEADER = [
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

/** Row `n` of such a file: account IMP<n> with one contact; `extra` replaces single cells. */
export const row = (
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

/**
 * A test app with a signed-in manager, and the import API as that manager uses it: upload, dry run,
 * run and wait. Call at the top of a test file (it registers the file's beforeAll and afterAll).
 */
export function importJobsHarness() {
  const h = {} as {
    t: TestApp;
    manager: { userId: string; headers: Record<string, string> };
    managerEmail: string;
  };
  beforeAll(async () => {
    h.t = await createTestApp();
    h.manager = await h.t.loginAs('manager');
    const { rows } = await h.t.database.pool.query('SELECT email FROM users WHERE id = $1', [
      h.manager.userId,
    ]);
    h.managerEmail = rows[0].email;
  });
  afterAll(() => h.t.close());

  const api = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, headers = h.manager.headers) =>
    h.t.app.inject({ method, url: `/api/v1${url}`, headers, payload: payload as object });

  async function upload(bytes: Buffer, query = 'filename=customers.csv', headers = h.manager.headers) {
    const res = await h.t.app.inject({
      method: 'POST',
      url: `/api/v1/imports/accounts?${query}`,
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      payload: bytes,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  const waitForEnd = (id: string) => waitForImportEnd(h.t, h.manager.headers, id);

  async function importFile(bytes: Buffer, mode: string, query?: string) {
    const job = await upload(bytes, query);
    const run = await api('POST', `/imports/${job.id}/run`, { mode });
    expect(run.statusCode, run.body).toBe(202);
    return waitForEnd(job.id);
  }

  /** What the database holds: counts of accounts, contacts and audit entries, and the versions' sum. */
  async function state() {
    const { rows } = await h.t.database.pool.query(
      `SELECT (SELECT count(*) FROM accounts)::int AS accounts, (SELECT count(*) FROM contacts)::int AS contacts,
              (SELECT count(*) FROM audit_log)::int AS audit, (SELECT coalesce(sum(version), 0) FROM accounts)::int AS versions`,
    );
    return rows[0] as { accounts: number; contacts: number; audit: number; versions: number };
  }

  return { h, api, upload, waitForEnd, importFile, state };
}
