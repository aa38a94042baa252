import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { ScoreWeights } from '../../../shared/partners.js';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/errors.js';
import { recordChange } from '../audit/service.js';
import { shipmentKpis } from '../kpi/index.js';
import { companySettings } from '../organization/settings.js';
import * as repo from './repo.js';
import { exitWarning, gradeOf, partnerScore, periodOf } from './scoring.js';
import { partnerEvaluations } from './table.js';

export interface EvaluationInput {
  periodKind: 'month' | 'quarter';
  periodStart: string;
  /** Manual ratings 1–5: service attitude (the satisfaction index) and price reasonableness. */
  serviceRating: number;
  priceRating: number;
  weights?: ScoreWeights;
}

type EvaluationRow = typeof partnerEvaluations.$inferSelect;
export const toEvaluationDto = (e: EvaluationRow) => ({
  ...e,
  evaluatedAt: e.evaluatedAt.toISOString(),
  createdAt: e.createdAt.toISOString(),
  updatedAt: e.updatedAt.toISOString(),
});

/**
 * Evaluates a partner for one month or quarter: on-time and intact rates from the KPI engine for the
 * shipments it delivered, plus the manual ratings, weighted into a score and grade. Evaluating the
 * same period again replaces the evaluation. The partner carries the grade and exit warning of its
 * latest period.
 */
export async function evaluatePartner(db: Db, actor: Actor, partnerId: string, input: EvaluationInput) {
  const period = periodOf(input.periodKind, input.periodStart);
  if (!period) throw new AppError('VALIDATION_FAILED', { fields: { periodStart: 'date.format' } });
  return db.transaction(async (tx) => {
    const partner = await repo.findPartner(tx, partnerId);
    if (!partner) throw notFound('partner');
    const settings = await companySettings(tx);
    const weights = input.weights ?? settings.partnerScoreWeights;
    const kpi = (
      await shipmentKpis(tx, {
        from: period.start,
        to: period.end,
        cut: 'overall',
        trend: 'none',
        carrierId: partnerId,
      })
    ).rows[0];
    if (!kpi || kpi.delivered === 0 || kpi.onTimeRate === null || kpi.intactRate === null)
      throw new AppError('VALIDATION_FAILED', { fields: { periodStart: 'partner.noShipments' } });
    const score = partnerScore(
      {
        onTimeRate: kpi.onTimeRate,
        intactRate: kpi.intactRate,
        serviceRating: input.serviceRating,
        priceRating: input.priceRating,
      },
      weights,
    );
    const grade = gradeOf(score);
    const [previous] = await tx
      .select()
      .from(partnerEvaluations)
      .where(
        and(
          eq(partnerEvaluations.partnerId, partnerId),
          eq(partnerEvaluations.periodKind, input.periodKind),
          lt(partnerEvaluations.periodStart, period.start),
        ),
      )
      .orderBy(desc(partnerEvaluations.periodStart))
      .limit(1);
    const values = {
      partnerId,
      periodKind: input.periodKind,
      periodStart: period.start,
      periodEnd: period.end,
      deliveredShipments: kpi.delivered,
      onTimeRate: kpi.onTimeRate,
      intactRate: kpi.intactRate,
      serviceRating: input.serviceRating,
      priceRating: input.priceRating,
      weights,
      score,
      grade,
      exitWarning: exitWarning(grade, previous?.grade ?? null),
      evaluatedBy: actor.label,
      evaluatedAt: new Date(),
    };
    const [before] = await tx
      .select()
      .from(partnerEvaluations)
      .where(
        and(
          eq(partnerEvaluations.partnerId, partnerId),
          eq(partnerEvaluations.periodKind, input.periodKind),
          eq(partnerEvaluations.periodStart, period.start),
        ),
      );
    const [row] = await tx
      .insert(partnerEvaluations)
      .values(values)
      .onConflictDoUpdate({
        target: [partnerEvaluations.partnerId, partnerEvaluations.periodKind, partnerEvaluations.periodStart],
        set: { ...values, version: sql`${partnerEvaluations.version} + 1`, updatedAt: new Date() },
      })
      .returning();
    await recordChange(tx, actor, 'evaluation', row.id, before ? 'update' : 'create', before ?? null, row);
    const [latest] = await tx
      .select()
      .from(partnerEvaluations)
      .where(eq(partnerEvaluations.partnerId, partnerId))
      .orderBy(desc(partnerEvaluations.periodEnd), desc(partnerEvaluations.evaluatedAt))
      .limit(1);
    if (latest.id === row.id) {
      const after = await repo.updatePartnerVersioned(tx, partnerId, null, {
        grade,
        exitWarning: row.exitWarning,
      });
      await recordChange(tx, actor, 'partner', partnerId, 'update', partner, after);
    }
    return toEvaluationDto(row);
  });
}

/** A partner's evaluations, newest period first. */
export async function evaluationHistory(db: DbOrTx, partnerId: string) {
  if (!(await repo.findPartner(db, partnerId))) throw notFound('partner');
  const rows = await db
    .select()
    .from(partnerEvaluations)
    .where(eq(partnerEvaluations.partnerId, partnerId))
    .orderBy(desc(partnerEvaluations.periodStart), partnerEvaluations.periodKind);
  return { items: rows.map(toEvaluationDto) };
}

/** The carriers that served one lane in [from, to), side by side: KPIs and their current grade. */
export async function compareCarriersOnLane(
  db: DbOrTx,
  q: { origin: string; destination: string; from: string; to: string },
) {
  const kpis = await shipmentKpis(db, { ...q, cut: 'carrier', trend: 'none' });
  const carriers: (Awaited<ReturnType<typeof repo.findPartner>> | undefined)[] = [];
  for (const r of kpis.rows) carriers.push(r.key ? await repo.findPartner(db, r.key) : undefined);
  return {
    ...kpis,
    rows: kpis.rows.map((r, i) => ({
      ...r,
      carrierCode: carriers[i]?.code ?? null,
      grade: carriers[i]?.grade ?? null,
      exitWarning: carriers[i]?.exitWarning ?? false,
    })),
  };
}
