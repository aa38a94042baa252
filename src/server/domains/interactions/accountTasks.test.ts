import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount } from '../../../../test/accountFactory.js';
import { createTestApp, type TestApp } from '../../../../test/testApp.js';

let t: TestApp;
let manager: { userId: string; headers: Record<string, string> };
let sales: { userId: string; headers: Record<string, string> };
const ids: Record<string, string> = {};
const due = '2026-12-01T09:00:00+08:00';

const post = (query: string, payload: object, headers = manager.headers) =>
  t.app.inject({ method: 'POST', url: `/api/v1/tasks/for-accounts?${query}`, headers, payload });

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.loginAs('manager');
  sales = await t.loginAs('sales');
  for (const [key, owner] of [
    ['a1', sales.userId],
    ['a2', undefined],
    ['b1', sales.userId],
  ] as const)
    ids[key] = (await buildAccount(t.database.db, { ownerId: owner })).account.id;
  // the current analytics snapshot, by hand: a1 and a2 are class A, b1 is class B
  const { rows } = await t.database.pool.query<{ id: string }>(
    `INSERT INTO analytics_runs (kind, status, as_of, settings, finished_at)
     VALUES ('manual', 'succeeded', current_date, '{}', now()) RETURNING id`,
  );
  for (const [key, abc, risk] of [
    ['a1', 'A', 80],
    ['a2', 'A', 75],
    ['b1', 'B', 90],
  ] as const)
    await t.database.pool.query(
      `INSERT INTO account_segments VALUES ($1, $2, 10, 3, 30000, 3, 3, 3, 'At risk', $3, 1, 4, 0.4, 10000, 40000,
         9000, 'potential', 'decline', '{"rule":"volume_falling"}', $4, '[]', 'key')`,
      [rows[0].id, ids[key], abc, risk],
    );
});
afterAll(() => t.close());

const tasksOf = async () =>
  (
    await t.database.pool.query(
      'SELECT account_id, assignee_id, title, kind, due_at, remind_at FROM tasks ORDER BY account_id',
    )
  ).rows;

describe('tasks for every account of a segment', () => {
  it('creates one task per account of the segment, for its owner or else the caller', async () => {
    const res = await post('abcClass=A&riskMin=70', { title: '挽留回访', kind: 'return_visit', dueAt: due });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ created: 2 });
    const rows = await tasksOf();
    expect(rows.map((r) => r.account_id).sort()).toEqual([ids.a1, ids.a2].sort());
    const by = Object.fromEntries(rows.map((r) => [r.account_id, r]));
    expect(by[ids.a1].assignee_id).toBe(sales.userId);
    expect(by[ids.a2].assignee_id).toBe(manager.userId); // no owner: the caller
    expect(by[ids.a1]).toMatchObject({ title: '挽留回访', kind: 'return_visit' });
    expect(by[ids.a1].remind_at.getTime()).toBe(new Date(due).getTime() - 3_600_000);
  });

  it('assigns every task to one staff member when told', async () => {
    const res = await post('abcClass=B', { title: 'Call', dueAt: due, assignTo: manager.userId });
    expect(res.json()).toEqual({ created: 1 });
    expect((await tasksOf()).find((r) => r.account_id === ids.b1)?.assignee_id).toBe(manager.userId);
  });

  it('creates nothing for no match, a bad assignee, bad input or too many accounts, naming the field', async () => {
    const before = (await tasksOf()).length;
    const none = await post('abcClass=C', { title: 'x', dueAt: due });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.fields).toHaveProperty('accounts');
    const stranger = await post('abcClass=A', {
      title: 'x',
      dueAt: due,
      assignTo: '00000000-0000-4000-8000-000000000001',
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.fields).toHaveProperty('assignTo');
    const bad = await post('riskMin=101', { title: '', dueAt: 'tomorrow' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toEqual(expect.arrayContaining(['title', 'dueAt']));
    await t.database.pool.query(`INSERT INTO accounts (code, name_zh, transport_needs, normalized_names, tags)
      SELECT 'M' || g, '批量客户' || g, '{"modes":[],"lanes":[]}', '{}', '{bulk}' FROM generate_series(1, 5001) g`);
    const many = await post('tag=bulk', { title: 'x', dueAt: due });
    expect(many.statusCode).toBe(400);
    expect(many.json().error.fields.accounts).toMatch(/5001/);
    expect((await tasksOf()).length).toBe(before);
  });

  it('needs the permission to write tasks', async () => {
    const portal = await t.loginAs('portal');
    const res = await post('abcClass=A', { title: 'x', dueAt: due }, portal.headers);
    expect(res.statusCode).toBe(403);
  });
});
