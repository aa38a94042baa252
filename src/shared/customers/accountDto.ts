import { z } from 'zod';
import { accountInputSchema, contactInputSchema } from './accountSchemas.js';

const lane = z.object({ origin: z.string(), destination: z.string() });

export const contactDtoSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  mobile: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  wechatId: z.string().nullable(),
  preferredChannel: z.string().nullable(),
  isPrimary: z.boolean(),
  portalAccess: z.boolean(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type ContactDto = z.infer<typeof contactDtoSchema>;

export const accountDtoSchema = z.object({
  id: z.string(),
  code: z.string(),
  nameZh: z.string().nullable(),
  nameEn: z.string().nullable(),
  creditCode: z.string().nullable(),
  industry: z.string().nullable(),
  size: z.string().nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  address: z.string().nullable(),
  source: z.string().nullable(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  status: z.string(),
  tier: z.string(),
  lifecycleStage: z.string().nullable(),
  tags: z.array(z.string()),
  creditTermsDays: z.number().nullable(),
  transportNeeds: z.object({
    modes: z.array(z.string()),
    lanes: z.array(lane),
    monthlyVolume: z.object({ amount: z.number(), unit: z.string() }).optional(),
  }),
  requirements: z.string().nullable(),
  archivedAt: z.string().nullable(),
  mergedIntoId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type AccountDto = z.infer<typeof accountDtoSchema>;

export const accountListItemSchema = z.object({
  id: z.string(),
  code: z.string(),
  nameZh: z.string().nullable(),
  nameEn: z.string().nullable(),
  status: z.string(),
  tier: z.string(),
  industry: z.string().nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  tags: z.array(z.string()),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  primaryContactName: z.string().nullable(),
  primaryContactMobile: z.string().nullable(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type AccountListItem = z.infer<typeof accountListItemSchema>;

export const duplicateCandidateSchema = z.object({
  account: z.object({
    id: z.string(),
    code: z.string(),
    nameZh: z.string().nullable(),
    nameEn: z.string().nullable(),
    archivedAt: z.string().nullable(),
  }),
  score: z.number(),
  evidence: z.array(z.object({ kind: z.string(), value: z.unknown(), similarity: z.number().optional() })),
});

/** Create: the account with its first contacts; `requirements` is free text. */
export const createAccountBodySchema = z.strictObject({
  account: accountInputSchema,
  contacts: z.array(contactInputSchema).max(50).default([]),
  requirements: z.string().trim().max(5000).optional(),
});

/** Edit: the whole account as the form shows it, with the version it was read at. */
export const updateAccountBodySchema = z.strictObject({
  version: z.number().int().min(1),
  account: accountInputSchema,
  requirements: z.string().trim().max(5000).nullable().optional(),
});

export const versionBodySchema = z.strictObject({ version: z.number().int().min(1) });

export const contactBodySchema = contactInputSchema;
export const updateContactBodySchema = z.strictObject({
  version: z.number().int().min(1),
  contact: contactInputSchema,
});
