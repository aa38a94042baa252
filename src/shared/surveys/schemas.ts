import { z } from 'zod';

/** The CSI dimensions of DOMAIN.md §3 (seed 004), plus `overall` for a single overall rating. */
export const CSI_DIMENSIONS = [
  'service_attitude',
  'delivery_speed',
  'cargo_safety',
  'price',
  'information',
] as const;
export type CsiDimension = (typeof CSI_DIMENSIONS)[number];
export const RATING_DIMENSIONS = [...CSI_DIMENSIONS, 'overall'] as const;

/**
 * rating: 1–5 on a dimension; importance: 1–5 "how important is …" for a dimension (stated importance);
 * nps: 0–10 recommend; single / multiple: choice among options; text: free text.
 */
export const QUESTION_TYPES = ['rating', 'importance', 'nps', 'single', 'multiple', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const WEIGHT_METHODS = ['equal', 'configured', 'importance', 'regression'] as const;
export type WeightMethod = (typeof WEIGHT_METHODS)[number];

export const SURVEY_TRIGGERS = ['delivery', 'ticket', 'periodic', 'manual', 'link'] as const;

const text = (max: number) => z.string().trim().min(1, 'survey.textRequired').max(max);
const key = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'survey.questionKey');

export const choiceOptionSchema = z.strictObject({ key, textZh: text(200), textEn: text(200) });

export const questionSchema = z
  .strictObject({
    key,
    type: z.enum(QUESTION_TYPES),
    dimension: z.enum(RATING_DIMENSIONS).optional(),
    textZh: text(500),
    textEn: text(500),
    required: z.boolean().default(false),
    options: z.array(choiceOptionSchema).max(20).optional(),
  })
  .superRefine((q, ctx) => {
    const needsDimension = q.type === 'rating' || q.type === 'importance';
    if (needsDimension !== !!q.dimension)
      ctx.addIssue({ code: 'custom', path: ['dimension'], message: 'survey.dimensionFits' });
    if (q.type === 'importance' && q.dimension === 'overall')
      ctx.addIssue({ code: 'custom', path: ['dimension'], message: 'survey.dimensionFits' });
    const needsOptions = q.type === 'single' || q.type === 'multiple';
    if (needsOptions !== !!q.options?.length)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'survey.optionsFit' });
    if (q.options && new Set(q.options.map((o) => o.key)).size !== q.options.length)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'survey.duplicateKey' });
  });
export type SurveyQuestion = z.output<typeof questionSchema>;

/** Configured CSI weights (any positive numbers; they are scaled to sum to 1). */
export const csiWeightsSchema = z.partialRecord(z.enum(CSI_DIMENSIONS), z.number().min(0).max(100));

const templateFields = {
  nameZh: text(200),
  nameEn: text(200),
  questions: z.array(questionSchema).min(1, 'survey.noQuestions').max(40),
  csiWeights: csiWeightsSchema.default({}),
};
const uniqueKeys = (t: { questions: { key: string }[] }, ctx: z.RefinementCtx) => {
  const keys = t.questions.map((q) => q.key);
  if (new Set(keys).size !== keys.length)
    ctx.addIssue({ code: 'custom', path: ['questions'], message: 'survey.duplicateKey' });
};

export const templateBodySchema = z.strictObject(templateFields).superRefine(uniqueKeys);
export type TemplateBody = z.output<typeof templateBodySchema>;

export const templateUpdateSchema = z
  .strictObject({ version: z.number().int().positive(), ...templateFields })
  .superRefine(uniqueKeys);

export const templateDtoSchema = z.object({
  id: z.uuid(),
  familyId: z.uuid(),
  revision: z.number().int(),
  nameZh: z.string(),
  nameEn: z.string(),
  questions: z.array(z.any()),
  csiWeights: z.record(z.string(), z.number()),
  isDefault: z.boolean(),
  supersededBy: z.uuid().nullable(),
  inUse: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** One answer as the respondent sends it: a number (rating/importance/nps), a choice, choices or text. */
export const answerValueSchema = z.union([
  z.number(),
  z.string().max(4000, 'survey.textTooLong'),
  z.array(z.string().max(40)).max(20),
  z.null(),
]);
export const answersBodySchema = z.strictObject({
  answers: z.record(z.string().max(40), answerValueSchema),
  locale: z.enum(['zh-CN', 'en-US']).optional(),
});

/** Links for surveys about shipments, handed out by an integration or loader (channel "link"). */
export const linkInvitationsSchema = z.strictObject({
  templateId: z.uuid().optional(),
  shipments: z
    .array(
      z.strictObject({
        waybill: z.string().trim().min(1).max(60),
        locale: z.enum(['zh-CN', 'en-US']).optional(),
      }),
    )
    .min(1)
    .max(1000),
});

const tierPercent = z.number().int().min(0, 'survey.percent').max(100, 'survey.percent');
/** Months per relationship-survey period: calendar periods of the year (quarters, halves, …); 0 = none. */
export const PERIOD_MONTHS = [0, 1, 2, 3, 4, 6, 12] as const;
const periodMonths = z
  .number()
  .int()
  .refine((m) => (PERIOD_MONTHS as readonly number[]).includes(m), 'survey.periodMonths');

/** Dispatch rules and the follow-up rule (one set per company). */
export const surveySettingsSchema = z.strictObject({
  /** Days a survey link stays valid. */
  linkDays: z.number().int().min(1).max(365),
  /** After delivery: share of delivered shipments surveyed per service tier, at most one per contact per period. */
  afterDelivery: z.strictObject({
    enabled: z.boolean(),
    samplingPercent: z.strictObject({ strategic: tierPercent, key: tierPercent, general: tierPercent }),
    periodDays: z.number().int().min(0).max(365),
  }),
  /** After a ticket closes: its contact gets the survey (same per-contact period). */
  afterTicket: z.strictObject({ enabled: z.boolean() }),
  /**
   * Periodic relationship surveys: each active account's survey contact once per calendar period of
   * its tier (e.g. strategic every 3 months = per quarter), subject to the per-contact period.
   */
  periodic: z
    .strictObject({
      enabled: z.boolean(),
      everyMonths: z.strictObject({ strategic: periodMonths, key: periodMonths, general: periodMonths }),
    })
    .default({ enabled: false, everyMonths: { strategic: 3, key: 6, general: 12 } }),
  /** One reminder to invitations by mail not answered after this many days (before the link expires). */
  reminder: z
    .strictObject({ enabled: z.boolean(), afterDays: z.number().int().min(1).max(60) })
    .default({ enabled: true, afterDays: 5 }),
  /** Closing the loop: which responses open a follow-up task for the account owner. */
  followUp: z.strictObject({
    onDetractor: z.boolean(),
    /** Any CSI dimension rated at or below this (0 = off). */
    dimensionAtMost: z.number().int().min(0).max(4),
    dueDays: z.number().int().min(1).max(30),
  }),
});
export type SurveySettings = z.output<typeof surveySettingsSchema>;

export const DEFAULT_SURVEY_SETTINGS: SurveySettings = {
  linkDays: 30,
  afterDelivery: { enabled: true, samplingPercent: { strategic: 100, key: 50, general: 20 }, periodDays: 30 },
  afterTicket: { enabled: true },
  periodic: { enabled: false, everyMonths: { strategic: 3, key: 6, general: 12 } },
  reminder: { enabled: true, afterDays: 5 },
  followUp: { onDetractor: true, dimensionAtMost: 2, dueDays: 2 },
};

/** What came of the follow-up of a low score. */
export const FOLLOW_UP_OUTCOMES = ['contacted', 'resolved', 'no_answer'] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];
export const followUpOutcomeSchema = z.strictObject({
  outcome: z.enum(FOLLOW_UP_OUTCOMES),
  note: z.string().trim().max(2000).default(''),
});
