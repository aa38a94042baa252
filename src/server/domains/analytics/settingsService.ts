import { eq, sql } from 'drizzle-orm';
import {
  type AnalyticsSettings,
  analyticsSettingsSchema,
  DEFAULT_ANALYTICS_SETTINGS,
} from '../../../shared/analytics.js';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import { recordChange } from '../audit/service.js';
import { analyticsSettings } from './table.js';

/** The settings with their version; the defaults (version 1) until someone saves. */
export async function getAnalyticsSettings(
  db: DbOrTx,
): Promise<{ version: number; settings: AnalyticsSettings }> {
  const [row] = await db.select().from(analyticsSettings).where(eq(analyticsSettings.id, 1));
  if (!row) return { version: 1, settings: DEFAULT_ANALYTICS_SETTINGS };
  const merged = analyticsSettingsSchema.safeParse(withDefaults(row.settings));
  return { version: row.version, settings: merged.success ? merged.data : DEFAULT_ANALYTICS_SETTINGS };
}

/**
 * Settings saved by an older release get the fields added since from the defaults — inside the groups
 * too (churnSignals saved before csiDropForFullScore existed keeps its other values).
 */
export function withDefaults(saved: Partial<AnalyticsSettings>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...DEFAULT_ANALYTICS_SETTINGS };
  for (const [key, value] of Object.entries(saved)) {
    const base = out[key];
    const isGroup = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
    out[key] = isGroup(base) && isGroup(value) ? { ...(base as object), ...(value as object) } : value;
  }
  return out;
}

/** Optimistic locking by version (the first save creates the row at version 2); audited. */
export async function updateAnalyticsSettings(
  db: Db,
  actor: Actor,
  body: { version: number; settings: AnalyticsSettings },
) {
  return db.transaction(async (tx) => {
    await tx
      .insert(analyticsSettings)
      .values({ id: 1, settings: DEFAULT_ANALYTICS_SETTINGS })
      .onConflictDoNothing();
    const [before] = await tx
      .select()
      .from(analyticsSettings)
      .where(eq(analyticsSettings.id, 1))
      .for('update');
    if (before.version !== body.version) {
      throw new AppError('VERSION_CONFLICT', {
        params: { entity: 'analyticsSettings' },
        current: { version: before.version, settings: before.settings },
      });
    }
    const [after] = await tx
      .update(analyticsSettings)
      .set({ settings: body.settings, version: sql`${analyticsSettings.version} + 1`, updatedAt: new Date() })
      .where(eq(analyticsSettings.id, 1))
      .returning();
    await recordChange(tx, actor, 'analytics_settings', '1', 'update', before.settings, after.settings);
    return { version: after.version, settings: after.settings };
  });
}
