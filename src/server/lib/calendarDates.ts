/**
 * Arithmetic on calendar dates written 'YYYY-MM-DD' (dates of the company zone, no time of day),
 * computed in UTC so no zone or daylight-saving change can move a day.
 */
const DAY_MS = 86_400_000;
const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

export const addDays = (d: string, n: number) => iso(ms(d) + n * DAY_MS);

/** The first day of the date's month. */
export const monthStart = (d: string) => `${d.slice(0, 7)}-01`;

export function addMonths(d: string, n: number): string {
  const t = new Date(ms(d));
  t.setUTCMonth(t.getUTCMonth() + n);
  return iso(t.getTime());
}

/** Monday of the date's week (as date_trunc('week')). */
export const weekStart = (d: string) => addDays(d, -((new Date(ms(d)).getUTCDay() + 6) % 7));
