import i18n from '../i18n';

/** An error answered by the API, in the contract's shape `{ error: { code, message, fields?, current? } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    readonly current?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const isApiError = (e: unknown, code?: string): e is ApiError =>
  e instanceof ApiError && (code === undefined || e.code === code);

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

// The CSRF token comes from login or /auth/me; it lives only in memory, next to the httpOnly cookie.
let csrfToken: string | null = null;
let onUnauthenticated: () => void = () => {};

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called whenever a request finds the session missing or expired. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

type Scalar = string | number | boolean | null | undefined;
type Query = Record<string, Scalar | readonly Scalar[]>;

/** Appends the query string; empty values are left out and an array becomes a repeated key. */
export function withQuery(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [k, value] of Object.entries(query)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v !== undefined && v !== null && v !== '') params.append(k, String(v));
    }
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

/** Calls the API with a JSON body, or with a file (Blob) sent as the raw body for upload routes. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { 'Accept-Language': i18n.language, Accept: 'application/json' };
  const raw = body instanceof Blob;
  if (body !== undefined) headers['Content-Type'] = raw ? 'application/octet-stream' : 'application/json';
  if (UNSAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', i18n.t('errors.network'));
  }
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => null);
  if (res.ok) return data as T;
  const err = (data as { error?: Partial<ApiError> } | null)?.error;
  const error = new ApiError(
    res.status,
    err?.code ?? `HTTP_${res.status}`,
    err?.message ?? i18n.t('errors.unexpected', { status: res.status }),
    err?.fields,
    err?.current as Record<string, unknown> | undefined,
  );
  if (error.code === 'UNAUTHENTICATED') onUnauthenticated();
  throw error;
}
