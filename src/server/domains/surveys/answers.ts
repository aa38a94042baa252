import type { SurveyQuestion } from '../../../shared/surveys/schemas.js';

export type AnswerValue = number | string | string[] | null;

export interface AnswerRow {
  questionKey: string;
  kind: string;
  dimension: string | null;
  score: number | null;
  choices: string[] | null;
  text: string | null;
}

const SCALE: Record<string, [number, number, string]> = {
  rating: [1, 5, 'survey.outOfRange5'],
  importance: [1, 5, 'survey.outOfRange5'],
  nps: [0, 10, 'survey.outOfRange10'],
};

const isBlank = (v: AnswerValue) =>
  v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/**
 * Checks answers against the questions of the invitation's template revision. Returns the rows to
 * store, the keys to clear (an emptied answer) and field errors keyed `answers.<question key>`;
 * callers store nothing when there is any error.
 */
export function checkAnswers(questions: SurveyQuestion[], answers: Record<string, AnswerValue>) {
  const byKey = new Map(questions.map((q) => [q.key, q]));
  const rows: AnswerRow[] = [];
  const cleared: string[] = [];
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(answers)) {
    const q = byKey.get(key);
    const field = `answers.${key}`;
    if (!q) {
      fields[field] = 'survey.unknownQuestion';
      continue;
    }
    if (isBlank(value)) {
      cleared.push(key);
      continue;
    }
    const base = { questionKey: key, kind: q.type, dimension: q.dimension ?? null };
    const none = { score: null, choices: null, text: null };
    const scale = SCALE[q.type];
    const options = new Set(q.options?.map((o) => o.key));
    if (scale) {
      if (typeof value !== 'number') fields[field] = 'survey.wrongType';
      else if (!Number.isInteger(value) || value < scale[0] || value > scale[1]) fields[field] = scale[2];
      else rows.push({ ...base, ...none, score: value });
    } else if (q.type === 'single') {
      if (typeof value !== 'string') fields[field] = 'survey.wrongType';
      else if (!options.has(value)) fields[field] = 'survey.unknownOption';
      else rows.push({ ...base, ...none, choices: [value] });
    } else if (q.type === 'multiple') {
      if (!Array.isArray(value)) fields[field] = 'survey.wrongType';
      else if (value.some((v) => !options.has(v))) fields[field] = 'survey.unknownOption';
      else rows.push({ ...base, ...none, choices: [...new Set(value)] });
    } else if (typeof value !== 'string') fields[field] = 'survey.wrongType';
    else rows.push({ ...base, ...none, text: value.trim() });
  }
  return { rows, cleared, fields };
}

/** Required questions without an answer, as field errors. */
export function missingRequired(questions: SurveyQuestion[], answered: Set<string>): Record<string, string> {
  return Object.fromEntries(
    questions
      .filter((q) => q.required && !answered.has(q.key))
      .map((q) => [`answers.${q.key}`, 'survey.required']),
  );
}

/**
 * Closing the loop: why a response needs a follow-up (empty when it does not). Detractor = NPS 0–6;
 * a CSI dimension (not the overall rating) at or below the configured score.
 */
export function lowScoreReasons(
  rows: Pick<AnswerRow, 'kind' | 'dimension' | 'score'>[],
  rule: { onDetractor: boolean; dimensionAtMost: number },
): string[] {
  const reasons: string[] = [];
  for (const r of rows) {
    if (r.score == null) continue;
    if (r.kind === 'nps' && rule.onDetractor && r.score <= 6) reasons.push(`NPS ${r.score}`);
    if (r.kind === 'rating' && r.dimension !== 'overall' && r.score <= rule.dimensionAtMost)
      reasons.push(`${r.dimension} ${r.score}`);
  }
  return reasons;
}
