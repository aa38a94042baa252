import { and, desc, eq, lte, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { auditLog } from '../audit/table.js';
import { users } from '../users/table.js';
import { accountNotes } from './table.js';

/** One entry of an account's 360° timeline, whatever its source. */
export interface TimelineItem {
  /** `${source}:${id}`, unique across sources. */
  key: string;
  at: Date;
  source: string;
  kind: string;
  actorLabel: string | null;
  data: Record<string, unknown>;
}

/** Items of one source at or before `before`, newest first, at most `limit`. */
export type TimelineSource = (
  db: DbOrTx,
  accountId: string,
  before: Date,
  limit: number,
) => Promise<TimelineItem[]>;

/**
 * The sources of the account timeline. Each capability adds its own (shipments, interactions,
 * tickets, surveys…) without touching the others; the merge below is source-agnostic.
 */
export const TIMELINE_SOURCES: Record<string, TimelineSource> = {
  audit: async (db, accountId, before, limit) => {
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.accountId, accountId), lte(auditLog.at, before), ne(auditLog.entity, 'note')))
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(limit);
    return rows.map((r) => ({
      key: `audit:${r.id}`,
      at: r.at,
      source: 'audit',
      kind: `${r.entity}.${r.action}`,
      actorLabel: r.actorLabel,
      data: { entity: r.entity, entityId: r.entityId, action: r.action, changes: r.changes },
    }));
  },
  notes: async (db, accountId, before, limit) => {
    const rows = await db
      .select({
        id: accountNotes.id,
        at: accountNotes.createdAt,
        body: accountNotes.body,
        author: users.name,
      })
      .from(accountNotes)
      .leftJoin(users, eq(users.id, accountNotes.authorId))
      .where(and(eq(accountNotes.accountId, accountId), lte(accountNotes.createdAt, before)))
      .orderBy(desc(accountNotes.createdAt))
      .limit(limit);
    return rows.map((r) => ({
      key: `notes:${r.id}`,
      at: r.at,
      source: 'notes',
      kind: 'note',
      actorLabel: r.author,
      data: { body: r.body },
    }));
  },
};

/** Cursor: the time and key of the last item seen. */
export async function accountTimeline(
  db: DbOrTx,
  accountId: string,
  opts: { limit: number; before?: { at: Date; key: string }; sources?: string[] },
) {
  const before = opts.before?.at ?? new Date(Date.now() + 60_000);
  const names = opts.sources?.length
    ? opts.sources.filter((s) => s in TIMELINE_SOURCES)
    : Object.keys(TIMELINE_SOURCES);
  const batches = await Promise.all(
    names.map((n) => TIMELINE_SOURCES[n](db, accountId, before, opts.limit + 50)),
  );
  const items = batches
    .flat()
    .filter(
      (i) =>
        !opts.before ||
        i.at < opts.before.at ||
        (i.at.getTime() === opts.before.at.getTime() && i.key < opts.before.key),
    )
    .sort((a, b) => b.at.getTime() - a.at.getTime() || (a.key < b.key ? 1 : -1))
    .slice(0, opts.limit + 1);
  const page = items.slice(0, opts.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((i) => ({ ...i, at: i.at.toISOString() })),
    nextCursor:
      items.length > opts.limit && last
        ? Buffer.from(JSON.stringify([last.at.toISOString(), last.key])).toString('base64url')
        : null,
  };
}

/** Figures in the 360° header; capabilities add theirs (shipments, on-time rate, open tickets…). */
export type AccountFigureSource = (
  db: DbOrTx,
  accountId: string,
) => Promise<Record<string, number | string | null>>;

export const ACCOUNT_FIGURE_SOURCES: AccountFigureSource[] = [
  async (db, accountId) => {
    const { rows } = await db.execute<{ contacts: number; notes: number }>(sql`
      SELECT (SELECT count(*)::int FROM contacts WHERE account_id = ${accountId} AND archived_at IS NULL) AS contacts,
             (SELECT count(*)::int FROM account_notes WHERE account_id = ${accountId}) AS notes`);
    return rows[0];
  },
];

export async function accountFigures(db: DbOrTx, accountId: string) {
  const parts = await Promise.all(ACCOUNT_FIGURE_SOURCES.map((s) => s(db, accountId)));
  return Object.assign({}, ...parts) as Record<string, number | string | null>;
}
