import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount } from '../../../../test/accountFactory.js';
import { answer, deliveredShipment, fullAnswer, surveyLinks } from '../../../../test/surveyHelpers.js';
import { createTestApp, type TestApp } from '../../../../test/testApp.js';
import { TestClock } from '../../lib/clock.js';

const clock = new TestClock(new Date('2025-05-10T02:00:00Z'));
let t: TestApp;
let owner: { userId: string; headers: Record<string, string> };
let analyst: Record<string, string>;
let accountId: string;
/** Invitations: a detractor, a dimension rated 1, a happy customer. */
let ids: { detractor: string; lowDimension: string; happy: string };

beforeAll(async () => {
  t = await createTestApp({}, { clock });
  owner = await t.loginAs('sales');
  analyst = (await t.loginAs('analyst')).headers;
  accountId = (await buildAccount(t.database.db, { code: 'FUP-A', ownerId: owner.userId })).account.id;
  const service = (await t.loginAs('service')).headers;
  for (const w of ['FU-1', 'FU-2', 'FU-3'])
    await deliveredShipment(t, service, { waybill: w, accountCode: 'FUP-A' });
  const links = await surveyLinks(t, service, ['FU-1', 'FU-2', 'FU-3']);
  await answer(t, links[0].token, fullAnswer([3, 3, 3, 3, 3], 4));
  await answer(t, links[1].token, fullAnswer([4, 1, 4, 4, 4], 8));
  await answer(t, links[2].token, fullAnswer([5, 5, 5, 5, 5], 10));
  ids = {
    detractor: links[0].invitationId,
    lowDimension: links[1].invitationId,
    happy: links[2].invitationId,
  };
});
afterAll(() => t.close());

const record = (id: string, payload: object, headers = owner.headers) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/v1/survey-responses/${id}/follow-up`,
    headers: { ...headers, 'accept-language': 'en-US' },
    payload,
  });
const followUps = async () =>
  (
    await t.app.inject({
      method: 'GET',
      url: '/api/v1/surveys/results?from=2025-05-01&to=2025-06-01',
      headers: owner.headers,
    })
  ).json().followUps;

describe('follow-up outcome', () => {
  it('starts with two low scores followed up by tasks and no outcome', async () => {
    expect(await followUps()).toEqual({
      lowScores: 2,
      followedUp: 0,
      share: 0,
      outcomes: { contacted: 0, resolved: 0, no_answer: 0 },
    });
  });

  it('records the outcome with a note, closes the task, and shows it on the response', async () => {
    const res = await record(ids.detractor, { outcome: 'resolved', note: '已致电，补发货物 <b>OK</b>' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      followUpOutcome: 'resolved',
      followUpNote: '已致电，补发货物 <b>OK</b>',
    });
    const task = await t.database.pool.query('SELECT status, completed_at FROM tasks WHERE id = $1', [
      res.json().followUpTaskId,
    ]);
    expect(task.rows[0].status).toBe('done');
    expect(task.rows[0].completed_at.toISOString()).toBe(clock.now().toISOString());
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/accounts/${accountId}/surveys`,
      headers: owner.headers,
    });
    expect(list.json().items.find((s: { id: string }) => s.id === ids.detractor)).toMatchObject({
      followUpOutcome: 'resolved',
      followUpNote: '已致电，补发货物 <b>OK</b>',
      followUpRecordedAt: clock.now().toISOString(),
    });
    expect(await followUps()).toEqual({
      lowScores: 2,
      followedUp: 1,
      share: 0.5,
      outcomes: { contacted: 0, resolved: 1, no_answer: 0 },
    });
    const audit = await t.database.pool.query(
      `SELECT action FROM audit_log WHERE entity = 'surveyFollowUp' AND entity_id = $1`,
      [ids.detractor],
    );
    expect(audit.rows).toEqual([{ action: 'create' }]);
  });

  it('an outcome can be corrected; the counts follow', async () => {
    expect((await record(ids.lowDimension, { outcome: 'no_answer' })).statusCode).toBe(200);
    expect(
      (await record(ids.lowDimension, { outcome: 'contacted', note: '第二次致电接通' })).statusCode,
    ).toBe(200);
    expect((await followUps()).outcomes).toEqual({ contacted: 1, resolved: 1, no_answer: 0 });
    expect((await followUps()).share).toBe(1);
  });

  it('refuses a response without a follow-up, a bad outcome, an unknown response and a reader', async () => {
    const none = await record(ids.happy, { outcome: 'contacted' });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.fields.outcome).toBe('This response opened no follow-up.');
    const bad = await record(ids.detractor, { outcome: 'ignored' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toEqual(['outcome']);
    expect((await record('00000000-0000-4000-8000-000000000000', { outcome: 'contacted' })).statusCode).toBe(
      404,
    );
    expect((await record(ids.detractor, { outcome: 'contacted' }, analyst)).statusCode).toBe(403);
    expect((await followUps()).outcomes).toEqual({ contacted: 1, resolved: 1, no_answer: 0 });
  });
});
