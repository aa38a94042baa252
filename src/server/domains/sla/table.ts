import { sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { editableColumns } from '../../db/columns.js';
import { users } from '../users/table.js';
import type { WorkingInterval } from './businessTime.js';

/** Working hours, holidays and make-up days (调休) in one IANA zone; a team works on one calendar. */
export const businessCalendars = pgTable(
  'business_calendars',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    timeZone: text('time_zone').notNull(),
    /** Monday … Sunday: the working intervals of each weekday, minutes from local midnight. */
    week: jsonb('week').$type<WorkingInterval[][]>().notNull(),
    holidays: text('holidays').array().notNull().default(sql`'{}'`),
    makeUpDays: text('make_up_days').array().notNull().default(sql`'{}'`),
    ...editableColumns(),
  },
  (t) => [uniqueIndex('business_calendars_name_key').on(sql`lower(${t.name})`)],
);

/** Service-desk teams: where tickets go, whose calendar their SLA clocks follow, who is escalated to. */
export const teams = pgTable(
  'teams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    calendarId: uuid('calendar_id')
      .notNull()
      .references(() => businessCalendars.id),
    leadId: uuid('lead_id').references(() => users.id, { onDelete: 'set null' }),
    managerId: uuid('manager_id').references(() => users.id, { onDelete: 'set null' }),
    /** Members in round-robin order; the next ticket goes to members[rrNext % length]. */
    memberIds: uuid('member_ids').array().notNull().default(sql`'{}'`),
    rrNext: integer('rr_next').notNull().default(0),
    ...editableColumns(),
  },
  (t) => [uniqueIndex('teams_name_key').on(sql`lower(${t.name})`)],
);

/** First-response and resolution targets (business minutes) per service tier × severity. */
export const slaPolicies = pgTable(
  'sla_policies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tier: text('tier').notNull(),
    severity: text('severity').notNull(),
    firstResponseMinutes: integer('first_response_minutes').notNull(),
    resolutionMinutes: integer('resolution_minutes').notNull(),
    /** Warn when this share (percent) of a target has elapsed. */
    warnPercent: integer('warn_percent').notNull().default(80),
    ...editableColumns(),
  },
  (t) => [uniqueIndex('sla_policies_tier_severity_key').on(t.tier, t.severity)],
);
