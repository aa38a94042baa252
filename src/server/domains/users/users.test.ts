import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/testApp.js';

let t: TestApp;
let admin: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  admin = (await t.loginAs('admin')).headers;
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, headers = admin) =>
  t.app.inject({ method, url: `/api/v1${url}`, payload: payload as object, headers });

describe('users administration', () => {
  it('creates a user who must change the password, and audits it without the password', async () => {
    const res = await call('POST', '/users', {
      email: ' New.Rep@Example.test ',
      name: '新销售',
      role: 'sales',
      password: 'initial-password-1',
    });
    expect(res.statusCode).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({
      email: 'new.rep@example.test',
      role: 'sales',
      mustChangePassword: true,
      version: 1,
    });
    const audit = await call('GET', `/audit/user/${user.id}`);
    expect(audit.statusCode).toBe(200);
    const [entry] = audit.json().items;
    expect(entry).toMatchObject({ action: 'create', entity: 'user', actorKind: 'user', ip: '127.0.0.1' });
    expect(entry.changes.email.after).toBe('new.rep@example.test');
    expect(JSON.stringify(entry)).not.toContain('initial-password-1');
    expect(entry.changes.passwordHash.after).toBe('***');
  });

  it('refuses a duplicate email, naming the field', async () => {
    await call('POST', '/users', {
      email: 'dup@example.test',
      name: 'A',
      role: 'service',
      password: 'initial-password-1',
    });
    const res = await call('POST', '/users', {
      email: 'DUP@example.test',
      name: 'B',
      role: 'service',
      password: 'initial-password-1',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.fields).toHaveProperty('email');
  });

  it('pages through users with a cursor, without repeats', async () => {
    for (let i = 0; i < 5; i++) {
      await call('POST', '/users', {
        email: `page${i}@example.test`,
        name: `Page ${i}`,
        role: 'analyst',
        password: 'initial-password-1',
      });
    }
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await call('GET', `/users?limit=2&role=analyst${cursor ? `&cursor=${cursor}` : ''}`);
      const body = res.json();
      for (const u of body.items) seen.add(u.id);
      cursor = body.nextCursor;
      pages++;
    } while (cursor);
    expect(seen.size).toBeGreaterThanOrEqual(5);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect((await call('GET', '/users?cursor=garbage')).json().error.fields).toHaveProperty('cursor');
  });

  it('rejects a stale write with 409 carrying the current record', async () => {
    const u = (
      await call('POST', '/users', {
        email: 'stale@example.test',
        name: 'Old',
        role: 'sales',
        password: 'initial-password-1',
      })
    ).json();
    const first = await call('PATCH', `/users/${u.id}`, { version: 1, name: 'First editor' });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(2);
    const second = await call('PATCH', `/users/${u.id}`, { version: 1, name: 'Second editor' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({
      code: 'VERSION_CONFLICT',
      current: { name: 'First editor', version: 2 },
    });
    expect((await call('GET', `/users/${u.id}`)).json().name).toBe('First editor');
  });

  it('keeps at least one active administrator', async () => {
    const me = (await call('GET', '/auth/me')).json().user;
    const { rows } = await t.database.pool.query(
      "SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND active",
    );
    if (rows[0].n === 1) {
      const res = await call('PATCH', `/users/${me.id}`, { version: me.version, role: 'sales' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toHaveProperty('role');
    }
  });

  it('signs a deactivated user out at once', async () => {
    const victim = await t.loginAs('service');
    const u = (await call('GET', `/users/${victim.userId}`)).json();
    expect((await call('PATCH', `/users/${u.id}`, { version: u.version, active: false })).statusCode).toBe(
      200,
    );
    expect((await call('GET', '/auth/me', undefined, victim.headers)).statusCode).toBe(401);
  });

  it('rejects unknown fields and bad values with every field named', async () => {
    const res = await call('POST', '/users', {
      email: 'x',
      name: '',
      role: 'boss',
      password: 'p',
      admin: true,
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual(['admin', 'email', 'name', 'role']);
  });
});
