import { invalidInput } from './errors.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/**
 * Calendar date 'YYYY-MM-DD' → whole days since 1970-01-01. Dates are calendar dates (the company's
 * time zone has already decided them), so no time-of-day or zone arithmetic happens here.
 */
export function dayNumber(date: string): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw invalidInput(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`, { date });
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw invalidInput(`not a calendar date: ${date}`, { date });
  }
  return ms / MS_PER_DAY;
}

/** Inverse of dayNumber. */
export function isoDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
