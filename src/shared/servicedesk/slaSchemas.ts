import { z } from 'zod';
import { SEVERITIES, TIERS } from './enums.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK = /^([01]\d|2[0-4]):[0-5]\d$/;

export const dateSchema = z.string().regex(DATE, 'calendar.date');
export const workingIntervalSchema = z.object({
  start: z.string().regex(CLOCK, 'calendar.hours'),
  end: z.string().regex(CLOCK, 'calendar.hours'),
});

export const calendarBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  timeZone: z.string().min(1).max(64),
  /** Monday … Sunday. */
  week: z.array(z.array(workingIntervalSchema).max(6)).length(7),
  holidays: z.array(dateSchema).max(2000).default([]),
  makeUpDays: z.array(dateSchema).max(500).default([]),
});

export const calendarDtoSchema = calendarBodySchema.extend({
  id: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CalendarDto = z.infer<typeof calendarDtoSchema>;

export const slaPolicyBodySchema = z.strictObject({
  tier: z.enum(TIERS),
  severity: z.enum(SEVERITIES),
  firstResponseMinutes: z.number().int().min(1).max(100_000),
  resolutionMinutes: z.number().int().min(1).max(1_000_000),
  warnPercent: z.number().int().min(1).max(99).default(80),
});
export const slaPolicyDtoSchema = slaPolicyBodySchema.extend({ id: z.string(), version: z.number().int() });
