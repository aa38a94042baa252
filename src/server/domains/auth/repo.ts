import type pg from 'pg';
import type { Role } from '../../../shared/permissions.js';

/**
 * The per-request look-ups, in plain prepared SQL: they run on every authenticated request.
 * Expiry is decided by the database clock, with the organisation's idle/absolute settings.
 */
export interface SessionPrincipal {
  sessionId: string;
  csrfToken: string;
  lastSeenAt: Date;
  userId: string;
  email: string;
  name: string;
  role: Role;
  locale: 'zh-CN' | 'en-US';
  accountId: string | null;
}

const SESSION_SQL = `
  SELECT s.id AS "sessionId", s.csrf_token AS "csrfToken", s.last_seen_at AS "lastSeenAt",
         u.id AS "userId", u.email, u.name, u.role, u.locale, u.account_id AS "accountId"
    FROM sessions s
    JOIN users u ON u.id = s.user_id AND u.active
   WHERE s.id = $1
     AND s.expires_at > now()
     AND s.last_seen_at > now() - make_interval(mins => COALESCE(
           (SELECT (settings->>'sessionIdleMinutes')::int FROM organizations LIMIT 1), 120))`;

export async function findLiveSession(
  pool: pg.Pool,
  sessionId: string,
): Promise<SessionPrincipal | undefined> {
  const r = await pool.query<SessionPrincipal>({
    name: 'session_lookup',
    text: SESSION_SQL,
    values: [sessionId],
  });
  return r.rows[0];
}

/** Sliding idle expiry: refreshed at most once a minute per session to keep reads read-only. */
export async function touchSession(pool: pg.Pool, sessionId: string): Promise<void> {
  await pool.query({
    name: 'session_touch',
    text: "UPDATE sessions SET last_seen_at = now() WHERE id = $1 AND last_seen_at < now() - interval '1 minute'",
    values: [sessionId],
  });
}

export interface ApiKeyPrincipal {
  id: string;
  name: string;
  role: Role;
  lastUsedAt: Date | null;
}

export async function findLiveApiKey(pool: pg.Pool, keyHash: string): Promise<ApiKeyPrincipal | undefined> {
  const r = await pool.query<ApiKeyPrincipal>({
    name: 'apikey_lookup',
    text: 'SELECT id, name, role, last_used_at AS "lastUsedAt" FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL',
    values: [keyHash],
  });
  return r.rows[0];
}

export async function touchApiKey(pool: pg.Pool, id: string): Promise<void> {
  await pool.query({
    name: 'apikey_touch',
    text: "UPDATE api_keys SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')",
    values: [id],
  });
}
