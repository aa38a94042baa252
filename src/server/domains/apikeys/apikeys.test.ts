import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/testApp.js';

let t: TestApp;
let admin: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  admin = (await t.loginAs('admin')).headers;
});
afterAll(() => t.close());

describe('API keys', () => {
  it('authenticates a machine client with its role, records use, stores only a hash, and can be revoked', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: admin,
      payload: { name: 'TMS', role: 'analyst' },
    });
    expect(created.statusCode).toBe(201);
    const { apiKey, secret } = created.json();
    expect(secret).toMatch(/^lcrm_/);
    expect(apiKey.prefix).toBe(secret.slice(0, 12));
    const { rows } = await t.database.pool.query('SELECT key_hash FROM api_keys WHERE id = $1', [apiKey.id]);
    expect(rows[0].key_hash).not.toContain(secret.slice(5));

    const bearer = { authorization: `Bearer ${secret}` };
    const read = await t.app.inject({ method: 'GET', url: '/api/v1/organization', headers: bearer });
    expect(read.statusCode).toBe(200);
    // analyst role: read-only, and no CSRF needed for a bearer key, so the refusal is the role's
    const write = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/organization',
      headers: bearer,
      payload: { version: 1, name: 'x' },
    });
    expect(write.statusCode).toBe(403);
    expect(write.json().error.code).toBe('FORBIDDEN');

    const listed = (await t.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: admin })).json()
      .items;
    const mine = listed.find((k: { id: string }) => k.id === apiKey.id);
    expect(mine.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(secret);

    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/v1/api-keys/${apiKey.id}`, headers: admin }))
        .statusCode,
    ).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/organization', headers: bearer });
    expect(after.statusCode).toBe(401);
    const audit = (
      await t.app.inject({ method: 'GET', url: `/api/v1/audit/apiKey/${apiKey.id}`, headers: admin })
    ).json().items;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it('lets a write-capable key write without a CSRF token', async () => {
    const { secret } = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/api-keys',
        headers: admin,
        payload: { name: 'Ops', role: 'admin' },
      })
    ).json();
    const org = (await t.app.inject({ method: 'GET', url: '/api/v1/organization', headers: admin })).json();
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/organization',
      headers: { authorization: `Bearer ${secret}` },
      payload: { version: org.version, name: 'Renamed by key' },
    });
    expect(res.statusCode).toBe(200);
    const [entry] = (
      await t.app.inject({ method: 'GET', url: `/api/v1/audit/organization/${org.id}`, headers: admin })
    ).json().items;
    expect(entry).toMatchObject({ actorKind: 'api_key', actorLabel: 'API key Ops' });
  });

  it('refuses an unknown key and portal as a key role', async () => {
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/organization',
          headers: { authorization: 'Bearer lcrm_nope' },
        })
      ).statusCode,
    ).toBe(401);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: admin,
      payload: { name: 'P', role: 'portal' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty('role');
  });
});
