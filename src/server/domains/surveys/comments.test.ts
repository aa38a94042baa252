import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount } from '../../../../test/accountFactory.js';
import { answer, deliveredShipment, fullAnswer, surveyLinks } from '../../../../test/surveyHelpers.js';
import { createTestApp, type TestApp } from '../../../../test/testApp.js';
import { TestClock } from '../../lib/clock.js';

const clock = new TestClock(new Date('2025-05-10T02:00:00Z'));
let t: TestApp;
let manager: Record<string, string>;
let keyAccount: string;

/*
 * Comments: CM-1 key, NPS 10, all 5 — "准时送达，服务很好"      (10 May)
 *           CM-2 key, NPS 3, price 1 — "<script>alert(1)</script> 价格太高" (11 May)
 *           CM-3 general, NPS 8, delivery 2 — "100% 满意，但是慢了"  (12 May)
 *           CM-4 general, NPS 5, no comment                            (12 May)
 *           CM-5 general, NPS 9 — "下月再说" answered 2 June (outside May)
 */
beforeAll(async () => {
  t = await createTestApp({}, { clock });
  manager = (await t.loginAs('service')).headers;
  keyAccount = (await buildAccount(t.database.db, { code: 'CMT-K', tier: 'key', nameZh: '重点客户甲' }))
    .account.id;
  await buildAccount(t.database.db, { code: 'CMT-G', tier: 'general' });
  const waybills = ['CM-1', 'CM-2', 'CM-3', 'CM-4', 'CM-5'];
  for (const [i, w] of waybills.entries())
    await deliveredShipment(t, manager, { waybill: w, accountCode: i < 2 ? 'CMT-K' : 'CMT-G' });
  const links = await surveyLinks(t, manager, waybills);
  const answers = [
    fullAnswer([5, 5, 5, 5, 5], 10, { comment: '准时送达，服务很好' }),
    fullAnswer([4, 4, 4, 1, 4], 3, { comment: '<script>alert(1)</script> 价格太高' }),
    fullAnswer([4, 2, 4, 4, 4], 8, { comment: '100% 满意，但是慢了' }),
    fullAnswer([3, 3, 3, 3, 3], 5),
    fullAnswer([5, 5, 5, 5, 5], 9, { comment: '下月再说' }),
  ];
  const days = ['2025-05-10', '2025-05-11', '2025-05-12', '2025-05-12', '2025-06-02'];
  for (const [i, a] of answers.entries()) {
    clock.set(`${days[i]}T02:00:00Z`);
    expect((await answer(t, links[i].token, a)).statusCode).toBe(200);
  }
});
afterAll(() => t.close());

const comments = async (query: string) => {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/v1/surveys/comments?from=2025-05-01&to=2025-06-01&${query}`,
    headers: { ...manager, 'accept-language': 'en-US' },
  });
  return res;
};
const texts = async (query: string) => {
  const res = await comments(query);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { text: string }[]).map((c) => c.text);
};

describe('verbatim comments', () => {
  it('lists the period’s comments newest first, as stored (HTML is text), with NPS and lowest rating', async () => {
    const res = await comments('');
    expect(res.json().total).toBe(3);
    expect(res.json().items).toEqual([
      expect.objectContaining({
        text: '100% 满意，但是慢了',
        nps: 8,
        lowestRating: 2,
        tier: 'general',
        waybill: 'CM-3',
      }),
      expect.objectContaining({
        text: '<script>alert(1)</script> 价格太高',
        nps: 3,
        lowestRating: 1,
        accountId: keyAccount,
        accountName: '重点客户甲',
      }),
      expect.objectContaining({ text: '准时送达，服务很好', nps: 10, lowestRating: 5 }),
    ]);
  });

  it('filters by NPS group, a dimension rated 2 or lower, account, tier and text', async () => {
    expect(await texts('npsGroup=detractor')).toEqual(['<script>alert(1)</script> 价格太高']);
    expect(await texts('npsGroup=passive')).toEqual(['100% 满意，但是慢了']);
    expect(await texts('npsGroup=promoter')).toEqual(['准时送达，服务很好']);
    expect(await texts('lowDimension=true')).toEqual([
      '100% 满意，但是慢了',
      '<script>alert(1)</script> 价格太高',
    ]);
    expect(await texts(`accountId=${keyAccount}`)).toHaveLength(2);
    expect(await texts('tier=general')).toEqual(['100% 满意，但是慢了']);
    expect(await texts(`q=${encodeURIComponent('价格')}`)).toEqual(['<script>alert(1)</script> 价格太高']);
    expect(await texts(`q=${encodeURIComponent('100%')}`)).toEqual(['100% 满意，但是慢了']);
    expect(await texts(`q=${encodeURIComponent('%')}&tier=key`)).toEqual([]);
  });

  it('pages on the server', async () => {
    const first = (await comments('pageSize=2')).json();
    expect(first).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(first.items).toHaveLength(2);
    const second = (await comments('pageSize=2&page=2')).json();
    expect(second.items.map((c: { text: string }) => c.text)).toEqual(['准时送达，服务很好']);
    const past = (await comments('pageSize=2&page=5')).json();
    expect(past).toMatchObject({ total: 3, items: [] });
  });

  it('refuses bad filters, naming the field', async () => {
    const res = await comments('npsGroup=angry&pageSize=500');
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual(['npsGroup', 'pageSize']);
  });
});
