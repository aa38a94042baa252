import { expect } from 'vitest';

/** The API as a user of a running test server: a session cookie and its CSRF token, like the web app. */
export async function apiAs(baseUrl: string, email: string, password: string) {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = (res.status === 204 ? undefined : await res.json()) as T;
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(data)}`);
    return data;
  };
}

export type Api = Awaited<ReturnType<typeof apiAs>>;
export const LEAD_PASSWORD = 'e2e-lead-password-2';

/**
 * The service desk's world: account ACME, an agent (Wang Agent) and a team lead who is also the
 * manager (Li Lead) in the default team, and the late shipment SD-LATE-1.
 */
export async function seedServiceDesk(baseUrl: string, call: Api) {
  const ids = { shipment: '', account: '', agent: '', manager: '' };
  ids.account = (
    await call<{ account: { id: string } }>('POST', '/accounts', {
      account: { code: 'ACME', nameEn: 'Acme Trading' },
    })
  ).account.id;
  const user = (email: string, name: string, role: string) =>
    call<{ id: string }>('POST', '/users', {
      email,
      name,
      role,
      locale: 'en-US',
      password: 'e2e-password-12345',
    });
  ids.agent = (await user('agent@e2e.test', 'Wang Agent', 'service')).id;
  ids.manager = (await user('lead@e2e.test', 'Li Lead', 'manager')).id;
  // Users made by an administrator choose their own password first.
  await (await apiAs(baseUrl, 'lead@e2e.test', 'e2e-password-12345'))('POST', '/auth/password', {
    currentPassword: 'e2e-password-12345',
    newPassword: LEAD_PASSWORD,
  });
  const [team] = (await call<{ items: Record<string, unknown>[] }>('GET', '/teams')).items;
  const { id: teamId, version: _v, ...rest } = team;
  await call('PUT', `/teams/${teamId}`, {
    ...rest,
    version: team.version,
    leadId: ids.manager,
    managerId: ids.manager,
    memberIds: [ids.agent],
  });
  await call('POST', '/shipments/bulk', {
    rows: [
      {
        waybill: 'SD-LATE-1',
        accountCode: 'ACME',
        mode: 'road_ltl',
        origin: 'Shanghai',
        destination: 'Beijing',
        status: 'delivered',
        bookedAt: '2025-09-12T02:00:00Z',
        pickedUpAt: '2025-09-12T08:00:00Z',
        promisedAt: '2025-09-16T10:00:00Z',
        deliveredAt: '2025-09-19T06:00:00Z',
        exceptions: [{ kind: 'delay', note: 'Held at Jinan hub' }],
      },
    ],
  });
  const found = await call<{ items: { id: string }[] }>('GET', '/shipments?waybill=SD-LATE-1');
  ids.shipment = found.items[0].id;
  return ids;
}
