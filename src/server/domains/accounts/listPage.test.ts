import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildAccount } from '../../../../test/accountFactory.js';
import { createTestApp, type TestApp } from '../../../../test/testApp.js';
import { accountListItemSchema } from '../../../shared/customers/accountDto.js';
import { accountListQuerySchema } from './listQuery.js';
import { listAccountRows } from './listRepo.js';

// The list page goes out without the zod serialiser's check (presentedJson), so these tests hold it to
// the response schema and to what the account's own DTO says.

let t: TestApp;
let sales: { userId: string; headers: Record<string, string> };
beforeAll(async () => {
  t = await createTestApp();
  sales = await t.loginAs('sales');
});
afterAll(() => t.close());

const list = (query: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1/accounts?${query}`, headers: sales.headers });
const strictPage = z.strictObject({
  items: z.array(z.strictObject(accountListItemSchema.shape)),
  nextCursor: z.string().nullable(),
});

describe('account list page', () => {
  it('has exactly the response schema and the values of the account', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      headers: sales.headers,
      payload: {
        account: {
          nameZh: '列表形状"引号"\\物流有限公司',
          nameEn: 'List Shape Logistics',
          industry: 'retail_ecommerce',
          province: '江苏',
          city: '苏州',
          status: 'active',
          tier: 'key',
          tags: ['冷链', '跨境'],
          transportNeeds: { modes: [], lanes: [] },
        },
        contacts: [
          { name: '甲经理', mobile: '13900000001', isPrimary: false, portalAccess: false },
          { name: '乙经理', mobile: '13900000002', isPrimary: true, portalAccess: false },
        ],
      },
    });
    expect(created.statusCode).toBe(201);
    const { account } = created.json();

    const res = await list(`q=${encodeURIComponent('列表形状')}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const page = strictPage.parse(res.json());
    expect(page.nextCursor).toBeNull();
    expect(page.items).toEqual([
      {
        id: account.id,
        code: account.code,
        nameZh: '列表形状"引号"\\物流有限公司',
        nameEn: 'List Shape Logistics',
        status: 'active',
        tier: 'key',
        industry: 'retail_ecommerce',
        province: '江苏',
        city: '苏州',
        tags: ['冷链', '跨境'],
        ownerId: sales.userId,
        ownerName: 'sales tester',
        primaryContactName: '乙经理',
        primaryContactMobile: '+8613900000002',
        archivedAt: null,
        createdAt: account.createdAt,
        updatedAt: account.updatedAt,
        version: 1,
      },
    ]);

    const archived = await t.app.inject({
      method: 'POST',
      url: `/api/v1/accounts/${account.id}/archive`,
      headers: sales.headers,
      payload: { version: 1 },
    });
    const [item] = strictPage.parse((await list('archived=true&q=列表形状')).json()).items;
    expect(item.archivedAt).toBe(archived.json().archivedAt);
    expect(item.archivedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('is an empty array with no cursor when nothing matches', async () => {
    expect((await list('q=没有这样的客户名称')).json()).toEqual({ items: [], nextCursor: null });
  });

  it('gives a cursor only when another page follows', async () => {
    for (let i = 0; i < 3; i++) await buildAccount(t.database.db, { nameZh: `整页边界${i}` });
    const q = `q=${encodeURIComponent('整页边界')}`;
    expect((await list(`${q}&limit=3`)).json().nextCursor).toBeNull();
    const first = (await list(`${q}&limit=2&sort=name&order=asc`)).json();
    expect(first.items.map((i: { nameZh: string }) => i.nameZh)).toEqual(['整页边界0', '整页边界1']);
    const second = (await list(`${q}&limit=2&sort=name&order=asc&cursor=${first.nextCursor}`)).json();
    expect(second).toEqual({ items: [expect.objectContaining({ nameZh: '整页边界2' })], nextCursor: null });
  });

  it('writes times in UTC whatever the session time zone', async () => {
    const { account } = await buildAccount(t.database.db, { nameZh: '时区无关物流' });
    const query = accountListQuerySchema.parse({ q: '时区无关物流' });
    const page = await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL TIME ZONE 'Pacific/Chatham'`);
      return listAccountRows(tx, query, null, null);
    });
    const [item] = page;
    expect(item.createdAt).toBe(account.createdAt);
    expect(item.updatedAt).toBe(account.updatedAt);
  });
});
