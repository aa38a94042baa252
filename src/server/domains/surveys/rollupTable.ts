import { date, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { CSI_DIMENSIONS, RATING_DIMENSIONS } from '../../../shared/surveys/schemas.js';

/** Counters of one account's surveys in one month of the company zone (see the columns below). */
export const ROLLUP_COUNTS = [
  /** invitations sent in the month, and how many of those were answered (whenever) */
  'invited',
  'answered',
  /** responses submitted in the month; of those, low scores that opened a follow-up, per outcome */
  'responses',
  'follow_ups',
  'contacted',
  'resolved',
  'no_answer',
] as const;
/** Per rated dimension (and importance): how many scores and their sum; NPS: how many of each 0–10. */
export const ratingColumns = RATING_DIMENSIONS.flatMap((d) => [`rating_n_${d}`, `rating_sum_${d}`]);
export const importanceColumns = CSI_DIMENSIONS.flatMap((d) => [`importance_n_${d}`, `importance_sum_${d}`]);
export const npsColumns = Array.from({ length: 11 }, (_, k) => `nps_${k}`);
export const ROLLUP_COLUMNS = [...ROLLUP_COUNTS, ...ratingColumns, ...importanceColumns, ...npsColumns];

const counters = Object.fromEntries(ROLLUP_COLUMNS.map((c) => [c, integer(c).notNull().default(0)]));

/**
 * The survey rollup: per account, month (company zone, of sending for `invited`/`answered`, of
 * submitting for the rest) and template family. Kept exact by statement triggers on survey_invitations
 * and survey_answers (migrations 0018, 0019); the results read it for whole months per account.
 */
export const surveyRollup = pgTable(
  'survey_rollup',
  {
    accountId: uuid('account_id').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    familyId: uuid('family_id').notNull(),
    ...counters,
  },
  (t) => [primaryKey({ name: 'survey_rollup_key', columns: [t.accountId, t.month, t.familyId] })],
);

/**
 * The same counters per local day, template family and the accounts' current tier: what the company-wide
 * results (overall, and cut by tier) read for any period — about a thousand rows a year instead of
 * one per account and month, and exact at both ends of a period that does not start or end with a
 * month. Kept by the same trigger statements as survey_rollup, and moved between tiers when an account's
 * tier changes (migration 0019).
 */
export const surveyRollupTiers = pgTable(
  'survey_rollup_tiers',
  {
    day: date('day', { mode: 'string' }).notNull(),
    familyId: uuid('family_id').notNull(),
    tier: text('tier').notNull(),
    ...counters,
  },
  (t) => [primaryKey({ name: 'survey_rollup_tiers_key', columns: [t.day, t.familyId, t.tier] })],
);

/** The zone the rollup's months were cut in; a change of company zone rebuilds it. One row (id 1). */
export const surveyRollupState = pgTable('survey_rollup_state', {
  id: integer('id').primaryKey(),
  timeZone: text('time_zone').notNull(),
});
