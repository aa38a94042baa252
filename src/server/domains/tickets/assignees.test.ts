import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount } from '../../../../test/accountFactory.js';
import { createTestApp, type TestApp } from '../../../../test/testApp.js';

let t: TestApp;
type Session = { userId: string; headers: Record<string, string> };
let manager: Session;
let lead: Session;
let agentA: Session;
let agentB: Session;
let outsider: Session;
let analyst: Session;
let accountId: string;

const call = (method: 'GET' | 'POST' | 'PUT', url: string, s: Session, payload?: unknown, lang = 'en-US') =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...s.headers, 'accept-language': lang },
    payload: payload as object,
  });
const assignees = async (s: Session) =>
  (await call('GET', '/service-desk/assignees', s)).json().items.map((u: { id: string }) => u.id);
const open = (s: Session, assigneeId: string, lang = 'en-US') =>
  call(
    'POST',
    '/tickets',
    s,
    { kind: 'inquiry', category: 'billing', severity: 'low', subject: '发票抬头', accountId, assigneeId },
    lang,
  );

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.loginAs('manager');
  lead = await t.loginAs('service');
  agentA = await t.loginAs('service');
  agentB = await t.loginAs('service');
  outsider = await t.loginAs('service');
  analyst = await t.loginAs('analyst');
  accountId = (await buildAccount(t.database.db)).account.id;
  const [desk] = (await call('GET', '/teams', manager)).json().items;
  const own = await call('PUT', `/teams/${desk.id}`, manager, {
    ...desk,
    id: undefined,
    leadId: lead.userId,
    memberIds: [agentA.userId, agentB.userId],
  });
  expect(own.statusCode, own.body).toBe(200);
  const other = await call('POST', '/teams', manager, {
    name: 'Claims desk',
    calendarId: desk.calendarId,
    memberIds: [outsider.userId],
  });
  expect(other.statusCode, other.body).toBe(201);
});
afterAll(() => t.close());

describe('who may be given a ticket', () => {
  it('lists yourself and your team to an agent or a team lead, everyone on the desk to a manager', async () => {
    const team = [lead.userId, agentA.userId, agentB.userId].sort();
    expect((await assignees(agentA)).sort()).toEqual(team);
    expect((await assignees(lead)).sort()).toEqual(team);
    expect((await assignees(outsider)).sort()).toEqual([outsider.userId]);
    const all = await assignees(manager);
    expect(all).toEqual(expect.arrayContaining([...team, outsider.userId, manager.userId]));
    expect(all).not.toContain(analyst.userId); // analysts do not work tickets
    expect((await call('GET', '/service-desk/assignees', analyst)).statusCode).toBe(403);
  });

  it('lets an agent assign within the team only, with a localised error naming the field', async () => {
    expect((await open(agentA, agentB.userId)).statusCode).toBe(201);
    const refused = await open(agentA, outsider.userId);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields.assigneeId).toMatch(/member of your team/);
    const zh = await open(agentA, outsider.userId, 'zh-CN');
    expect(zh.json().error.fields.assigneeId).toMatch(/本团队成员/);
    expect((await open(manager, outsider.userId)).statusCode).toBe(201);
  });

  it('lets an agent edit a ticket assigned outside the team, and hand it back to the team', async () => {
    const tk = (await open(manager, outsider.userId)).json();
    const edited = await call('PUT', `/tickets/${tk.id}`, agentA, {
      version: tk.version,
      subject: '发票抬头有误',
      assigneeId: outsider.userId,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const sideways = await call('PUT', `/tickets/${tk.id}`, outsider, {
      version: edited.json().version,
      assigneeId: agentA.userId,
    });
    expect(sideways.json().error.fields).toHaveProperty('assigneeId');
    const back = await call('PUT', `/tickets/${tk.id}`, lead, {
      version: edited.json().version,
      assigneeId: agentB.userId,
    });
    expect(back.json()).toMatchObject({ assigneeId: agentB.userId, subject: '发票抬头有误' });
  });
});
