import { randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  DEFAULT_SURVEY_SETTINGS,
  type linkInvitationsSchema,
  type SurveySettings,
  surveySettingsSchema,
} from '../../../shared/surveys/schemas.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { staleWrite } from '../../db/versioned.js';
import type { Actor } from '../../lib/actor.js';
import { randomToken, sha256 } from '../../lib/crypto.js';
import { AppError } from '../../lib/errors.js';
import { recordChange } from '../audit/service.js';
import { shipments } from '../shipments/table.js';
import { surveyInvitations, surveySettings } from './table.js';
import { currentTemplate, findTemplate } from './templates.js';

/** Where the public response page lives; a mail or loader prefixes the site's address. */
export const surveyPath = (token: string) => `/s/${token}`;

export async function getSurveySettings(db: DbOrTx) {
  const [r] = await db.select().from(surveySettings).where(eq(surveySettings.id, 1));
  return {
    settings: { ...DEFAULT_SURVEY_SETTINGS, ...r?.settings } as SurveySettings,
    version: r?.version ?? 0,
  };
}

/** Replaces the rules (version 0 = never saved yet). */
export async function saveSurveySettings(db: Db, actor: Actor, version: number, settings: SurveySettings) {
  const parsed = surveySettingsSchema.parse(settings);
  return db.transaction(async (tx) => {
    const before = await getSurveySettings(tx);
    const reload = async () => (await getSurveySettings(tx)).settings;
    if (before.version !== version) throw await staleWrite('surveySettings', reload, (s) => s);
    await tx
      .insert(surveySettings)
      .values({ id: 1, settings: parsed })
      .onConflictDoUpdate({
        target: surveySettings.id,
        set: { settings: parsed, version: sql`${surveySettings.version} + 1`, updatedAt: new Date() },
      });
    await recordChange(
      tx,
      actor,
      'surveySettings',
      '00000000-0000-0000-0000-000000000001',
      'update',
      flat(before.settings),
      flat(parsed),
    );
    return getSurveySettings(tx);
  });
}

const flat = (s: SurveySettings) => ({ rules: JSON.stringify(s) });

export interface NewInvitation {
  templateId: string;
  accountId: string;
  contactId?: string | null;
  shipmentId?: string | null;
  ticketId?: string | null;
  trigger: 'delivery' | 'ticket' | 'periodic' | 'manual' | 'link';
  channel: 'email' | 'link';
  recipient?: string | null;
  locale: string;
}

/**
 * Creates invitations in the caller's transaction, each with a fresh 192-bit token. Only the token's
 * SHA-256 is stored; the tokens are returned once, for the mail or the caller.
 */
export async function createInvitations(tx: DbOrTx, now: Date, linkDays: number, items: NewInvitation[]) {
  if (!items.length) return [];
  const expiresAt = new Date(now.getTime() + linkDays * 86_400_000);
  const tokens = items.map(() => randomToken(24));
  const rows = await tx
    .insert(surveyInvitations)
    .values(
      items.map((it, i) => ({
        ...it,
        id: randomUUID(),
        tokenHash: sha256(tokens[i]),
        sentAt: now,
        expiresAt,
      })),
    )
    .returning({ id: surveyInvitations.id });
  return rows.map((r, i) => ({ id: r.id, token: tokens[i], expiresAt }));
}

/**
 * Survey links about shipments for another channel (an integration's SMS, a marketplace, a loader):
 * the tokens come back in the answer instead of being mailed.
 */
export async function linkInvitations(
  db: Db,
  actor: Actor,
  now: Date,
  b: z.output<typeof linkInvitationsSchema>,
) {
  const template = b.templateId ? await findTemplate(db, b.templateId) : await currentTemplate(db);
  if (template.supersededBy)
    throw new AppError('VALIDATION_FAILED', { fields: { templateId: 'survey.superseded' } });
  const waybills = [...new Set(b.shipments.map((s) => s.waybill))];
  const found = await db
    .select({ id: shipments.id, waybill: shipments.waybill, accountId: shipments.accountId })
    .from(shipments)
    .where(inArray(shipments.waybill, waybills));
  const byWaybill = new Map(found.map((s) => [s.waybill, s]));
  const rows = b.shipments
    .map((s, index) => ({
      index,
      field: 'waybill',
      code: 'survey.unknownWaybill',
      known: byWaybill.has(s.waybill),
    }))
    .filter((r) => !r.known)
    .map(({ known: _, ...r }) => r);
  if (rows.length) throw new AppError('VALIDATION_FAILED', { rows });
  const { settings } = await getSurveySettings(db);
  return db.transaction(async (tx) => {
    const made = await createInvitations(
      tx,
      now,
      settings.linkDays,
      b.shipments.map((s) => {
        const shipment = byWaybill.get(s.waybill)!;
        return {
          templateId: template.id,
          accountId: shipment.accountId,
          shipmentId: shipment.id,
          trigger: 'link' as const,
          channel: 'link' as const,
          locale: s.locale ?? actor.locale,
        };
      }),
    );
    await recordChange(tx, actor, 'surveyInvitationBatch', randomUUID(), 'create', null, {
      invitations: made.length,
      templateId: template.id,
    });
    return made.map((m, i) => ({
      waybill: b.shipments[i].waybill,
      invitationId: m.id,
      token: m.token,
      path: surveyPath(m.token),
      expiresAt: m.expiresAt.toISOString(),
    }));
  });
}
