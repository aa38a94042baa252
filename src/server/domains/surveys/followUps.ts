import { and, eq, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { followUpOutcomeSchema } from '../../../shared/surveys/schemas.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import { recordChange } from '../audit/service.js';
import { tasks } from '../interactions/table.js';
import { surveyInvitations } from './table.js';

/**
 * Records what came of the follow-up a low score opened (it may be corrected later); the follow-up
 * task is done once an outcome is known.
 */
export async function recordFollowUpOutcome(
  db: Db,
  actor: Actor,
  now: Date,
  invitationId: string,
  body: z.output<typeof followUpOutcomeSchema>,
) {
  return db.transaction(async (tx) => {
    const [inv] = await tx
      .select()
      .from(surveyInvitations)
      .where(eq(surveyInvitations.id, invitationId))
      .for('update');
    if (!inv) throw new AppError('NOT_FOUND', { params: { entity: 'survey' } });
    if (!inv.followUpTaskId)
      throw new AppError('VALIDATION_FAILED', { fields: { outcome: 'survey.noFollowUp' } });
    const note = body.note || null;
    await tx
      .update(surveyInvitations)
      .set({
        followUpOutcome: body.outcome,
        followUpNote: note,
        followUpRecordedAt: now,
        followUpRecordedBy: actor.id,
      })
      .where(eq(surveyInvitations.id, inv.id));
    await tx
      .update(tasks)
      .set({ status: 'done', completedAt: now, updatedAt: now, version: sql`${tasks.version} + 1` })
      .where(and(eq(tasks.id, inv.followUpTaskId), ne(tasks.status, 'done')));
    await recordChange(
      tx,
      actor,
      'surveyFollowUp',
      inv.id,
      inv.followUpOutcome ? 'update' : 'create',
      inv.followUpOutcome ? { outcome: inv.followUpOutcome, note: inv.followUpNote } : null,
      { outcome: body.outcome, note },
      inv.accountId,
    );
    return {
      id: inv.id,
      followUpTaskId: inv.followUpTaskId,
      followUpOutcome: body.outcome,
      followUpNote: note,
      followUpRecordedAt: now.toISOString(),
    };
  });
}
