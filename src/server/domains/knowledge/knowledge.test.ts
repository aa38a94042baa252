import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount } from '../../../../test/accountFactory.js';
import { createTestApp, type TestApp } from '../../../../test/testApp.js';
import { TestClock } from '../../lib/clock.js';

const clock = new TestClock(new Date('2025-09-22T01:00:00Z'));
let t: TestApp;
type Session = { userId: string; headers: Record<string, string> };
let agent: Session;
let analyst: Session;
let sales: Session;

const call = (
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  s: Session,
  payload?: unknown,
  lang = 'en-US',
) =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...s.headers, 'accept-language': lang },
    payload: payload as object,
  });
const article = {
  titleZh: '货物破损理赔流程',
  titleEn: 'Claims for damaged cargo',
  bodyZh: '收到破损投诉后，请在24小时内收集照片和签收单。',
  bodyEn: 'Collect photos and the proof of delivery within 24 hours.',
  category: 'damage',
  tags: ['理赔', 'damage'],
};
const titles = async (s: Session, query: string) =>
  (await call('GET', `/knowledge/articles?${query}`, s))
    .json()
    .items.map((a: { titleZh: string }) => a.titleZh);

beforeAll(async () => {
  t = await createTestApp({}, { clock });
  agent = await t.loginAs('service');
  analyst = await t.loginAs('analyst');
  sales = await t.loginAs('sales');
});
afterAll(() => t.close());

describe('knowledge base', () => {
  let id: string;

  it('keeps drafts to writers, publishes with the version read, and refuses a stale edit', async () => {
    const created = await call('POST', '/knowledge/articles', agent, article);
    expect(created.statusCode, created.body).toBe(201);
    id = created.json().id;
    expect(created.json()).toMatchObject({ status: 'draft', publishedAt: null, version: 1 });
    expect((await call('GET', `/knowledge/articles/${id}`, analyst)).statusCode).toBe(404);
    expect(await titles(analyst, '')).toEqual([]);
    clock.advanceMinutes(10);
    const published = await call('PUT', `/knowledge/articles/${id}`, agent, {
      ...article,
      status: 'published',
      version: 1,
    });
    expect(published.json()).toMatchObject({
      status: 'published',
      version: 2,
      publishedAt: clock.now().toISOString(),
    });
    const stale = await call('PUT', `/knowledge/articles/${id}`, agent, {
      ...article,
      titleEn: 'x',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current.version).toBe(2);
    expect((await call('GET', `/knowledge/articles/${id}`, analyst)).json().titleEn).toBe(article.titleEn);
    const audit = await t.database.db.execute<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE entity = 'knowledgeArticle' AND entity_id = ${id} ORDER BY id`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['create', 'update']);
  });

  it('names the missing title or text in the caller language and stores nothing', async () => {
    const noTitle = await call('POST', '/knowledge/articles', agent, { category: 'delay' }, 'zh-CN');
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.json().error.fields).toEqual({ titleZh: '请至少用一种语言填写文章标题。' });
    const noBody = await call('POST', '/knowledge/articles', agent, { category: 'delay', titleEn: 'Delays' });
    expect(noBody.json().error.fields).toEqual({ bodyEn: expect.stringMatching(/every language/) });
    expect((await call('POST', '/knowledge/articles', sales, article)).statusCode).toBe(403);
    const { rows } = await t.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM knowledge_articles`,
    );
    expect(rows[0].n).toBe(1);
  });

  it('finds articles by part of a Chinese word, across words, and by part of an English word', async () => {
    await call('POST', '/knowledge/articles', agent, {
      titleZh: '运单延误的安抚话术',
      bodyZh: '先致歉，再告知新的预计送达时间。',
      category: 'delay',
      status: 'published',
    });
    expect(await titles(analyst, `q=${encodeURIComponent('破损')}`)).toEqual([article.titleZh]);
    expect(await titles(analyst, `q=${encodeURIComponent('损理')}`)).toEqual([article.titleZh]);
    expect(await titles(analyst, `q=${encodeURIComponent('签收单')}`)).toEqual([article.titleZh]);
    expect(await titles(analyst, `q=${encodeURIComponent('延误')}`)).toEqual(['运单延误的安抚话术']);
    expect(await titles(analyst, `q=${encodeURIComponent('破碎')}`)).toEqual([]);
    expect(await titles(analyst, 'q=DAMAG')).toEqual([article.titleZh]);
    expect(await titles(analyst, 'q=100%25')).toEqual([]);
    expect(await titles(analyst, 'category=delay')).toEqual(['运单延误的安抚话术']);
    expect(await titles(analyst, `tag=${encodeURIComponent('理赔')}`)).toEqual([article.titleZh]);
    const page = (await call('GET', '/knowledge/articles?limit=1', analyst)).json();
    const next = await titles(analyst, `limit=1&cursor=${page.nextCursor}`);
    expect([page.items[0].titleZh, ...next].sort()).toEqual([article.titleZh, '运单延误的安抚话术'].sort());
  });

  it('links published articles to a ticket once, records it, and unlinks', async () => {
    const accountId = (await buildAccount(t.database.db)).account.id;
    const ticket = (
      await call('POST', '/tickets', agent, {
        kind: 'claim',
        category: 'damage',
        subject: '外箱破损',
        accountId,
        assigneeId: agent.userId,
      })
    ).json();
    const draft = (await call('POST', '/knowledge/articles', agent, { ...article, titleZh: '草稿' })).json();
    const refused = await call('POST', `/tickets/${ticket.id}/knowledge-links`, agent, {
      articleId: draft.id,
    });
    expect(refused.json().error.fields.articleId).toMatch(/published/);
    for (let i = 0; i < 2; i++) {
      const res = await call('POST', `/tickets/${ticket.id}/knowledge-links`, agent, { articleId: id });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().items.map((l: { article: { id: string } }) => l.article.id)).toEqual([id]);
    }
    expect(
      (await call('POST', `/tickets/${ticket.id}/knowledge-links`, analyst, { articleId: id })).statusCode,
    ).toBe(403);
    const events = (await call('GET', `/tickets/${ticket.id}/events`, analyst)).json().items;
    expect(events.filter((e: { type: string }) => e.type === 'knowledge_linked')).toHaveLength(1);
    expect((await call('GET', `/tickets/${ticket.id}/knowledge-links`, analyst)).json().items).toHaveLength(
      1,
    );
    const unlinked = await call('DELETE', `/tickets/${ticket.id}/knowledge-links/${id}`, agent);
    expect(unlinked.json().items).toEqual([]);
    expect((await call('DELETE', `/tickets/${ticket.id}/knowledge-links/${id}`, agent)).statusCode).toBe(404);
    expect((await call('GET', `/tickets/${crypto.randomUUID()}/knowledge-links`, agent)).statusCode).toBe(
      404,
    );
  });
});
