import { and, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { enqueue } from '../../jobs/enqueue.js';
import { decodeCursor, toPage } from '../../lib/pagination.js';
import { users } from '../users/table.js';
import type { MailTransport, SmsProvider } from './mail.js';
import { notificationPreferences, notifications, outboxMessages } from './table.js';
import { renderNotification } from './templates.js';

export interface NotifyInput {
  userIds: (string | null | undefined)[];
  kind: string;
  params: Record<string, string | number>;
  data?: Record<string, string>;
}

/**
 * In-app notification and, per the user's preferences, an email in the outbox — both in the caller's
 * transaction, with the delivery job, so nothing is sent for a change that rolls back.
 */
export const notify = (tx: DbOrTx, input: NotifyInput) => notifyMany(tx, [input]);

/** Many notifications at once (the SLA sweep): one read of users and preferences, batched inserts. */
export async function notifyMany(tx: DbOrTx, inputs: NotifyInput[]): Promise<number> {
  const ids = [...new Set(inputs.flatMap((i) => i.userIds).filter((x): x is string => !!x))];
  if (ids.length === 0) return 0;
  const users_ = await tx
    .select({ id: users.id, email: users.email, locale: users.locale })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.active, true)));
  const prefs = await tx
    .select()
    .from(notificationPreferences)
    .where(inArray(notificationPreferences.userId, ids));
  const pref = new Map(prefs.map((p) => [`${p.userId}:${p.kind}`, p]));
  const byId = new Map(users_.map((u) => [u.id, u]));
  const inApp: (typeof notifications.$inferInsert)[] = [];
  const mail: (typeof outboxMessages.$inferInsert)[] = [];
  for (const input of inputs) {
    for (const id of new Set(input.userIds)) {
      const u = id ? byId.get(id) : undefined;
      if (!u) continue;
      const p = pref.get(`${u.id}:${input.kind}`);
      const text = renderNotification(input.kind, u.locale, input.params);
      if (p?.inApp !== false) inApp.push({ userId: u.id, kind: input.kind, data: input.data ?? {}, ...text });
      if (p?.email !== false)
        mail.push({ channel: 'email', recipient: u.email, subject: text.title, body: text.body });
    }
  }
  // one statement per table, arrays as parameters: thousands of rows from a sweep in milliseconds
  if (inApp.length)
    await tx.execute(sql`
      INSERT INTO notifications (user_id, kind, title, body, data)
      SELECT * FROM unnest(${sql.param(inApp.map((n) => n.userId))}::uuid[], ${sql.param(inApp.map((n) => n.kind))}::text[],
        ${sql.param(inApp.map((n) => n.title))}::text[], ${sql.param(inApp.map((n) => n.body))}::text[],
        ${sql.param(inApp.map((n) => JSON.stringify(n.data ?? {})))}::jsonb[])`);
  if (mail.length)
    await tx.execute(sql`
      INSERT INTO outbox_messages (channel, recipient, subject, body)
      SELECT 'email', * FROM unnest(${sql.param(mail.map((m) => m.recipient))}::text[],
        ${sql.param(mail.map((m) => m.subject))}::text[], ${sql.param(mail.map((m) => m.body))}::text[])`);
  if (mail.length) await enqueue(tx, 'outbox.deliver', {});
  return inApp.length + mail.length;
}

export const MAX_ATTEMPTS = 5;

/**
 * Delivers due outbox messages. A failure waits 1, 2, 4, 8 minutes before the next try; after
 * MAX_ATTEMPTS the message is 'dead' and listed for admins. Without SMTP the message is marked
 * 'not_configured' and stays due, so it goes out once SMTP is set.
 */
export async function deliverOutbox(
  db: DbOrTx,
  mail: MailTransport | null,
  sms: SmsProvider,
  now: Date,
  batch = 50,
): Promise<{ sent: number; failed: number }> {
  const due = await db
    .select()
    .from(outboxMessages)
    .where(
      and(
        inArray(outboxMessages.status, ['pending', 'not_configured']),
        sql`${outboxMessages.nextAttemptAt} <= ${now}`,
      ),
    )
    .orderBy(outboxMessages.nextAttemptAt)
    .limit(batch);
  let sent = 0;
  let failed = 0;
  for (const m of due) {
    // claim: another worker may be on the same message
    const claimed = await db
      .update(outboxMessages)
      .set({ attempts: m.attempts + 1 })
      .where(and(eq(outboxMessages.id, m.id), eq(outboxMessages.attempts, m.attempts)))
      .returning({ id: outboxMessages.id });
    if (!claimed.length) continue;
    try {
      if (m.channel === 'sms') {
        const status = await sms.send(m.recipient, m.body);
        await db.update(outboxMessages).set({ status, sentAt: now }).where(eq(outboxMessages.id, m.id));
      } else if (!mail) {
        await db
          .update(outboxMessages)
          .set({
            status: 'not_configured',
            attempts: m.attempts,
            lastError: 'SMTP_URL is not set',
            nextAttemptAt: new Date(now.getTime() + 3_600_000),
          })
          .where(eq(outboxMessages.id, m.id));
        continue;
      } else {
        await mail.send({ to: m.recipient, subject: m.subject, text: m.body });
        await db
          .update(outboxMessages)
          .set({ status: 'sent', sentAt: now, lastError: null })
          .where(eq(outboxMessages.id, m.id));
      }
      sent++;
    } catch (err) {
      failed++;
      const attempts = m.attempts + 1;
      await db
        .update(outboxMessages)
        .set({
          status: attempts >= MAX_ATTEMPTS ? 'dead' : 'pending',
          lastError: err instanceof Error ? err.message : String(err),
          nextAttemptAt: new Date(now.getTime() + 2 ** (attempts - 1) * 60_000),
        })
        .where(eq(outboxMessages.id, m.id));
    }
  }
  return { sent, failed };
}

export async function listNotifications(
  db: DbOrTx,
  userId: string,
  limit: number,
  cursor?: string,
  unreadOnly = false,
) {
  const after = decodeCursor(cursor, 2);
  const rows = await db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        unreadOnly ? isNull(notifications.readAt) : undefined,
        after
          ? sql`(${notifications.createdAt}, ${notifications.id}) < (${String(after[0])}::timestamptz, ${String(after[1])}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit + 1);
  const page = toPage(rows, limit, (r) => [r.createdAt.toISOString(), r.id]);
  return {
    items: page.items.map((n) => ({
      id: n.id,
      kind: n.kind,
      title: n.title,
      body: n.body,
      data: n.data,
      readAt: n.readAt?.toISOString() ?? null,
      createdAt: n.createdAt.toISOString(),
    })),
    nextCursor: page.nextCursor,
  };
}

export async function unreadCount(db: DbOrTx, userId: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return r.n;
}

/** Marks the given notifications (or all) of this user read; another user's ids are ignored. */
export async function markRead(db: DbOrTx, userId: string, ids: string[] | 'all', now: Date) {
  const r = await db
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        ids === 'all'
          ? undefined
          : inArray(notifications.id, ids.length ? ids : ['00000000-0000-0000-0000-000000000000']),
      ),
    );
  return r.rowCount ?? 0;
}

export async function listOutbox(db: DbOrTx, status: string | undefined, limit: number, before?: Date) {
  return db
    .select()
    .from(outboxMessages)
    .where(
      and(
        status ? eq(outboxMessages.status, status as 'dead') : undefined,
        before ? lt(outboxMessages.createdAt, before) : undefined,
      ),
    )
    .orderBy(desc(outboxMessages.createdAt))
    .limit(limit);
}

/** An admin sends a dead message again: it gets a fresh set of attempts. */
export async function retryDead(db: DbOrTx, id: string, now: Date) {
  const r = await db
    .update(outboxMessages)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: now })
    .where(and(eq(outboxMessages.id, id), inArray(outboxMessages.status, ['dead', 'not_configured'])))
    .returning({ id: outboxMessages.id });
  if (r.length) await enqueue(db, 'outbox.deliver', {});
  return r.length > 0;
}
