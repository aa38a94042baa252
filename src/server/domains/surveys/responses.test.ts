import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount } from '../../../../test/accountFactory.js';
import { answer, deliveredShipment, fullAnswer, surveyLinks } from '../../../../test/surveyHelpers.js';
import { createTestApp, type TestApp } from '../../../../test/testApp.js';
import { TestClock } from '../../lib/clock.js';
import { sha256 } from '../../lib/crypto.js';

const clock = new TestClock(new Date('2025-05-10T02:00:00Z'));
let t: TestApp;
let staff: Record<string, string>;
let owner: { userId: string; headers: Record<string, string> };
let links: { waybill: string; token: string; path: string; invitationId: string }[];

beforeAll(async () => {
  t = await createTestApp({ SURVEY_MAX_PER_IP_PER_MINUTE: '20' }, { clock });
  staff = (await t.loginAs('service')).headers;
  owner = await t.loginAs('sales');
  await buildAccount(t.database.db, { code: 'SURV-A', nameZh: '问卷客户', ownerId: owner.userId });
  for (const w of ['SV-1', 'SV-2', 'SV-3', 'SV-4', 'SV-5'])
    await deliveredShipment(t, staff, { waybill: w, accountCode: 'SURV-A' });
  links = await surveyLinks(t, staff, ['SV-1', 'SV-2', 'SV-3', 'SV-4', 'SV-5']);
});
afterAll(() => t.close());

const page = (path: string, ip = '198.51.100.30') =>
  t.app.inject({ method: 'GET', url: path, remoteAddress: ip });

describe('survey links', () => {
  it('store only the hash of an unguessable token', async () => {
    const { rows } = await t.database.pool.query('SELECT token_hash FROM survey_invitations');
    expect(rows).toHaveLength(5);
    expect(links[0].token.length).toBeGreaterThanOrEqual(32);
    expect(rows.map((r) => r.token_hash)).toContain(sha256(links[0].token));
    expect(JSON.stringify(rows)).not.toContain(links[0].token);
  });

  it('refuse unknown waybills, naming the row', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/survey-invitations/links',
      headers: staff,
      payload: { shipments: [{ waybill: 'SV-1' }, { waybill: 'NOPE' }] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.rows).toMatchObject([
      { index: 1, field: 'waybill', code: 'survey.unknownWaybill', message: '未知的运单号。' },
    ]);
  });
});

describe('answering', () => {
  it('saves partial answers, then submits once; a resubmission changes nothing', async () => {
    const { token } = links[0];
    expect((await answer(t, token, { service_attitude: 4 }, { submit: false })).json().status).toBe('open');
    const got = await t.app.inject({ method: 'GET', url: `/api/v1/public/surveys/${token}` });
    expect(got.json()).toMatchObject({ status: 'open', waybill: 'SV-1', answers: { service_attitude: 4 } });
    const missing = await answer(t, token, { delivery_speed: 5 });
    expect(missing.statusCode).toBe(400);
    expect(Object.keys(missing.json().error.fields).sort()).toEqual([
      'answers.cargo_safety',
      'answers.information',
      'answers.price',
      'answers.recommend',
    ]);
    const ok = await answer(t, token, fullAnswer([4, 5, 5, 4, 4], 9));
    expect(ok.json()).toEqual({ status: 'submitted', alreadySubmitted: false });
    const again = await answer(t, token, fullAnswer([1, 1, 1, 1, 1], 0));
    expect(again.json()).toEqual({ status: 'submitted', alreadySubmitted: true });
    const { rows } = await t.database.pool.query(
      `SELECT question_key, score FROM survey_answers WHERE invitation_id = $1 ORDER BY question_key`,
      [links[0].invitationId],
    );
    expect(rows.find((r) => r.question_key === 'service_attitude').score).toBe(4);
    expect(rows.find((r) => r.question_key === 'recommend').score).toBe(9);
    expect((await page(links[0].path)).body).toContain('Thank you!');
  });

  it('rejects out-of-range, wrongly typed and unknown answers, storing nothing', async () => {
    const { token, invitationId } = links[1];
    const res = await answer(
      t,
      token,
      fullAnswer([6, 2.5, 'five' as unknown as number, 3, 3], 11, { deleted_question: 3 }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({
      'answers.service_attitude': 'Choose a whole number from 1 to 5.',
      'answers.delivery_speed': 'Choose a whole number from 1 to 5.',
      'answers.cargo_safety': 'This answer does not fit the question.',
      'answers.recommend': 'Choose a whole number from 0 to 10.',
      'answers.deleted_question': 'This question is not (or no longer) part of the survey.',
    });
    const zh = await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/surveys/${token}/submit`,
      headers: { 'accept-language': 'zh-CN' },
      payload: { answers: { recommend: -1 } },
    });
    expect(zh.json().error.fields['answers.recommend']).toBe('请选择 0 到 10 之间的整数。');
    const { rows } = await t.database.pool.query('SELECT 1 FROM survey_answers WHERE invitation_id = $1', [
      invitationId,
    ]);
    expect(rows).toHaveLength(0);
  });

  it('renders the phone page, keeps free text as text and shows it escaped', async () => {
    const { path } = links[2];
    const html = (await page(`${path}?lang=zh-CN`)).body;
    expect(html).toContain('name="viewport"');
    expect(html).toContain('您对配送速度是否满意？');
    const script = '<script>alert("x")</script> & <b>bold</b>';
    const form = new URLSearchParams({ q_price: '2', q_comment: script, action: 'save' });
    const saved = await t.app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form.toString(),
      remoteAddress: '198.51.100.31',
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.body).not.toContain('<script>alert');
    expect(saved.body).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;',
    );
    const { rows } = await t.database.pool.query(
      `SELECT text FROM survey_answers WHERE invitation_id = $1 AND question_key = 'comment'`,
      [links[2].invitationId],
    );
    expect(rows[0].text).toBe(script);
    const reopened = (await page(path)).body;
    expect(reopened).toContain('value="2" checked');
    expect(reopened).toContain('&lt;script&gt;');
  });

  it('shows a clear page for forged and expired links', async () => {
    const forged = await page('/s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA?lang=en-US');
    expect(forged.statusCode).toBe(404);
    expect(forged.body).toContain('This survey link is not valid');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/public/surveys/AAAAAAAAAAAAAAAAAAAAAAAA' }))
        .statusCode,
    ).toBe(404);
    clock.set('2025-06-20T00:00:00Z'); // 30 days later
    try {
      const expired = await page(links[3].path);
      expect(expired.statusCode).toBe(410);
      expect(expired.body).toContain('This survey link has expired');
      const api = await answer(t, links[3].token, fullAnswer([5, 5, 5, 5, 5], 10));
      expect(api.statusCode).toBe(410);
      expect(api.json().error.code).toBe('LINK_EXPIRED');
    } finally {
      clock.set('2025-05-10T02:00:00Z');
    }
  });

  it('opens a follow-up task for the account owner on a low score', async () => {
    const res = await answer(t, links[4].token, fullAnswer([4, 2, 4, 4, 4], 8, { comment: 'Late again' }));
    expect(res.json().status).toBe('submitted');
    const tasks = await t.app.inject({
      method: 'GET',
      url: `/api/v1/tasks?assigneeId=${owner.userId}`,
      headers: owner.headers,
    });
    const items = tasks.json().items;
    expect(items).toHaveLength(1);
    expect(items[0].title).toContain('delivery_speed 2');
    expect(items[0].notes).toContain('Late again');
    const { rows } = await t.database.pool.query(
      'SELECT follow_up_task_id FROM survey_invitations WHERE id = $1',
      [links[4].invitationId],
    );
    expect(rows[0].follow_up_task_id).toBe(items[0].id);
  });

  it('limits requests per address', async () => {
    const ip = '203.0.113.50';
    let last = 0;
    for (let i = 0; i <= 20; i++) last = (await page(links[0].path, ip)).statusCode;
    expect(last).toBe(429);
    expect((await page(links[0].path, '203.0.113.51')).statusCode).toBe(200);
  });
});
