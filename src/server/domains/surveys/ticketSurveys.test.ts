import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount } from '../../../../test/accountFactory.js';
import { startTestSmtp } from '../../../../test/smtp.js';
import { createTestApp, type TestApp } from '../../../../test/testApp.js';
import { JOB_DEFINITIONS } from '../../jobs/registry.js';
import { TestClock } from '../../lib/clock.js';
import { createMailTransport, outboxLogSmsProvider } from '../notifications/mail.js';
import { deliverOutbox } from '../notifications/service.js';
import './index.js';

const clock = new TestClock(new Date('2025-06-02T01:00:00Z'));
const SITE = 'https://crm.example.test';
let t: TestApp;
let agent: { userId: string; headers: Record<string, string> };
let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
let accountId: string;
let callerId: string;
let quietAccountId: string;

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: SITE }, { clock });
  agent = await t.loginAs('service');
  smtp = await startTestSmtp();
  const a = await buildAccount(t.database.db, { code: 'TKS-A', tier: 'general' }, [
    { name: '冯经理', email: 'feng@tks.example.test' },
    { name: '陈专员', email: 'chen@tks.example.test' },
  ]);
  accountId = a.account.id;
  callerId = a.contacts.find((c) => c.email === 'chen@tks.example.test')!.id;
  quietAccountId = (
    await buildAccount(t.database.db, { code: 'TKS-B' }, [{ name: '褚经理', mobile: '13700137000' }])
  ).account.id;
});
afterAll(async () => {
  await smtp.close();
  await t.close();
});

const sweep = async () => {
  const logged: Record<string, unknown>[] = [];
  await JOB_DEFINITIONS.get('surveys.dispatch')!.handle(
    { database: t.database, config: { PUBLIC_URL: SITE } as never, clock, log: (o) => void logged.push(o) },
    {},
  );
  return logged[0] ?? { sent: 0, skipped: 0 };
};
const api = (method: 'POST' | 'GET', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: agent.headers, payload });

/** A ticket opened by the agent (assigned to them) and moved to `status` with a resolution. */
async function ticket(account: string, status: 'resolved' | 'closed', contactId?: string) {
  const opened = await api('POST', '/tickets', {
    kind: 'complaint',
    category: 'delay',
    subject: '到货晚了两天',
    accountId: account,
    contactId,
    assigneeId: agent.userId,
  });
  expect(opened.statusCode, opened.body).toBe(201);
  const moved = await api('POST', `/tickets/${opened.json().id}/status`, {
    version: opened.json().version,
    status,
    resolution: '已向客户说明原因并补偿运费',
  });
  expect(moved.statusCode, moved.body).toBe(200);
  return opened.json().id as string;
}

describe('survey after a ticket closes', () => {
  it("mails the ticket's contact once the ticket is closed (not when only resolved)", async () => {
    const resolvedOnly = await ticket(accountId, 'resolved', callerId);
    expect(await sweep()).toEqual({ sent: 0, skipped: 0 });
    clock.advanceMinutes(15);
    const closed = await ticket(accountId, 'closed', callerId);
    clock.advanceMinutes(15);
    expect(await sweep()).toEqual({ sent: 1, skipped: 0 });
    const { rows } = await t.database.pool.query(
      `SELECT ticket_id, trigger, recipient, contact_id FROM survey_invitations WHERE account_id = $1`,
      [accountId],
    );
    expect(rows).toEqual([
      { ticket_id: closed, trigger: 'ticket', recipient: 'chen@tks.example.test', contact_id: callerId },
    ]);
    expect(rows[0].ticket_id).not.toBe(resolvedOnly);

    await deliverOutbox(
      t.database.db,
      createMailTransport({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: 'CRM <crm@example.test>' }),
      outboxLogSmsProvider,
      clock.now(),
    );
    const mail = smtp.received.find((m) => m.to === 'chen@tks.example.test')!;
    const path = mail.raw
      .replace(/=\r?\n/g, '')
      .match(/https:\/\/crm\.example\.test(\/s\/[A-Za-z0-9_-]{32})/)![1];
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(200);
    expect(await sweep()).toEqual({ sent: 0, skipped: 0 });
  });

  it('a closed ticket of a contact without email is skipped once, with the reason', async () => {
    const closed = await ticket(quietAccountId, 'closed');
    clock.advanceMinutes(15);
    expect(await sweep()).toEqual({ sent: 0, skipped: 1 });
    expect(await sweep()).toEqual({ sent: 0, skipped: 0 });
    const { rows } = await t.database.pool.query(`SELECT ticket_id, trigger, reason FROM survey_skips`);
    expect(rows).toEqual([{ ticket_id: closed, trigger: 'ticket', reason: 'no_email' }]);
  });
});
