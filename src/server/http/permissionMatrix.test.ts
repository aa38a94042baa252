import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/testApp.js';
import { can, ROLES, type Role } from '../../shared/permissions.js';

/**
 * Generated from the routes the app registered and the matrix in src/shared/permissions.ts: a new
 * route is covered without anyone adding a test, and a route without a permission cannot register.
 */
let t: TestApp;
const sessions = {} as Record<Role, Record<string, string>>;

beforeAll(async () => {
  t = await createTestApp();
  for (const role of ROLES) sessions[role] = (await t.loginAs(role)).headers;
});
afterAll(() => t.close());

const fill = (url: string) =>
  url
    .replace(':id', '00000000-0000-4000-8000-00000000abcd')
    .replace(':entityId', '00000000-0000-4000-8000-00000000abcd')
    .replace(':entity', 'organization')
    .replace(/:\w+/g, 'x');

describe('role × route permission matrix', () => {
  it('covers the platform routes', () => {
    expect(t.app.apiRoutes.length).toBeGreaterThanOrEqual(15);
  });

  it('answers every protected route without credentials with 401', async () => {
    for (const r of t.app.apiRoutes.filter((r) => r.permission !== 'public')) {
      const res = await t.app.inject({ method: r.method as 'GET', url: fill(r.url) });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  for (const role of ROLES) {
    it(`lets ${role} through exactly the routes the matrix allows`, async () => {
      for (const r of t.app.apiRoutes.filter((r) => r.permission !== 'public')) {
        if (r.url === '/api/v1/auth/logout') continue; // would end the session the loop uses
        const res = await t.app.inject({
          method: r.method as 'GET',
          url: fill(r.url),
          headers: sessions[role],
          payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
        });
        // downloads (CSV, XLSX) answer with files, errors always with JSON
        const json = String(res.headers['content-type'] ?? '').includes('json');
        const code = json ? res.json()?.error?.code : undefined;
        if (can(role, r.permission as never))
          expect(code, `${role} ${r.method} ${r.url}`).not.toBe('FORBIDDEN');
        else {
          expect(res.statusCode, `${role} ${r.method} ${r.url}`).toBe(403);
          expect(code).toBe('FORBIDDEN');
        }
      }
    });
  }

  it('refuses a cookie-authenticated write without the CSRF token, changing nothing', async () => {
    const { cookie } = sessions.admin;
    for (const r of t.app.apiRoutes.filter((r) => r.permission !== 'public' && r.method !== 'GET')) {
      const res = await t.app.inject({
        method: r.method as 'POST',
        url: fill(r.url),
        headers: { cookie },
        payload: {},
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(403);
      expect(res.json().error.code).toBe('CSRF_FAILED');
    }
  });
});
