import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, TEST_PASSWORD } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/testApp.js';
import { buildApp, LOG_REDACT } from '../app.js';
import { loadConfig } from '../config.js';

let t: TestApp;
let admin: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  admin = (await t.loginAs('admin')).headers;
});
afterAll(() => t.close());

describe('API conventions', () => {
  it('answers malformed JSON with 400 INVALID_JSON and changes nothing', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/organization',
      headers: { ...admin, 'content-type': 'application/json', 'accept-language': 'en' },
      payload: '{"version": 1, "name": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual({
      code: 'INVALID_JSON',
      message: 'The request body is not valid JSON.',
    });
  });

  it('answers an oversized body with 413', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/organization',
      headers: { ...admin, 'content-type': 'application/json' },
      payload: JSON.stringify({ version: 1, name: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('BODY_TOO_LARGE');
  });

  it('answers unknown API paths with the error shape and echoes a request id', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/nothing-here',
      headers: { 'x-request-id': 'trace-123' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
    expect(res.headers['x-request-id']).toBe('trace-123');
  });

  it('publishes an OpenAPI document of every /api/v1 route, and interactive docs', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const r of t.app.apiRoutes) {
      const path = r.url.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[path]?.[r.method.toLowerCase()], `${r.method} ${path}`).toBeDefined();
    }
    expect(doc.paths['/api/v1/users'].post.requestBody).toBeDefined();
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger');
  });

  it('rejects an edit with a stale version on the organisation as well', async () => {
    const org = (await t.app.inject({ method: 'GET', url: '/api/v1/organization', headers: admin })).json();
    const ok = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/organization',
      headers: admin,
      payload: { version: org.version, settings: { timezone: 'Europe/Berlin' } },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().settings).toMatchObject({ timezone: 'Europe/Berlin', currency: 'CNY' });
    const stale = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/organization',
      headers: admin,
      payload: { version: org.version, name: 'Late' },
    });
    expect(stale.statusCode).toBe(409);
    const badZone = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/organization',
      headers: admin,
      payload: { version: org.version + 1, settings: { timezone: 'Mars/Olympus' } },
    });
    expect(badZone.json().error.fields).toHaveProperty(['settings.timezone']);
  });

  it('lets administrators search the audit log and nobody else', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit?entity=organization&action=update',
      headers: admin,
    });
    expect(res.statusCode).toBe(200);
    const [entry] = res.json().items;
    expect(entry.changes['settings.timezone']).toEqual({ before: 'Asia/Shanghai', after: 'Europe/Berlin' });
    const manager = await t.loginAs('manager');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/audit', headers: manager.headers })).statusCode,
    ).toBe(403);
  });
});

describe('logs', () => {
  it('never contain passwords, cookies, CSRF tokens or API keys', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write: (chunk, _e, cb) => {
        lines.push(String(chunk));
        cb();
      },
    });
    const logger = pino({ level: 'trace', redact: LOG_REDACT }, sink);
    const app = await buildApp(
      { database: t.database, config: loadConfig({ LOG_LEVEL: 'trace' }) },
      { logger, serveWeb: false },
    );
    const u = await buildUser(t.database.db, 'admin');
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: u.email, password: TEST_PASSWORD },
    });
    const cookie = login.cookies[0].value;
    const csrf = login.json().csrfToken;
    await app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: `logicrm_session=${cookie}`, 'x-csrf-token': csrf },
    });
    await app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: 'Bearer lcrm_secretvalue' },
    });
    await app.close();
    const all = lines.join('\n');
    expect(all).toContain('request completed');
    for (const secret of [TEST_PASSWORD, cookie, csrf, 'lcrm_secretvalue']) expect(all).not.toContain(secret);
  });
});
