import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount } from '../../../../test/accountFactory.js';
import { startTestSmtp } from '../../../../test/smtp.js';
import { deliveredShipment } from '../../../../test/surveyHelpers.js';
import { createTestApp, type TestApp } from '../../../../test/testApp.js';
import { TestClock } from '../../lib/clock.js';
import { createMailTransport, outboxLogSmsProvider } from '../notifications/mail.js';
import { deliverOutbox } from '../notifications/service.js';
import { dispatchSurveys } from './dispatch.js';

const clock = new TestClock(new Date('2025-05-03T06:00:00Z'));
const SITE = 'https://crm.example.test';
let t: TestApp;
let manager: Record<string, string>;
let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
let port: number;

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: SITE }, { clock });
  manager = (await t.loginAs('manager')).headers;
  smtp = await startTestSmtp();
  port = smtp.port;
  const db = t.database.db;
  await buildAccount(db, { code: 'DSP-A', tier: 'general' }, [
    { name: '王经理', email: 'wang@a.example.test' },
  ]);
  await buildAccount(db, { code: 'DSP-B', tier: 'general' }, [{ name: '李经理', mobile: '13800138000' }]);
  await buildAccount(db, { code: 'DSP-C', tier: 'key' }, [{ name: '赵经理', email: 'Zhao@c.example.test' }]);
});
afterAll(async () => {
  await smtp.close();
  await t.close();
});

const deliver = async () =>
  deliverOutbox(
    t.database.db,
    createMailTransport({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'CRM <crm@example.test>' }),
    outboxLogSmsProvider,
    clock.now(),
  );
const linkIn = (raw: string) => {
  const text = raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  return text.match(/https:\/\/crm\.example\.test(\/s\/[A-Za-z0-9_-]{32})(?!\/)/)![1];
};
const skips = async () =>
  (
    await t.database.pool.query(
      `SELECT s.waybill, k.reason FROM survey_skips k JOIN shipments s ON s.id = k.shipment_id ORDER BY s.waybill`,
    )
  ).rows;

describe('survey dispatch', () => {
  it('saves the rules: every delivery sampled, one survey per contact per 30 days', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/survey-settings',
      headers: manager,
      payload: {
        version: 0,
        settings: {
          linkDays: 14,
          afterDelivery: {
            enabled: true,
            samplingPercent: { strategic: 100, key: 100, general: 100 },
            periodDays: 30,
          },
          afterTicket: { enabled: true },
          followUp: { onDetractor: true, dimensionAtMost: 2, dueDays: 2 },
        },
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().version).toBe(1);
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/survey-settings',
      headers: { ...manager, 'accept-language': 'en-US' },
      payload: {
        version: 1,
        settings: {
          ...res.json().settings,
          afterDelivery: {
            ...res.json().settings.afterDelivery,
            samplingPercent: { strategic: 101, key: 0, general: 0 },
          },
        },
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields['settings.afterDelivery.samplingPercent.strategic']).toBe(
      'A percentage from 0 to 100.',
    );
  });

  it('an unsubscribe link of a manual send is respected afterwards', async () => {
    const { rows } = await t.database.pool.query(
      `SELECT id FROM accounts WHERE code IN ('DSP-B', 'DSP-C') ORDER BY code`,
    );
    const sent = await t.app.inject({
      method: 'POST',
      url: '/api/v1/surveys/send',
      headers: manager,
      payload: { accountIds: rows.map((r) => r.id) },
    });
    expect(sent.json()).toMatchObject({ sent: 1, skipped: [{ accountId: rows[0].id, reason: 'no_email' }] });
    const delivery = await deliver();
    const mail = smtp.received.find((m) => m.to.toLowerCase() === 'zhao@c.example.test')!;
    expect(delivery).toEqual({ sent: 1, failed: 0 });
    const path = linkIn(mail.raw);
    const ask = await t.app.inject({ method: 'GET', url: `${path}/unsubscribe` });
    expect(ask.body).toContain('不再向我发送满意度调查');
    const done = await t.app.inject({ method: 'POST', url: `${path}/unsubscribe` });
    expect(done.body).toContain('此邮箱将不再收到满意度调查');
  });

  it('mails a survey after delivery, skipping with reasons, once per contact per period', async () => {
    await deliveredShipment(t, manager, {
      waybill: 'DSP-A1',
      accountCode: 'DSP-A',
      deliveredAt: '2025-05-03T10:00:00+08:00',
    });
    await deliveredShipment(t, manager, {
      waybill: 'DSP-A2',
      accountCode: 'DSP-A',
      deliveredAt: '2025-05-03T11:00:00+08:00',
    });
    await deliveredShipment(t, manager, {
      waybill: 'DSP-B1',
      accountCode: 'DSP-B',
      deliveredAt: '2025-05-03T10:00:00+08:00',
    });
    await deliveredShipment(t, manager, {
      waybill: 'DSP-C1',
      accountCode: 'DSP-C',
      deliveredAt: '2025-05-03T10:00:00+08:00',
    });
    await deliveredShipment(t, manager, {
      waybill: 'DSP-OLD',
      accountCode: 'DSP-A',
      deliveredAt: '2025-04-20T10:00:00+08:00',
    });
    expect(await dispatchSurveys(t.database.db, clock.now(), SITE)).toEqual({ sent: 1, skipped: 3 });
    expect(await skips()).toEqual([
      { waybill: 'DSP-A2', reason: 'recently_surveyed' },
      { waybill: 'DSP-B1', reason: 'no_email' },
      { waybill: 'DSP-C1', reason: 'unsubscribed' },
    ]);
    expect(await dispatchSurveys(t.database.db, clock.now(), SITE)).toEqual({ sent: 0, skipped: 0 });
    expect((await deliver()).sent).toBe(1);
    const mail = smtp.received.find((m) => m.to === 'wang@a.example.test')!;
    expect(mail.raw).toContain('DSP-A1');
    const page = await t.app.inject({ method: 'GET', url: linkIn(mail.raw) });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('关于运单 DSP-A1');
  });

  it('surveys the same contact again once the period is over', async () => {
    clock.set('2025-06-10T06:00:00Z');
    await deliveredShipment(t, manager, {
      waybill: 'DSP-A3',
      accountCode: 'DSP-A',
      deliveredAt: '2025-06-10T10:00:00+08:00',
    });
    expect(await dispatchSurveys(t.database.db, clock.now(), SITE)).toEqual({ sent: 1, skipped: 0 });
    const { rows } = await t.database.pool.query(
      `SELECT i.trigger, i.channel, i.recipient, i.expires_at FROM survey_invitations i
       JOIN shipments s ON s.id = i.shipment_id WHERE s.waybill = 'DSP-A3'`,
    );
    expect(rows[0]).toMatchObject({
      trigger: 'delivery',
      channel: 'email',
      recipient: 'wang@a.example.test',
    });
    expect(rows[0].expires_at.toISOString()).toBe('2025-06-24T06:00:00.000Z'); // linkDays 14
  });
});
