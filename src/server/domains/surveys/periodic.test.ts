import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount } from '../../../../test/accountFactory.js';
import { startTestSmtp } from '../../../../test/smtp.js';
import { createTestApp, type TestApp } from '../../../../test/testApp.js';
import { JOB_DEFINITIONS } from '../../jobs/registry.js';
import { TestClock } from '../../lib/clock.js';
import { createMailTransport, outboxLogSmsProvider } from '../notifications/mail.js';
import { deliverOutbox } from '../notifications/service.js';
import './index.js';
import { periodStart } from './periodic.js';

const clock = new TestClock(new Date('2025-03-10T02:00:00Z'));
const SITE = 'https://crm.example.test';
let t: TestApp;
let manager: Record<string, string>;
let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: SITE }, { clock });
  manager = (await t.loginAs('manager')).headers;
  smtp = await startTestSmtp();
  const db = t.database.db;
  const made = [
    await buildAccount(db, { code: 'PER-S', tier: 'strategic' }, [
      { name: '孙总', email: 'sun@s.example.test' },
    ]),
    await buildAccount(db, { code: 'PER-K', tier: 'key' }, [
      { name: '钱经理', email: 'qian@k.example.test' },
    ]),
    await buildAccount(db, { code: 'PER-G', tier: 'general' }, [{ name: '周经理', mobile: '13900139000' }]),
    await buildAccount(db, { code: 'PER-U', tier: 'strategic' }, [
      { name: '吴总', email: 'wu@u.example.test' },
    ]),
    await buildAccount(db, { code: 'PER-R', tier: 'general' }, [
      { name: '郑经理', email: 'zheng@r.example.test' },
    ]),
  ];
  for (const a of made) ids[a.account.code] = a.account.id;
});
afterAll(async () => {
  await smtp.close();
  await t.close();
});

/** The daily schedule's handler, as pg-boss runs it, at the test clock's time. */
const runSchedule = async () => {
  const logged: Record<string, unknown>[] = [];
  await JOB_DEFINITIONS.get('surveys.periodic')!.handle(
    {
      database: t.database,
      config: { PUBLIC_URL: SITE } as never,
      clock,
      log: (o) => void logged.push(o),
    },
    {},
  );
  return logged[0] ?? { sent: 0, skipped: 0 };
};
const deliver = () =>
  deliverOutbox(
    t.database.db,
    createMailTransport({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: 'CRM <crm@example.test>' }),
    outboxLogSmsProvider,
    clock.now(),
  );
const periodicSent = async () =>
  (
    await t.database.pool.query(
      `SELECT a.code, i.recipient, to_char(i.sent_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day
       FROM survey_invitations i JOIN accounts a ON a.id = i.account_id
       WHERE i.trigger = 'periodic' ORDER BY i.sent_at, a.code`,
    )
  ).rows;
const skips = async () =>
  (
    await t.database.pool.query(
      `SELECT a.code, k.reason, to_char(k.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day
       FROM survey_skips k JOIN accounts a ON a.id = k.account_id
       WHERE k.trigger = 'periodic' ORDER BY k.created_at, a.code`,
    )
  ).rows;

describe('periodic relationship surveys', () => {
  it('calendar periods of the year in the company zone', () => {
    expect(periodStart(new Date('2025-03-31T16:30:00Z'), 3, 'Asia/Shanghai')).toBe('2025-04-01');
    expect(periodStart(new Date('2025-03-31T15:30:00Z'), 3, 'Asia/Shanghai')).toBe('2025-01-01');
    expect(periodStart(new Date('2025-08-10T00:00:00Z'), 6, 'Asia/Shanghai')).toBe('2025-07-01');
    expect(periodStart(new Date('2025-08-10T00:00:00Z'), 12, 'Asia/Shanghai')).toBe('2025-01-01');
    expect(periodStart(new Date('2025-08-10T00:00:00Z'), 1, 'Asia/Shanghai')).toBe('2025-08-01');
    expect(JOB_DEFINITIONS.get('surveys.periodic')?.cron).toBe('0 1 * * *');
  });

  it('rejects a period that is not a calendar division of the year, naming the field', async () => {
    const current = (
      await t.app.inject({ method: 'GET', url: '/api/v1/survey-settings', headers: manager })
    ).json();
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/survey-settings',
      headers: { ...manager, 'accept-language': 'en-US' },
      payload: {
        version: current.version,
        settings: {
          ...current.settings,
          periodic: { enabled: true, everyMonths: { strategic: 5, key: 6, general: 12 } },
        },
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields['settings.periodic.everyMonths.strategic']).toBe(
      'Choose 0 (none), 1, 2, 3, 4, 6 or 12 months.',
    );
  });

  it('is off until enabled; a manual send on 10 March counts for the per-contact period', async () => {
    expect(await runSchedule()).toEqual({ sent: 0, skipped: 0 });
    const manual = await t.app.inject({
      method: 'POST',
      url: '/api/v1/surveys/send',
      headers: manager,
      payload: { accountIds: [ids['PER-R']] },
    });
    expect(manual.json()).toMatchObject({ sent: 1 });
    await t.database.pool.query(
      `INSERT INTO survey_opt_outs (email, created_at) VALUES ('wu@u.example.test', now())`,
    );
    const current = (
      await t.app.inject({ method: 'GET', url: '/api/v1/survey-settings', headers: manager })
    ).json();
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/survey-settings',
      headers: manager,
      payload: {
        version: current.version,
        settings: {
          ...current.settings,
          afterDelivery: { ...current.settings.afterDelivery, periodDays: 30 },
          periodic: { enabled: true, everyMonths: { strategic: 3, key: 6, general: 12 } },
        },
      },
    });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('surveys each tier once per its period, skipping with reasons recorded once per period', async () => {
    clock.set('2025-03-20T02:00:00Z');
    expect(await runSchedule()).toEqual({ sent: 2, skipped: 3 });
    expect(await periodicSent()).toEqual([
      { code: 'PER-K', recipient: 'qian@k.example.test', day: '2025-03-20' },
      { code: 'PER-S', recipient: 'sun@s.example.test', day: '2025-03-20' },
    ]);
    const before = smtp.received.length;
    expect((await deliver()).sent).toBeGreaterThanOrEqual(2);
    const mails = smtp.received.slice(before).map((m) => m.to);
    expect(mails).toEqual(expect.arrayContaining(['qian@k.example.test', 'sun@s.example.test']));
    const sunMail = smtp.received.slice(before).find((m) => m.to === 'sun@s.example.test')!;
    expect(sunMail.raw.replace(/=\r?\n/g, '')).toMatch(/https:\/\/crm\.example\.test\/s\/[A-Za-z0-9_-]{32}/);
    const firstSkips = [
      { code: 'PER-G', reason: 'no_email', day: '2025-03-20' },
      { code: 'PER-R', reason: 'recently_surveyed', day: '2025-03-20' },
      { code: 'PER-U', reason: 'unsubscribed', day: '2025-03-20' },
    ];
    expect(await skips()).toEqual(firstSkips);

    // the next day: nothing new is sent, the skips are tried again but not recorded twice
    clock.set('2025-03-21T01:00:00Z');
    expect(await runSchedule()).toEqual({ sent: 0, skipped: 3 });
    expect(await skips()).toEqual(firstSkips);
  });

  it('a new quarter surveys strategic accounts again once the per-contact period allows', async () => {
    clock.set('2025-04-15T01:00:00Z');
    // PER-S was surveyed 26 days ago (30-day rule): skipped now, tried again later in the quarter
    expect(await runSchedule()).toEqual({ sent: 1, skipped: 3 });
    expect((await periodicSent()).slice(2)).toEqual([
      { code: 'PER-R', recipient: 'zheng@r.example.test', day: '2025-04-15' },
    ]);
    expect((await skips()).slice(3)).toEqual([
      { code: 'PER-S', reason: 'recently_surveyed', day: '2025-04-15' },
      { code: 'PER-U', reason: 'unsubscribed', day: '2025-04-15' },
    ]);
    clock.set('2025-04-25T01:00:00Z');
    expect(await runSchedule()).toEqual({ sent: 1, skipped: 2 });
    expect((await periodicSent()).slice(3).map((r) => r.code)).toEqual(['PER-S']);
    expect(await skips()).toHaveLength(5);
  });

  it('the second half-year surveys key accounts again; the general year is not over', async () => {
    clock.set('2025-07-01T01:00:00Z');
    expect(await runSchedule()).toEqual({ sent: 2, skipped: 2 });
    expect((await periodicSent()).slice(4).map((r) => r.code)).toEqual(['PER-K', 'PER-S']);
    expect((await skips()).slice(5)).toEqual([{ code: 'PER-U', reason: 'unsubscribed', day: '2025-07-01' }]);
  });
});
