import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('../i18n', () => ({
  default: { language: 'en-US', t: (key: string) => key },
}));

const { api, ApiError, setCsrfToken, setUnauthenticatedHandler, withQuery } = await import('./client');

function answer(status: number, body?: unknown) {
  const fetchMock = vi.fn(
    async (_url: string, _init: RequestInit) =>
      new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const headersOf = (init: RequestInit) => init.headers as Record<string, string>;

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('api client', () => {
  it('sends the UI language on every call and the CSRF token only on writes', async () => {
    setCsrfToken('tok');
    const fetchMock = answer(200, { ok: true });
    await api('GET', '/users');
    await api('PATCH', '/users/1', { version: 1 });
    const [getUrl, getInit] = fetchMock.mock.calls[0];
    const [, patchInit] = fetchMock.mock.calls[1];
    expect(getUrl).toBe('/api/v1/users');
    expect(getInit.credentials).toBe('same-origin');
    expect(headersOf(getInit)['Accept-Language']).toBe('en-US');
    expect(headersOf(getInit)['x-csrf-token']).toBeUndefined();
    expect(headersOf(patchInit)['x-csrf-token']).toBe('tok');
    expect(patchInit.body).toBe('{"version":1}');
  });

  it('sends a file as the raw body, application/octet-stream', async () => {
    setCsrfToken('tok');
    const fetchMock = answer(201, { id: 'job' });
    const file = new Blob(['客户名称\r\n'], { type: 'text/csv' });
    await api('POST', '/imports/accounts?filename=a.csv', file);
    const [, init] = fetchMock.mock.calls[0];
    expect(init.body).toBe(file);
    expect(headersOf(init)['Content-Type']).toBe('application/octet-stream');
    expect(headersOf(init)['x-csrf-token']).toBe('tok');
  });

  it('turns an error body into an ApiError with code, fields and current', async () => {
    answer(409, { error: { code: 'VERSION_CONFLICT', message: 'Changed', current: { version: 3 } } });
    const err = await api('PATCH', '/organization', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({
      status: 409,
      code: 'VERSION_CONFLICT',
      message: 'Changed',
      current: { version: 3 },
    });
  });

  it('reports an expired session to the handler', async () => {
    const handler = vi.fn();
    setUnauthenticatedHandler(handler);
    answer(401, { error: { code: 'UNAUTHENTICATED', message: 'Sign in' } });
    await expect(api('GET', '/users')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(handler).toHaveBeenCalledOnce();
  });

  it('returns nothing for 204', async () => {
    answer(204);
    await expect(api('POST', '/auth/logout')).resolves.toBeUndefined();
  });

  it('leaves empty query parameters out', () => {
    expect(withQuery('/users', { limit: 50, q: '', role: undefined, active: false, cursor: null })).toBe(
      '/users?limit=50&active=false',
    );
  });

  it('repeats the key for each value of an array', () => {
    expect(withQuery('/accounts', { status: ['active', 'dormant'], tag: [], q: '华' })).toBe(
      '/accounts?status=active&status=dormant&q=%E5%8D%8E',
    );
  });
});
