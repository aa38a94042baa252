import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, creditCode } from '../../../../test/accountFactory.js';
import { createTestApp, type TestApp } from '../../../../test/testApp.js';
import { isValidCreditCode } from '../../../shared/customers/creditCode.js';

let t: TestApp;
let manager: { userId: string; headers: Record<string, string> };
let sales: { userId: string; headers: Record<string, string> };
let otherSales: { userId: string; headers: Record<string, string> };
beforeAll(async () => {
  t = await createTestApp();
  manager = await t.loginAs('manager');
  sales = await t.loginAs('sales');
  otherSales = await t.loginAs('sales');
});
afterAll(() => t.close());

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
const call = (method: Method, url: string, headers: Record<string, string>, payload?: unknown) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers, payload: payload as object });
const body = (nameZh: string, extra: Record<string, unknown> = {}) => ({
  account: {
    nameZh,
    status: 'active',
    tier: 'key',
    tags: ['冷链'],
    transportNeeds: { modes: ['cold_chain'], lanes: [{ origin: '上海', destination: '成都' }] },
    ...extra,
  },
  contacts: [
    {
      name: '陈静',
      mobile: '138 1234 5678',
      email: 'Chen.Jing@coldchain.example',
      isPrimary: true,
      portalAccess: false,
    },
  ],
});

describe('accounts', () => {
  it('creates an account with normalised contacts, a generated code and the creator as owner', async () => {
    const res = await call(
      'POST',
      '/accounts',
      sales.headers,
      body('上海冷链鲜达物流有限公司', { creditCode: creditCode(11) }),
    );
    expect(res.statusCode).toBe(201);
    const { account, contacts, possibleDuplicates } = res.json();
    expect(account.code).toMatch(/^C\d{6}$/);
    expect(account.ownerId).toBe(sales.userId);
    expect(contacts[0]).toMatchObject({
      mobile: '+8613812345678',
      email: 'chen.jing@coldchain.example',
      isPrimary: true,
    });
    expect(possibleDuplicates).toEqual([]);
    expect(isValidCreditCode(account.creditCode)).toBe(true);
  });

  it('names every bad field in the caller language and stores nothing', async () => {
    const bad = {
      ...body('坏数据物流'),
      contacts: [{ name: '', mobile: '12345', email: 'nope', isPrimary: false, portalAccess: false }],
    };
    (bad.account as Record<string, unknown>).creditCode = '91310000MA1FL8TQ3X';
    const res = await call('POST', '/accounts', { ...sales.headers, 'accept-language': 'zh-CN' }, bad);
    expect(res.statusCode).toBe(400);
    const { fields } = res.json().error;
    expect(Object.keys(fields).sort()).toEqual([
      'account.creditCode',
      'contacts.0.email',
      'contacts.0.mobile',
      'contacts.0.name',
    ]);
    expect(fields['account.creditCode']).toMatch(/校验|信用代码|第/);
    const list = await call('GET', '/accounts?q=坏数据', sales.headers);
    expect(list.json().items).toEqual([]);
  });

  it('warns about a likely duplicate on create', async () => {
    const code = creditCode(22);
    await buildAccount(t.database.db, { nameZh: '深圳速达供应链管理有限公司', creditCode: code });
    const res = await call('POST', '/accounts', manager.headers, body('深圳速达供应链管理股份有限公司'));
    const [dup] = res.json().possibleDuplicates;
    expect(dup.account.nameZh).toBe('深圳速达供应链管理有限公司');
    expect(dup.evidence.map((e: { kind: string }) => e.kind)).toContain('same_name');
    const check = await call('POST', '/accounts/duplicate-check', sales.headers, { creditCode: code });
    expect(check.json().candidates[0].evidence[0].kind).toBe('same_credit_code');
  });

  it('lets a sales rep edit only the accounts they own; managers edit all', async () => {
    const mine = (await call('POST', '/accounts', sales.headers, body('归属测试物流'))).json().account;
    const edit = (who: typeof sales, version: number) =>
      call('PUT', `/accounts/${mine.id}`, who.headers, {
        version,
        account: { ...body('归属测试物流').account, ownerId: mine.ownerId, city: '杭州' },
      });
    const denied = await edit(otherSales, mine.version);
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('NOT_OWNER');
    expect((await edit(sales, mine.version)).statusCode).toBe(200);
    expect((await edit(manager, mine.version + 1)).statusCode).toBe(200);
    // a sales rep cannot give the account away
    const giveAway = await call('PUT', `/accounts/${mine.id}`, sales.headers, {
      version: mine.version + 2,
      account: { ...body('归属测试物流').account, ownerId: otherSales.userId },
    });
    expect(giveAway.statusCode).toBe(403);
  });

  it('answers the second of two concurrent edits with 409 and what changed', async () => {
    const a = (await call('POST', '/accounts', manager.headers, body('并发编辑物流'))).json().account;
    const first = call('PUT', `/accounts/${a.id}`, manager.headers, {
      version: a.version,
      account: { ...body('并发编辑物流').account, city: '南京' },
    });
    const second = call('PUT', `/accounts/${a.id}`, manager.headers, {
      version: a.version,
      account: { ...body('并发编辑物流').account, city: '苏州' },
    });
    const statuses = (await Promise.all([first, second])).map((r) => r.statusCode).sort();
    expect(statuses).toEqual([200, 409]);
    const now = (await call('GET', `/accounts/${a.id}`, manager.headers)).json().account;
    const loser = (await Promise.all([first, second])).find((r) => r.statusCode === 409)!;
    expect(loser.json().error.current.city).toBe(now.city);
  });

  it('archives and restores (no hard delete), and changes owner with an audit entry', async () => {
    const a = (await buildAccount(t.database.db, { nameZh: '归档测试物流' })).account;
    const archived = await call('POST', `/accounts/${a.id}/archive`, manager.headers, { version: a.version });
    expect(archived.json().archivedAt).not.toBeNull();
    expect((await call('GET', '/accounts?q=归档测试', manager.headers)).json().items).toEqual([]);
    expect(
      (await call('GET', '/accounts?q=归档测试&archived=true', manager.headers)).json().items,
    ).toHaveLength(1);
    const restored = await call('POST', `/accounts/${a.id}/restore`, manager.headers, {
      version: a.version + 1,
    });
    expect(restored.json().archivedAt).toBeNull();
    const owned = await call('POST', `/accounts/${a.id}/owner`, manager.headers, {
      version: a.version + 2,
      ownerId: sales.userId,
    });
    expect(owned.json()).toMatchObject({ ownerId: sales.userId });
    expect(
      (await call('POST', `/accounts/${a.id}/owner`, sales.headers, { version: 1, ownerId: null }))
        .statusCode,
    ).toBe(403);
    const history = (await call('GET', `/audit/account/${a.id}`, sales.headers)).json().items;
    expect(history[0].changes.ownerId).toEqual({ before: null, after: sales.userId });
  });
});

describe('account list and search', () => {
  it('finds accounts by partial Chinese or Latin name, code, phone and email, and pages', async () => {
    const { account } = await buildAccount(
      t.database.db,
      { nameZh: '华东凯越国际货运代理有限公司', nameEn: 'Kaiyue Forwarding', city: '宁波', province: '浙江' },
      [{ name: '周敏', mobile: '13900001111', email: 'zhou@kaiyue-freight.example' }],
    );
    for (const q of [
      '凯越',
      '国际货运',
      'kaiyue forw',
      account.code.toLowerCase(),
      '139 0000 1111',
      'kaiyue-freight',
      '周敏',
    ]) {
      const items = (await call('GET', `/accounts?q=${encodeURIComponent(q)}`, sales.headers)).json().items;
      expect(
        items.map((i: { id: string }) => i.id),
        q,
      ).toContain(account.id);
    }
    const filtered = (
      await call('GET', '/accounts?province=浙江&city=宁波&status=active', sales.headers)
    ).json().items;
    expect(filtered.map((i: { id: string }) => i.id)).toContain(account.id);
    expect(filtered[0].primaryContactName).toBe('周敏');
  });

  it('pages with every sort without repeats or gaps', async () => {
    for (let i = 0; i < 7; i++)
      await buildAccount(t.database.db, { nameZh: `分页物流${i}`, tier: 'strategic' });
    for (const sort of ['updatedAt', 'createdAt', 'name', 'code']) {
      for (const order of ['asc', 'desc']) {
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const res = await call(
            'GET',
            `/accounts?tier=strategic&q=分页物流&sort=${sort}&order=${order}&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
            sales.headers,
          );
          const page = res.json();
          seen.push(...page.items.map((i: { id: string }) => i.id));
          cursor = page.nextCursor;
        } while (cursor);
        expect(new Set(seen).size, `${sort} ${order}`).toBe(7);
        expect(seen.length).toBe(7);
      }
    }
  });

  it('keeps saved views per user', async () => {
    const saved = await call('POST', '/saved-views', sales.headers, {
      list: 'accounts',
      name: '我的重点客户',
      query: { tier: ['key'], owner: 'me' },
    });
    expect(saved.statusCode).toBe(201);
    expect((await call('GET', '/saved-views?list=accounts', sales.headers)).json().items).toHaveLength(1);
    expect((await call('GET', '/saved-views?list=accounts', otherSales.headers)).json().items).toHaveLength(
      0,
    );
    expect((await call('DELETE', `/saved-views/${saved.json().id}`, otherSales.headers)).statusCode).toBe(
      404,
    );
  });
});

describe('duplicates, merge and the 360° timeline', () => {
  it('lists a duplicate pair with evidence, merges it moving contacts and history, and shows it on the timeline', async () => {
    const a = await buildAccount(t.database.db, { nameZh: '成都蓉通物流有限公司' }, [
      { name: '李雷', mobile: '13700002222' },
    ]);
    const b = await buildAccount(
      t.database.db,
      { nameZh: '成都蓉通物流股份有限公司', nameEn: 'Rongtong Logistics' },
      [{ name: '韩梅梅', mobile: '13700002222' }],
    );
    const pairs = (await call('GET', '/duplicates/accounts', manager.headers)).json().items;
    const pair = pairs.find(
      (p: { a: { id: string }; b: { id: string } }) =>
        [p.a.id, p.b.id].sort().join() === [a.account.id, b.account.id].sort().join(),
    );
    expect(pair.evidence.map((e: { kind: string }) => e.kind).sort()).toEqual(['same_name', 'same_phone']);
    await call('POST', `/accounts/${b.account.id}/notes`, sales.headers, { body: '客户要求周末不送货' });

    const merged = await call('POST', `/accounts/${a.account.id}/merge`, manager.headers, {
      loserId: b.account.id,
      survivorVersion: a.account.version,
      loserVersion: b.account.version,
    });
    expect(merged.statusCode).toBe(200);
    expect(merged.json().survivor.nameEn).toBe('Rongtong Logistics');
    expect(merged.json().moved).toMatchObject({ contacts: 1, account_notes: 1 });
    const view = (await call('GET', `/accounts/${a.account.id}`, sales.headers)).json();
    expect(view.contacts.map((c: { name: string }) => c.name).sort()).toEqual(['李雷', '韩梅梅']);
    expect(view.contacts.filter((c: { isPrimary: boolean }) => c.isPrimary)).toHaveLength(1);
    expect(view.figures).toMatchObject({ contacts: 2, notes: 1 });
    const loser = (await call('GET', `/accounts/${b.account.id}`, sales.headers)).json().account;
    expect(loser).toMatchObject({ mergedIntoId: a.account.id });
    expect(loser.archivedAt).not.toBeNull();
    const again = await call('POST', `/accounts/${a.account.id}/merge`, manager.headers, {
      loserId: b.account.id,
      survivorVersion: 2,
      loserVersion: 2,
    });
    expect(again.statusCode).toBeGreaterThanOrEqual(400);

    const timeline = (await call('GET', `/accounts/${a.account.id}/timeline?limit=50`, sales.headers)).json()
      .items;
    expect(
      timeline.some(
        (i: { source: string; data: { body?: string } }) =>
          i.source === 'notes' && i.data.body === '客户要求周末不送货',
      ),
    ).toBe(true);
    expect(timeline.some((i: { kind: string }) => i.kind === 'account.update')).toBe(true);
    const firstPage = (await call('GET', `/accounts/${a.account.id}/timeline?limit=2`, sales.headers)).json();
    const secondPage = (
      await call(
        'GET',
        `/accounts/${a.account.id}/timeline?limit=2&cursor=${firstPage.nextCursor}`,
        sales.headers,
      )
    ).json();
    expect(secondPage.items[0].key).not.toBe(firstPage.items[1].key);
    expect(new Date(secondPage.items[0].at) <= new Date(firstPage.items[1].at)).toBe(true);
  });

  it('stops proposing a dismissed pair', async () => {
    const a = await buildAccount(t.database.db, { nameZh: '同名不同家物流有限公司' });
    const b = await buildAccount(t.database.db, { nameZh: '同名不同家物流有限公司' });
    const has = async () =>
      (await call('GET', '/duplicates/accounts', manager.headers))
        .json()
        .items.some(
          (p: { a: { id: string }; b: { id: string } }) =>
            [p.a.id, p.b.id].includes(a.account.id) && [p.a.id, p.b.id].includes(b.account.id),
        );
    expect(await has()).toBe(true);
    expect(
      (
        await call('POST', '/duplicates/accounts/dismiss', manager.headers, {
          a: b.account.id,
          b: a.account.id,
        })
      ).statusCode,
    ).toBe(204);
    expect(await has()).toBe(false);
  });
});
