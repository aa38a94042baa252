import { and, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { ROLES, type Role } from '../../../shared/permissions.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { randomToken, sha256 } from '../../lib/crypto.js';
import { notFound } from '../../lib/errors.js';
import { recordChange } from '../audit/service.js';
import { apiKeys } from './table.js';

export const API_KEY_PREFIX = 'lcrm_';

export const apiKeyDtoSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  prefix: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

type ApiKeyRow = typeof apiKeys.$inferSelect;
const toApiKeyDto = (k: ApiKeyRow): z.infer<typeof apiKeyDtoSchema> => ({
  id: k.id,
  name: k.name,
  role: k.role,
  prefix: k.prefix,
  createdAt: k.createdAt.toISOString(),
  createdBy: k.createdBy,
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  revokedAt: k.revokedAt?.toISOString() ?? null,
});

/** The secret is returned once; only its SHA-256 is kept (a 192-bit random secret needs no slow hash). */
export async function createApiKey(db: Db, actor: Actor, input: { name: string; role: Role }) {
  const secret = `${API_KEY_PREFIX}${randomToken(24)}`;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({
        name: input.name,
        role: input.role,
        prefix: secret.slice(0, 12),
        keyHash: sha256(secret),
        createdBy: actor.id,
      })
      .returning();
    await recordChange(tx, actor, 'apiKey', row.id, 'create', null, row);
    return { apiKey: toApiKeyDto(row), secret };
  });
}

export async function listApiKeys(db: Db) {
  const rows = await db.select().from(apiKeys).orderBy(desc(apiKeys.createdAt));
  return { items: rows.map(toApiKeyDto) };
}

export async function revokeApiKey(db: Db, actor: Actor, id: string) {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(apiKeys).where(eq(apiKeys.id, id));
    if (!before) throw notFound('apiKey');
    const [after] = await tx
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
      .returning();
    if (after) await recordChange(tx, actor, 'apiKey', id, 'update', before, after);
  });
}
