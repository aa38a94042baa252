import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, TEST_PASSWORD } from '../../../../test/factories.js';
import { createTestApp, login, type TestApp } from '../../../../test/testApp.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_MAX_FAILURES: '3', LOGIN_MAX_PER_IP_PER_15_MIN: '6' });
});
afterAll(() => t.close());

const post = (url: string, payload: unknown, headers: Record<string, string> = {}, ip = '10.0.0.1') =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1${url}`,
    payload: payload as object,
    headers,
    remoteAddress: ip,
  });

describe('sign-in', () => {
  it('signs in with the right password: httpOnly SameSite cookie, CSRF token, no secrets in the body', async () => {
    const u = await buildUser(t.database.db, 'sales');
    const res = await post('/auth/login', { email: u.email.toUpperCase(), password: TEST_PASSWORD });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'logicrm_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.secure).toBeFalsy();
    const body = res.json();
    expect(body.user.email).toBe(u.email);
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
    expect(res.body).not.toMatch(/passwordHash|argon2|correct-horse/);
    // the table stores only a hash of the cookie's token
    const { rows } = await t.database.pool.query('SELECT id FROM sessions WHERE user_id = $1', [u.id]);
    expect(rows[0].id).not.toBe(cookie.value);
  });

  it('marks the cookie Secure behind an https proxy', async () => {
    const proxied = await createTestApp({ TRUST_PROXY: 'true' });
    const u = await buildUser(proxied.database.db, 'sales');
    const res = await proxied.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: u.email, password: TEST_PASSWORD },
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(res.cookies.find((c) => c.name === 'logicrm_session')?.secure).toBe(true);
    await proxied.close();
  });

  it('answers a wrong password and an unknown user alike, in the caller language', async () => {
    const u = await buildUser(t.database.db, 'service');
    const wrong = await post(
      '/auth/login',
      { email: u.email, password: 'not-the-password' },
      { 'accept-language': 'en-US' },
      '10.0.0.2',
    );
    const unknown = await post(
      '/auth/login',
      { email: 'nobody@example.test', password: 'x' },
      { 'accept-language': 'zh-CN' },
      '10.0.0.2',
    );
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error).toEqual({ code: 'INVALID_CREDENTIALS', message: 'Wrong email or password.' });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error.message).toBe('邮箱或密码错误。');
  });

  it('locks the account after repeated failures, even for the right password, until an admin resets it', async () => {
    const u = await buildUser(t.database.db, 'sales');
    const ip = '10.0.0.3';
    expect((await post('/auth/login', { email: u.email, password: 'bad-1' }, {}, ip)).statusCode).toBe(401);
    expect((await post('/auth/login', { email: u.email, password: 'bad-2' }, {}, ip)).statusCode).toBe(401);
    expect((await post('/auth/login', { email: u.email, password: 'bad-3' }, {}, ip)).statusCode).toBe(423);
    const locked = await post('/auth/login', { email: u.email, password: TEST_PASSWORD }, {}, ip);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe('ACCOUNT_LOCKED');
    const admin = await t.loginAs('admin');
    const reset = await post(
      `/users/${u.id}/reset-password`,
      { newPassword: 'a-brand-new-pass' },
      admin.headers,
    );
    expect(reset.statusCode).toBe(204);
    const again = await post(
      '/auth/login',
      { email: u.email, password: 'a-brand-new-pass' },
      {},
      '10.0.0.33',
    );
    expect(again.statusCode).toBe(200);
    expect(again.json().user.mustChangePassword).toBe(true);
  });

  it('rate-limits one address trying many accounts', async () => {
    const ip = '10.0.0.4';
    for (let i = 0; i < 6; i++)
      await post('/auth/login', { email: `ghost${i}@example.test`, password: 'x' }, {}, ip);
    const res = await post('/auth/login', { email: 'ghost@example.test', password: 'x' }, {}, ip);
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('TOO_MANY_ATTEMPTS');
    expect(
      (await post('/auth/login', { email: 'ghost@example.test', password: 'x' }, {}, '10.0.0.5')).statusCode,
    ).toBe(401);
  });

  it('names the fields of a malformed sign-in', async () => {
    const res = await post(
      '/auth/login',
      { email: 'not-an-email', password: '', extra: 1 },
      { 'accept-language': 'en' },
      '10.0.0.6',
    );
    expect(res.statusCode).toBe(400);
    const { fields, code } = res.json().error;
    expect(code).toBe('VALIDATION_FAILED');
    expect(Object.keys(fields).sort()).toEqual(['email', 'extra', 'password']);
  });
});

describe('sessions', () => {
  it('ends on logout, and the old cookie no longer works', async () => {
    const { headers } = await t.loginAs('sales');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers })).statusCode).toBe(200);
    expect((await post('/auth/logout', {}, headers)).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers })).statusCode).toBe(401);
  });

  it('expires after the idle time and after the absolute lifetime', async () => {
    const idle = await t.loginAs('service');
    const abs = await t.loginAs('service');
    await t.database.db.execute(sql`UPDATE sessions SET last_seen_at = now() - interval '3 hours'
      WHERE user_id = ${idle.userId}`);
    await t.database.db.execute(sql`UPDATE sessions SET expires_at = now() - interval '1 second'
      WHERE user_id = ${abs.userId}`);
    for (const s of [idle, abs]) {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.headers });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses a forged CSRF token and accepts the real one', async () => {
    const { headers } = await t.loginAs('sales');
    const forged = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/auth/me',
      headers: { ...headers, 'x-csrf-token': 'forged' },
      payload: { locale: 'en-US' },
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe('CSRF_FAILED');
    const ok = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/auth/me',
      headers,
      payload: { locale: 'en-US' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.locale).toBe('en-US');
  });

  it('changes the own password, ending the other sessions', async () => {
    const u = await buildUser(t.database.db, 'analyst');
    const first = await login(t.app, u.email, TEST_PASSWORD);
    const second = await login(t.app, u.email, TEST_PASSWORD);
    const wrong = await post(
      '/auth/password',
      { currentPassword: 'nope', newPassword: 'another-good-one' },
      first,
    );
    expect(wrong.json().error.fields).toHaveProperty('currentPassword');
    const weak = await post(
      '/auth/password',
      { currentPassword: TEST_PASSWORD, newPassword: 'short' },
      first,
    );
    expect(weak.json().error.fields).toHaveProperty('newPassword');
    expect(
      (
        await post(
          '/auth/password',
          { currentPassword: TEST_PASSWORD, newPassword: 'another-good-one' },
          first,
        )
      ).statusCode,
    ).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: first })).statusCode).toBe(
      200,
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: second })).statusCode).toBe(
      401,
    );
    await expect(login(t.app, u.email, 'another-good-one', '10.9.9.9')).resolves.toBeTruthy();
  });
});

describe('session cache', () => {
  it('reuses a checked session briefly, but forgets it at once on logout or deactivation here', async () => {
    const cached = await createTestApp({ SESSION_CACHE_MS: '60000' });
    try {
      const me = (headers: Record<string, string>) =>
        cached.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
      const a = await cached.loginAs('sales');
      expect((await me(a.headers)).statusCode).toBe(200);
      // removed behind this process's back (another process): still served from the cache
      await cached.database.pool.query('DELETE FROM sessions WHERE user_id = $1', [a.userId]);
      expect((await me(a.headers)).statusCode).toBe(200);

      const b = await cached.loginAs('service');
      expect((await me(b.headers)).statusCode).toBe(200);
      await cached.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: b.headers });
      expect((await me(b.headers)).statusCode).toBe(401);

      const c = await cached.loginAs('analyst');
      const admin = await cached.loginAs('admin');
      const user = (
        await cached.app.inject({ method: 'GET', url: `/api/v1/users/${c.userId}`, headers: admin.headers })
      ).json();
      expect((await me(c.headers)).statusCode).toBe(200);
      await cached.app.inject({
        method: 'PATCH',
        url: `/api/v1/users/${c.userId}`,
        headers: admin.headers,
        payload: { version: user.version, active: false },
      });
      expect((await me(c.headers)).statusCode).toBe(401);
    } finally {
      await cached.close();
    }
  });
});
