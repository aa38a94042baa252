import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { SurveyQuestion } from '../../../shared/surveys/schemas.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { systemActor } from '../../lib/actor.js';
import { sha256 } from '../../lib/crypto.js';
import { AppError } from '../../lib/errors.js';
import { accounts } from '../accounts/table.js';
import { recordChange } from '../audit/service.js';
import { tasks } from '../interactions/table.js';
import { shipments } from '../shipments/table.js';
import { users } from '../users/table.js';
import { type AnswerValue, checkAnswers, lowScoreReasons, missingRequired } from './answers.js';
import { getSurveySettings } from './invitations.js';
import { surveyAnswers, surveyInvitations, surveyOptOuts, surveyTemplates } from './table.js';

type InvitationRow = typeof surveyInvitations.$inferSelect;

/** The invitation a link token belongs to: the link of the invitation mail or of its reminder. */
const tokenOf = (token: string) => {
  const hash = sha256(token);
  return or(eq(surveyInvitations.tokenHash, hash), eq(surveyInvitations.reminderTokenHash, hash));
};

/** The invitation behind a link; forged or unknown tokens are 404, an unanswered expired one 410. */
async function byToken(db: DbOrTx, token: string, lock = false) {
  const q = db
    .select({
      inv: surveyInvitations,
      questions: surveyTemplates.questions,
      nameZh: surveyTemplates.nameZh,
      nameEn: surveyTemplates.nameEn,
    })
    .from(surveyInvitations)
    .innerJoin(surveyTemplates, eq(surveyTemplates.id, surveyInvitations.templateId))
    .where(tokenOf(token));
  const [r] = lock ? await q.for('update', { of: surveyInvitations }) : await q;
  if (!r) throw new AppError('NOT_FOUND', { params: { entity: 'surveyInvitation' } });
  return r;
}

/** The language an invitation was sent in (for the pages of expired links); null for a forged token. */
export async function invitationLocale(db: DbOrTx, token: string): Promise<string | null> {
  const [r] = await db
    .select({ locale: surveyInvitations.locale })
    .from(surveyInvitations)
    .where(tokenOf(token));
  return r?.locale ?? null;
}

const expired = (inv: InvitationRow, now: Date) => !inv.submittedAt && inv.expiresAt <= now;

async function savedAnswers(db: DbOrTx, invitationId: string) {
  const rows = await db.select().from(surveyAnswers).where(eq(surveyAnswers.invitationId, invitationId));
  return Object.fromEntries(
    rows.map((a) => [
      a.questionKey,
      (a.score ?? (a.kind === 'multiple' ? a.choices : (a.choices?.[0] ?? a.text))) as AnswerValue,
    ]),
  );
}

/** What the response page shows: the questions in both languages and what was saved so far. */
export async function publicSurvey(db: DbOrTx, token: string, now: Date) {
  const r = await byToken(db, token);
  if (expired(r.inv, now)) throw new AppError('LINK_EXPIRED');
  if (!r.inv.openedAt)
    await db.update(surveyInvitations).set({ openedAt: now }).where(eq(surveyInvitations.id, r.inv.id));
  let waybill: string | null = null;
  if (r.inv.shipmentId) {
    const [s] = await db
      .select({ w: shipments.waybill })
      .from(shipments)
      .where(eq(shipments.id, r.inv.shipmentId));
    waybill = s?.w ?? null;
  }
  return {
    status: r.inv.submittedAt ? ('submitted' as const) : ('open' as const),
    locale: r.inv.locale,
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    waybill,
    questions: r.questions,
    answers: r.inv.submittedAt ? {} : await savedAnswers(db, r.inv.id),
    expiresAt: r.inv.expiresAt.toISOString(),
  };
}

/**
 * Saves answers (a partial save, or the final submit). All or nothing: any bad answer stores none.
 * A survey already submitted changes nothing and says so (the page shows its thank-you).
 */
export async function answerSurvey(
  db: Db,
  token: string,
  now: Date,
  answers: Record<string, AnswerValue>,
  submit: boolean,
): Promise<{ status: 'open' | 'submitted'; alreadySubmitted: boolean }> {
  return db.transaction(async (tx) => {
    const r = await byToken(tx, token, true);
    if (r.inv.submittedAt) return { status: 'submitted', alreadySubmitted: true };
    if (expired(r.inv, now)) throw new AppError('LINK_EXPIRED');
    const { rows, cleared, fields } = checkAnswers(r.questions, answers);
    const saved = new Set(Object.keys(await savedAnswers(tx, r.inv.id)));
    for (const k of cleared) saved.delete(k);
    for (const row of rows) saved.add(row.questionKey);
    if (submit) Object.assign(fields, { ...missingRequired(r.questions, saved), ...fields });
    if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', { fields });
    const id = r.inv.id;
    if (cleared.length)
      await tx
        .delete(surveyAnswers)
        .where(and(eq(surveyAnswers.invitationId, id), inArray(surveyAnswers.questionKey, cleared)));
    if (rows.length)
      await tx
        .insert(surveyAnswers)
        .values(rows.map((a) => ({ ...a, invitationId: id, answeredAt: now })))
        .onConflictDoUpdate({
          target: [surveyAnswers.invitationId, surveyAnswers.questionKey],
          set: {
            score: sql`excluded.score`,
            choices: sql`excluded.choices`,
            text: sql`excluded.text`,
            answeredAt: sql`excluded.answered_at`,
          },
        });
    if (!submit) return { status: 'open', alreadySubmitted: false };
    // one statement for both: the rollup's trigger then counts the response once
    const followUpTaskId = await followUpLowScore(tx, now, r.inv, r.questions);
    await tx
      .update(surveyInvitations)
      .set({ submittedAt: now, ...(followUpTaskId ? { followUpTaskId } : {}) })
      .where(eq(surveyInvitations.id, id));
    return { status: 'submitted', alreadySubmitted: false };
  });
}

/**
 * Closing the loop: a low score (per the company's rule) opens a follow-up task for the account's
 * owner, due in the configured days, with the answers in its notes. Returns the task (the invitation
 * is to point at it), or null.
 */
async function followUpLowScore(
  tx: DbOrTx,
  now: Date,
  inv: InvitationRow,
  questions: SurveyQuestion[],
): Promise<string | null> {
  const { settings } = await getSurveySettings(tx);
  const answers = await tx.select().from(surveyAnswers).where(eq(surveyAnswers.invitationId, inv.id));
  const reasons = lowScoreReasons(answers, settings.followUp);
  if (!reasons.length) return null;
  const [owner] = await tx
    .select({
      id: users.id,
      locale: users.locale,
      nameZh: sql<string>`coalesce(${accounts.nameZh}, ${accounts.nameEn}, ${accounts.code})`,
      nameEn: sql<string>`coalesce(${accounts.nameEn}, ${accounts.nameZh}, ${accounts.code})`,
    })
    .from(accounts)
    .innerJoin(users, and(eq(users.id, accounts.ownerId), eq(users.active, true)))
    .where(eq(accounts.id, inv.accountId));
  if (!owner) return null;
  const zh = owner.locale === 'zh-CN';
  const text = new Map(questions.map((q) => [q.key, zh ? q.textZh : q.textEn]));
  const lines = answers.map(
    (a) => `${text.get(a.questionKey) ?? a.questionKey}: ${a.score ?? a.choices?.join(', ') ?? a.text ?? ''}`,
  );
  const title = zh
    ? `满意度回访：${owner.nameZh}（${reasons.join('，')}）`
    : `Survey follow-up: ${owner.nameEn} (${reasons.join(', ')})`;
  const [task] = await tx
    .insert(tasks)
    .values({
      kind: 'follow_up',
      title,
      notes: `${zh ? '调查回复' : 'Survey response'} ${inv.id}\n${lines.join('\n')}`,
      accountId: inv.accountId,
      contactId: inv.contactId,
      ticketId: inv.ticketId,
      dueAt: new Date(now.getTime() + settings.followUp.dueDays * 86_400_000),
      remindAt: new Date(now.getTime() + settings.followUp.dueDays * 86_400_000 - 3_600_000),
      assigneeId: owner.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await recordChange(
    tx,
    systemActor('surveys'),
    'task',
    task.id,
    'create',
    null,
    { title, kind: 'follow_up', surveyInvitationId: inv.id },
    inv.accountId,
  );
  return task.id;
}

/** The unsubscribe link of a survey mail: its address gets no more surveys (expired links work too). */
export async function unsubscribe(db: DbOrTx, token: string, now: Date): Promise<boolean> {
  const [r] = await db
    .select({ email: surveyInvitations.recipient })
    .from(surveyInvitations)
    .where(tokenOf(token));
  if (!r) return false;
  if (r.email)
    await db
      .insert(surveyOptOuts)
      .values({ email: r.email.trim().toLowerCase(), createdAt: now })
      .onConflictDoNothing();
  return true;
}
