import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can, type Permission } from '../../shared/permissions.js';
import type { Database } from '../db/client.js';
import { API_KEY_PREFIX } from '../domains/apikeys/service.js';
import { findLiveApiKey, findLiveSession, touchApiKey, touchSession } from '../domains/auth/repo.js';
import type { UserDtoSource } from '../domains/users/presenter.js';
import type { Actor } from '../lib/actor.js';
import { safeEqual, sha256 } from '../lib/crypto.js';
import { AppError } from '../lib/errors.js';
import { requestLocale } from './locale.js';
import { SessionCache } from './sessionCache.js';

export const SESSION_COOKIE = 'logicrm_session';
export const CSRF_HEADER = 'x-csrf-token';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface RouteAccess {
  method: string;
  url: string;
  permission: Permission | 'public';
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route: a permission of the matrix, or 'public'. Required under /api/v1. */
    permission?: Permission | 'public';
  }
  interface FastifyRequest {
    actor: Actor;
    /** Set for cookie sessions: the session and its user as read at authentication. */
    session: { id: string; csrfToken: string; user: UserDtoSource } | null;
  }
  interface FastifyInstance {
    /** Every /api/v1 route with its permission, for the generated role × route test. */
    apiRoutes: RouteAccess[];
    /** Sessions this process checked a moment ago; services' callers forget what they change. */
    sessionCache: SessionCache;
  }
}

async function authenticate(database: Database, cache: SessionCache, req: FastifyRequest): Promise<Actor> {
  const base = { ip: req.ip, requestId: req.id };
  const auth = req.headers.authorization;
  if (auth?.startsWith(`Bearer ${API_KEY_PREFIX}`)) {
    const key = await findLiveApiKey(database.pool, sha256(auth.slice(7).trim()));
    if (!key) throw new AppError('UNAUTHENTICATED');
    void touchApiKey(database.pool, key.id).catch((err) => req.log.warn({ err }, 'api key touch failed'));
    const locale = requestLocale(req, 'en-US');
    return {
      kind: 'api_key',
      id: key.id,
      label: `API key ${key.name}`,
      role: key.role,
      accountId: null,
      locale,
      ...base,
    };
  }
  const token = req.cookies[SESSION_COOKIE];
  if (!token) throw new AppError('UNAUTHENTICATED');
  const id = sha256(token);
  let s = cache.get(id);
  if (!s) {
    s = await findLiveSession(database.pool, id);
    if (!s) throw new AppError('UNAUTHENTICATED');
    cache.set(id, s);
  }
  if (UNSAFE.has(req.method)) {
    const sent = req.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !safeEqual(sent, s.csrfToken)) throw new AppError('CSRF_FAILED');
  }
  if (Date.now() - s.lastSeenAt.getTime() > 60_000) {
    void touchSession(database.pool, s.sessionId).catch((err) =>
      req.log.warn({ err }, 'session touch failed'),
    );
  }
  req.session = { id: s.sessionId, csrfToken: s.csrfToken, user: s.user };
  const u = s.user;
  const locale = requestLocale(req, u.locale);
  return { kind: 'user', id: u.id, label: u.email, role: u.role, accountId: u.accountId, locale, ...base };
}

/**
 * Every /api/v1 route must say who may call it (registration fails otherwise); the check runs
 * before the body is parsed, so strangers cannot make the server parse large bodies.
 */
export function registerAccessControl(app: FastifyInstance, database: Database, cacheMs: number): void {
  app.decorate('apiRoutes', [] as RouteAccess[]);
  app.decorate('sessionCache', new SessionCache(cacheMs));
  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('session', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) return;
    const permission = route.config?.permission;
    if (!permission) throw new Error(`Route ${route.method} ${route.url} declares no permission`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') app.apiRoutes.push({ method, url: route.url, permission });
    }
  });

  app.addHook('onRequest', async (req) => {
    const permission = req.routeOptions.config.permission;
    if (!permission || permission === 'public') return;
    req.actor = await authenticate(database, app.sessionCache, req);
    if (!can(req.actor.role, permission)) throw new AppError('FORBIDDEN');
  });
}
