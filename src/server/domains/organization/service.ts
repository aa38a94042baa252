import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  DEFAULT_ORGANIZATION_SETTINGS,
  type OrganizationSettings,
  organizationSettingsSchema,
} from '../../../shared/organization.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { staleWrite } from '../../db/versioned.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/errors.js';
import { recordChange } from '../audit/service.js';
import { alignRollupTimeZone } from '../kpi/index.js';
import { alignSurveyRollupZone } from '../surveys/rollup.js';
import { organizations } from './table.js';

type OrganizationRow = typeof organizations.$inferSelect;

export const organizationDtoSchema = z.object({
  id: z.string(),
  name: z.string(),
  settings: organizationSettingsSchema,
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const toOrganizationDto = (o: OrganizationRow) => ({
  id: o.id,
  name: o.name,
  settings: { ...DEFAULT_ORGANIZATION_SETTINGS, ...o.settings },
  version: o.version,
  createdAt: o.createdAt.toISOString(),
  updatedAt: o.updatedAt.toISOString(),
});

/** One installation serves one company: the organisation is its single row. */
export async function getOrganization(db: DbOrTx) {
  const [row] = await db.select().from(organizations).limit(1);
  return row;
}

export async function ensureOrganization(
  db: Db,
  actor: Actor,
  name: string,
  settings: Partial<OrganizationSettings> = {},
) {
  const existing = await getOrganization(db);
  if (existing) return existing;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(organizations)
      .values({ name, settings: { ...DEFAULT_ORGANIZATION_SETTINGS, ...settings } })
      .returning();
    await recordChange(tx, actor, 'organization', row.id, 'create', null, row);
    await alignRollupTimeZone(tx, row.settings.timezone);
    await alignSurveyRollupZone(tx, row.settings.timezone);
    return row;
  });
}

function assertTimezone(tz: string) {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
  } catch {
    throw new AppError('VALIDATION_FAILED', { fields: { 'settings.timezone': 'settings.timezone' } });
  }
}

export async function updateOrganization(
  db: Db,
  actor: Actor,
  input: { version: number; name?: string; settings?: Partial<OrganizationSettings> },
) {
  if (input.settings?.timezone) assertTimezone(input.settings.timezone);
  return db.transaction(async (tx) => {
    const before = await getOrganization(tx);
    if (!before) throw notFound('organization');
    const [after] = await tx
      .update(organizations)
      .set({
        name: input.name ?? before.name,
        settings: { ...before.settings, ...input.settings },
        version: sql`${organizations.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(organizations.id, before.id), eq(organizations.version, input.version)))
      .returning();
    if (!after) throw await staleWrite('organization', () => getOrganization(tx), toOrganizationDto);
    await recordChange(tx, actor, 'organization', after.id, 'update', flatten(before), flatten(after));
    // the KPI rollup's days are local days: a new zone re-cuts them in this transaction
    await alignRollupTimeZone(tx, after.settings.timezone);
    await alignSurveyRollupZone(tx, after.settings.timezone);
    return toOrganizationDto(after);
  });
}

/** Settings are diffed key by key so the audit shows which setting changed. */
const flatten = (o: OrganizationRow) => {
  const { settings, ...rest } = o;
  return { ...rest, ...Object.fromEntries(Object.entries(settings).map(([k, v]) => [`settings.${k}`, v])) };
};
