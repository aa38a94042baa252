import { and, count, eq, gt, sql } from 'drizzle-orm';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { randomToken, sha256 } from '../../lib/crypto.js';
import { AppError } from '../../lib/errors.js';
import { decoyHash, verifyPassword } from '../../lib/passwords.js';
import { getOrganization } from '../organization/service.js';
import { toUserDto } from '../users/presenter.js';
import { findUserByEmail, updateUser } from '../users/repo.js';
import { loginAttempts, sessions } from './table.js';

export interface LoginResult {
  token: string;
  csrfToken: string;
  user: ReturnType<typeof toUserDto>;
}

type LoginLimits = Pick<Config, 'LOGIN_MAX_FAILURES' | 'LOGIN_LOCK_MINUTES' | 'LOGIN_MAX_PER_IP_PER_15_MIN'>;

async function failedFromIp(db: Db, ip: string): Promise<number> {
  const [r] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.ip, ip),
        eq(loginAttempts.success, false),
        gt(loginAttempts.at, sql`now() - interval '15 minutes'`),
      ),
    );
  return r.n;
}

/**
 * Email + password → a new session. Failures count per user (lock-out after LOGIN_MAX_FAILURES for
 * LOGIN_LOCK_MINUTES) and per address (LOGIN_MAX_PER_IP_PER_15_MIN), both in the database so that
 * every server process sees them.
 */
export async function login(
  db: Db,
  limits: LoginLimits,
  input: { email: string; password: string; ip: string; userAgent: string | undefined },
): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const attempt = (success: boolean) => db.insert(loginAttempts).values({ ip: input.ip, email, success });
  if ((await failedFromIp(db, input.ip)) >= limits.LOGIN_MAX_PER_IP_PER_15_MIN) {
    throw new AppError('TOO_MANY_ATTEMPTS');
  }
  const user = await findUserByEmail(db, email);
  if (!user?.active) {
    await verifyPassword(await decoyHash(), input.password);
    await attempt(false);
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    await attempt(false);
    throw new AppError('ACCOUNT_LOCKED', { params: { until: user.lockedUntil.toISOString() } });
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await attempt(false);
    const failures = user.failedLoginCount + 1;
    if (failures >= limits.LOGIN_MAX_FAILURES) {
      const until = new Date(Date.now() + limits.LOGIN_LOCK_MINUTES * 60_000);
      await updateUser(db, user.id, { failedLoginCount: 0, lockedUntil: until });
      throw new AppError('ACCOUNT_LOCKED', { params: { until: until.toISOString() } });
    }
    await updateUser(db, user.id, { failedLoginCount: failures });
    throw new AppError('INVALID_CREDENTIALS');
  }
  const org = await getOrganization(db);
  const token = randomToken();
  const csrfToken = randomToken();
  const absoluteHours = org?.settings.sessionAbsoluteHours ?? 24 * 7;
  await db.transaction(async (tx) => {
    await tx.insert(sessions).values({
      id: sha256(token),
      userId: user.id,
      csrfToken,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      expiresAt: new Date(Date.now() + absoluteHours * 3_600_000),
    });
    await tx.insert(loginAttempts).values({ ip: input.ip, email, success: true });
  });
  const after = await updateUser(db, user.id, {
    failedLoginCount: 0,
    lockedUntil: null,
    lastLoginAt: new Date(),
  });
  return { token, csrfToken, user: toUserDto(after) };
}

export async function logout(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** After a password change every other session of that user ends. */
export async function endOtherSessions(db: Db, userId: string, keepSessionId: string | null): Promise<void> {
  await db
    .delete(sessions)
    .where(
      keepSessionId
        ? and(eq(sessions.userId, userId), sql`${sessions.id} <> ${keepSessionId}`)
        : eq(sessions.userId, userId),
    );
}

/** Housekeeping: expired sessions and login attempts older than a day. */
export async function purgeExpired(db: Db): Promise<void> {
  await db.delete(sessions).where(sql`${sessions.expiresAt} < now()`);
  await db.delete(loginAttempts).where(sql`${loginAttempts.at} < now() - interval '1 day'`);
}
