import { and, asc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CalendarDto, calendarBodySchema } from '../../../shared/servicedesk/slaSchemas.js';
import type { DbOrTx } from '../../db/client.js';
import { staleWrite } from '../../db/versioned.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/errors.js';
import { recordChange } from '../audit/service.js';
import { type BusinessCalendar, isTimeZone, parseClock, type WorkingInterval } from './businessTime.js';
import { businessCalendars, teams } from './table.js';

type CalendarBody = z.output<typeof calendarBodySchema>;
type CalendarRow = typeof businessCalendars.$inferSelect;

const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

export function toCalendarDto(r: CalendarRow): CalendarDto {
  return {
    id: r.id,
    name: r.name,
    timeZone: r.timeZone,
    week: r.week.map((day) => day.map(([s, e]) => ({ start: hhmm(s), end: hhmm(e) }))),
    holidays: r.holidays,
    makeUpDays: r.makeUpDays,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export const toBusinessCalendar = (r: CalendarRow): BusinessCalendar => ({
  timeZone: r.timeZone,
  week: r.week,
  holidays: r.holidays,
  makeUpDays: r.makeUpDays,
});

/** Checks the body and turns "HH:MM" pairs into minutes; every bad field is named. */
function toRow(body: CalendarBody) {
  const fields: Record<string, string> = {};
  if (!isTimeZone(body.timeZone)) fields.timeZone = 'calendar.timeZone';
  const week: WorkingInterval[][] = body.week.map((day, d) => {
    let last = -1;
    return day.map((iv, i) => {
      const s = parseClock(iv.start) ?? -1;
      const e = parseClock(iv.end) ?? -1;
      if (s < 0 || e <= s || s < last) fields[`week.${d}.${i}`] = 'calendar.hours';
      last = e;
      return [s, e] as WorkingInterval;
    });
  });
  if (week.every((d) => d.length === 0) && body.makeUpDays.length === 0)
    fields.week = 'calendar.noWorkingTime';
  if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', { fields });
  const uniq = (xs: string[]) => [...new Set(xs)].sort();
  return {
    name: body.name,
    timeZone: body.timeZone,
    week,
    holidays: uniq(body.holidays),
    makeUpDays: uniq(body.makeUpDays),
  };
}

const audited = (r: CalendarRow) => ({
  ...toCalendarDto(r),
  createdAt: undefined,
  updatedAt: undefined,
  version: undefined,
});

export const listCalendars = async (db: DbOrTx) =>
  (await db.select().from(businessCalendars).orderBy(asc(businessCalendars.name))).map(toCalendarDto);

export async function findCalendar(db: DbOrTx, id: string) {
  const [r] = await db.select().from(businessCalendars).where(eq(businessCalendars.id, id));
  return r;
}

async function assertNameFree(db: DbOrTx, name: string, exceptId: string | null) {
  const [r] = await db
    .select({ id: businessCalendars.id })
    .from(businessCalendars)
    .where(
      sql`lower(${businessCalendars.name}) = ${name.toLowerCase()} AND ${businessCalendars.id} IS DISTINCT FROM ${exceptId}`,
    );
  if (r)
    throw new AppError('ALREADY_EXISTS', {
      params: { entity: 'calendar', field: 'name' },
      fields: { name: 'calendar.nameTaken' },
    });
}

export async function createCalendar(db: DbOrTx, actor: Actor, body: CalendarBody) {
  const row = toRow(body);
  await assertNameFree(db, row.name, null);
  const [r] = await db.insert(businessCalendars).values(row).returning();
  await recordChange(db, actor, 'calendar', r.id, 'create', null, audited(r));
  return toCalendarDto(r);
}

export async function updateCalendar(
  db: DbOrTx,
  actor: Actor,
  id: string,
  version: number,
  body: CalendarBody,
) {
  const row = toRow(body);
  const before = await findCalendar(db, id);
  if (!before) throw notFound('calendar');
  await assertNameFree(db, row.name, id);
  const [r] = await db
    .update(businessCalendars)
    .set({ ...row, version: sql`${businessCalendars.version} + 1`, updatedAt: new Date() })
    .where(sql`${businessCalendars.id} = ${id} AND ${businessCalendars.version} = ${version}`)
    .returning();
  if (!r) throw await staleWrite('calendar', () => findCalendar(db, id), toCalendarDto);
  await recordChange(db, actor, 'calendar', id, 'update', audited(before), audited(r));
  return toCalendarDto(r);
}

/**
 * Reads a holiday list: a JSON array of {date, type: 'holiday'|'workday'} (or of plain dates =
 * holidays), or CSV lines "date,type" (type defaults to holiday; a header line is skipped).
 */
export function parseHolidayList(text: string): { holidays: string[]; makeUpDays: string[] } {
  const out = { holidays: [] as string[], makeUpDays: [] as string[] };
  const add = (date: unknown, type: unknown) => {
    if (
      typeof date !== 'string' ||
      !/^\d{4}-\d{2}-\d{2}$/.test(date.trim()) ||
      Number.isNaN(Date.parse(date.trim()))
    )
      throw new AppError('VALIDATION_FAILED', { fields: { file: 'calendar.importFormat' } });
    const t = String(type ?? 'holiday')
      .trim()
      .toLowerCase();
    const work = ['workday', 'makeup', 'make-up', 'working', '调休', '补班', '上班'].includes(t);
    (work ? out.makeUpDays : out.holidays).push(date.trim());
  };
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    let list: unknown;
    try {
      list = JSON.parse(trimmed);
    } catch {
      throw new AppError('VALIDATION_FAILED', { fields: { file: 'calendar.importFormat' } });
    }
    if (!Array.isArray(list))
      throw new AppError('VALIDATION_FAILED', { fields: { file: 'calendar.importFormat' } });
    for (const item of list)
      if (typeof item === 'string') add(item, 'holiday');
      else add((item as { date?: unknown })?.date, (item as { type?: unknown })?.type);
    return out;
  }
  for (const [i, line] of trimmed.split(/\r?\n/).entries()) {
    const [date, type] = line.split(/[,;\t]/);
    if (!line.trim() || (i === 0 && !/\d/.test(date ?? ''))) continue;
    add(date, type);
  }
  return out;
}

/** Adds imported holidays and make-up days to a calendar (a date listed as both becomes a make-up day). */
export async function importHolidays(db: DbOrTx, actor: Actor, id: string, version: number, text: string) {
  const parsed = parseHolidayList(text);
  const cal = await findCalendar(db, id);
  if (!cal) throw notFound('calendar');
  const dto = toCalendarDto(cal);
  const makeUpDays = [...new Set([...dto.makeUpDays, ...parsed.makeUpDays])];
  const holidays = [...new Set([...dto.holidays, ...parsed.holidays])].filter((d) => !makeUpDays.includes(d));
  return {
    calendar: await updateCalendar(db, actor, id, version, { ...dto, holidays, makeUpDays }),
    imported: parsed.holidays.length + parsed.makeUpDays.length,
  };
}

/** The calendar a team's SLA clocks run on (the first calendar when the team is unknown). */
export async function calendarOfTeam(
  db: DbOrTx,
  teamId: string | null,
): Promise<{ id: string; calendar: BusinessCalendar }> {
  return (await calendarsOfTeams(db, [teamId]))(teamId);
}

/**
 * The calendars of several teams in one query: each team's own, and the first calendar for a ticket
 * without a team. Returns the lookup.
 */
export async function calendarsOfTeams(db: DbOrTx, teamIds: (string | null)[]) {
  const ids = [...new Set(teamIds.filter((x): x is string => !!x))];
  const first = sql`(SELECT id FROM ${businessCalendars} ORDER BY created_at LIMIT 1)`;
  const rows = await db
    .select({
      teamId: teams.id,
      isFirst: sql<boolean>`${businessCalendars.id} = ${first}`,
      c: businessCalendars,
    })
    .from(businessCalendars)
    .leftJoin(
      teams,
      and(eq(teams.calendarId, businessCalendars.id), inArray(teams.id, ids.length ? ids : [NIL])),
    )
    .where(or(isNotNull(teams.id), eq(businessCalendars.id, first)));
  const byTeam = new Map(rows.filter((r) => r.teamId).map((r) => [r.teamId, r.c]));
  const fallback = rows.find((r) => r.isFirst)?.c;
  return (teamId: string | null): { id: string; calendar: BusinessCalendar } => {
    const row = byTeam.get(teamId) ?? (fallback as CalendarRow);
    return { id: row.id, calendar: toBusinessCalendar(row) };
  };
}
const NIL = '00000000-0000-0000-0000-000000000000';
