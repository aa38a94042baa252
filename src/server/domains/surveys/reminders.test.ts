import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount } from '../../../../test/accountFactory.js';
import { startTestSmtp } from '../../../../test/smtp.js';
import { answer, fullAnswer } from '../../../../test/surveyHelpers.js';
import { createTestApp, type TestApp } from '../../../../test/testApp.js';
import { JOB_DEFINITIONS } from '../../jobs/registry.js';
import { TestClock } from '../../lib/clock.js';
import { createMailTransport, outboxLogSmsProvider } from '../notifications/mail.js';
import { deliverOutbox } from '../notifications/service.js';
import './index.js';

const clock = new TestClock(new Date('2025-05-01T02:00:00Z'));
const SITE = 'https://crm.example.test';
let t: TestApp;
let manager: Record<string, string>;
let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
const ids: Record<string, string> = {};
/** The first link each address received. */
const links: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: SITE }, { clock });
  manager = (await t.loginAs('manager')).headers;
  smtp = await startTestSmtp();
  for (const c of ['a', 'b', 'c', 'd', 'e']) {
    const made = await buildAccount(t.database.db, { code: `REM-${c.toUpperCase()}` }, [
      { name: `联系人${c}`, email: `${c}@rem.example.test` },
    ]);
    ids[c] = made.account.id;
  }
});
afterAll(async () => {
  await smtp.close();
  await t.close();
});

const DAY = 86_400_000;
const at = (days: number) => clock.set(new Date(Date.parse('2025-05-01T02:00:00Z') + days * DAY));
const remind = async () => {
  const logged: Record<string, unknown>[] = [];
  await JOB_DEFINITIONS.get('surveys.remind')!.handle(
    { database: t.database, config: { PUBLIC_URL: SITE } as never, clock, log: (o) => void logged.push(o) },
    {},
  );
  return (logged[0]?.sent as number) ?? 0;
};
/** Delivers the outbox to the test SMTP server; the new mails' recipients and links. */
const deliver = async () => {
  const before = smtp.received.length;
  await deliverOutbox(
    t.database.db,
    createMailTransport({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: 'CRM <crm@example.test>' }),
    outboxLogSmsProvider,
    clock.now(),
  );
  return smtp.received.slice(before).map((m) => {
    const raw = m.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    return { to: m.to, path: raw.match(/https:\/\/crm\.example\.test(\/s\/[A-Za-z0-9_-]{32})(?!\/)/)![1] };
  });
};
const send = (accounts: string[]) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/surveys/send',
    headers: manager,
    payload: { accountIds: accounts.map((c) => ids[c]) },
  });
const saveRules = async (change: (s: Record<string, unknown>) => Record<string, unknown>) => {
  const current = (
    await t.app.inject({ method: 'GET', url: '/api/v1/survey-settings', headers: manager })
  ).json();
  const res = await t.app.inject({
    method: 'PUT',
    url: '/api/v1/survey-settings',
    headers: manager,
    payload: { version: current.version, settings: change(current.settings) },
  });
  expect(res.statusCode, res.body).toBe(200);
};

describe('survey reminders', () => {
  it('runs hourly from the schedule; rules: links valid 14 days, a reminder after 5', async () => {
    expect(JOB_DEFINITIONS.get('surveys.remind')?.cron).toBe('20 * * * *');
    await saveRules((s) => ({ ...s, linkDays: 14, reminder: { enabled: true, afterDays: 5 } }));
    expect((await send(['a', 'b', 'c', 'd'])).json()).toMatchObject({ sent: 4 });
    for (const m of await deliver()) links[m.to] = m.path;
    expect(Object.keys(links).sort()).toEqual([
      'a@rem.example.test',
      'b@rem.example.test',
      'c@rem.example.test',
      'd@rem.example.test',
    ]);
  });

  it('reminds once, after the days, those who neither answered nor unsubscribed', async () => {
    at(1);
    const token = (to: string) => links[to].slice(3);
    expect((await answer(t, token('a@rem.example.test'), fullAnswer([5, 5, 5, 5, 5], 10))).statusCode).toBe(
      200,
    );
    expect(
      (await t.app.inject({ method: 'POST', url: `${links['c@rem.example.test']}/unsubscribe` })).statusCode,
    ).toBe(200);
    at(4.9);
    expect(await remind()).toBe(0);
    at(5);
    expect(await remind()).toBe(2);
    const mails = await deliver();
    expect(mails.map((m) => m.to).sort()).toEqual(['b@rem.example.test', 'd@rem.example.test']);
    const { rows } = await t.database.pool.query(
      `SELECT recipient, subject, body FROM outbox_messages WHERE subject LIKE '提醒%' ORDER BY recipient`,
    );
    expect(rows.map((r) => r.recipient)).toEqual(['b@rem.example.test', 'd@rem.example.test']);
    expect(rows[0].body).toContain('2025/5/15'); // the link's last day, in the company zone
    at(6);
    expect(await remind()).toBe(0);

    // the reminder's link answers the same invitation; the first link then shows the thank-you
    const reminderLink = mails.find((m) => m.to === 'b@rem.example.test')!.path;
    expect(reminderLink).not.toBe(links['b@rem.example.test']);
    expect((await answer(t, reminderLink.slice(3), fullAnswer([4, 4, 4, 4, 4], 8))).statusCode).toBe(200);
    const first = await t.app.inject({
      method: 'GET',
      url: `/api/v1/public/surveys/${token('b@rem.example.test')}`,
    });
    expect(first.json().status).toBe('submitted');
    const { rows: done } = await t.database.pool.query(
      `SELECT count(*)::int AS n FROM survey_invitations WHERE account_id = $1 AND submitted_at IS NOT NULL`,
      [ids.b],
    );
    expect(done[0].n).toBe(1);
  });

  it('sends no reminder once the link has expired, nor when reminders are off', async () => {
    await saveRules((s) => ({ ...s, linkDays: 4 }));
    at(10);
    expect((await send(['e'])).json()).toMatchObject({ sent: 1 });
    await deliver();
    at(15);
    expect(await remind()).toBe(0);
    await saveRules((s) => ({ ...s, linkDays: 14, reminder: { enabled: false, afterDays: 5 } }));
    at(20);
    expect((await send(['e'])).json()).toMatchObject({ sent: 1 });
    at(26);
    expect(await remind()).toBe(0);
    await saveRules((s) => ({ ...s, reminder: { enabled: true, afterDays: 5 } }));
    expect(await remind()).toBe(1);
  });
});
