import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { TemplateBody, templateUpdateSchema } from '../../../shared/surveys/schemas.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { staleWrite } from '../../db/versioned.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/errors.js';
import { recordChange } from '../audit/service.js';
import { surveyTemplates } from './table.js';

export type TemplateRow = typeof surveyTemplates.$inferSelect;

/** The template the migration ships (DOMAIN.md's five CSI dimensions, overall rating, NPS, comment). */
export const DEFAULT_TEMPLATE_FAMILY = '00000000-0000-4000-8000-00000000c510';

/** Whether anyone was invited to the revision (then it is never changed in place). */
const inUse = sql<boolean>`EXISTS (SELECT 1 FROM survey_invitations i WHERE i.template_id = survey_templates.id)`;

export const toTemplateDto = (r: TemplateRow, used: boolean) => ({
  id: r.id,
  familyId: r.familyId,
  revision: r.revision,
  nameZh: r.nameZh,
  nameEn: r.nameEn,
  questions: r.questions,
  csiWeights: r.csiWeights,
  isDefault: r.isDefault,
  supersededBy: r.supersededBy,
  inUse: used,
  version: r.version,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

const auditView = (r: TemplateRow) => ({
  nameZh: r.nameZh,
  nameEn: r.nameEn,
  revision: r.revision,
  questions: r.questions.map((q) => q.key).join(','),
  csiWeights: JSON.stringify(r.csiWeights),
});

/** The current revision of every template family (superseded revisions are kept for their answers). */
export async function listTemplates(db: DbOrTx) {
  const rows = await db
    .select({ t: surveyTemplates, inUse })
    .from(surveyTemplates)
    .where(isNull(surveyTemplates.supersededBy))
    .orderBy(asc(surveyTemplates.createdAt));
  return rows.map((r) => toTemplateDto(r.t, r.inUse));
}

export async function findTemplate(db: DbOrTx, id: string): Promise<TemplateRow> {
  const [r] = await db.select().from(surveyTemplates).where(eq(surveyTemplates.id, id));
  if (!r) throw notFound('surveyTemplate');
  return r;
}

export async function getTemplate(db: DbOrTx, id: string) {
  const [r] = await db
    .select({ t: surveyTemplates, inUse })
    .from(surveyTemplates)
    .where(eq(surveyTemplates.id, id));
  if (!r) throw notFound('surveyTemplate');
  return toTemplateDto(r.t, r.inUse);
}

/** The current revision of the shipped default template (or of a given family). */
export async function currentTemplate(db: DbOrTx, familyId = DEFAULT_TEMPLATE_FAMILY): Promise<TemplateRow> {
  const [r] = await db
    .select()
    .from(surveyTemplates)
    .where(and(eq(surveyTemplates.familyId, familyId), isNull(surveyTemplates.supersededBy)));
  if (!r) throw notFound('surveyTemplate');
  return r;
}

export async function createTemplate(db: Db, actor: Actor, b: TemplateBody) {
  return db.transaction(async (tx) => {
    const id = crypto.randomUUID();
    const [r] = await tx
      .insert(surveyTemplates)
      .values({ id, familyId: id, revision: 1, ...b })
      .returning();
    await recordChange(tx, actor, 'surveyTemplate', r.id, 'create', null, auditView(r));
    return toTemplateDto(r, false);
  });
}

/**
 * Edits a template. One nobody was invited to yet changes in place; one in use stays as it is (its
 * answers keep their questions) and the edit becomes the family's next revision.
 */
export async function updateTemplate(
  db: Db,
  actor: Actor,
  id: string,
  b: z.output<typeof templateUpdateSchema>,
) {
  const { version, ...body } = b;
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ t: surveyTemplates, inUse })
      .from(surveyTemplates)
      .where(eq(surveyTemplates.id, id))
      .for('update');
    if (!before) throw notFound('surveyTemplate');
    const reload = async () => (await tx.select().from(surveyTemplates).where(eq(surveyTemplates.id, id)))[0];
    if (before.t.version !== version)
      throw await staleWrite('surveyTemplate', reload, (x) => toTemplateDto(x, before.inUse));
    if (before.t.supersededBy)
      throw new AppError('VALIDATION_FAILED', { fields: { version: 'survey.superseded' } });
    if (!before.inUse) {
      const [r] = await tx
        .update(surveyTemplates)
        .set({ ...body, version: sql`${surveyTemplates.version} + 1`, updatedAt: new Date() })
        .where(eq(surveyTemplates.id, id))
        .returning();
      await recordChange(tx, actor, 'surveyTemplate', id, 'update', auditView(before.t), auditView(r));
      return toTemplateDto(r, false);
    }
    const [next] = await tx
      .insert(surveyTemplates)
      .values({
        familyId: before.t.familyId,
        revision: before.t.revision + 1,
        isDefault: before.t.isDefault,
        ...body,
      })
      .returning();
    await tx
      .update(surveyTemplates)
      .set({ supersededBy: next.id, version: sql`${surveyTemplates.version} + 1`, updatedAt: new Date() })
      .where(eq(surveyTemplates.id, id));
    await recordChange(tx, actor, 'surveyTemplate', next.id, 'create', null, auditView(next));
    return toTemplateDto(next, false);
  });
}
