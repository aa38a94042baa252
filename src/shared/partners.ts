import { z } from 'zod';

export const PARTNER_KINDS = ['carrier', 'warehouse', 'customs_broker', 'last_mile'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];
export const PARTNER_STATUSES = ['active', 'suspended', 'exited'] as const;

/** Partner score weights in percent (DOMAIN.md §3: default 40/30/20/10). */
export interface ScoreWeights {
  onTime: number;
  intact: number;
  satisfaction: number;
  price: number;
}
export const DEFAULT_SCORE_WEIGHTS: ScoreWeights = { onTime: 40, intact: 30, satisfaction: 20, price: 10 };

export const scoreWeightsSchema = z
  .strictObject({
    onTime: z.number().min(0).max(100),
    intact: z.number().min(0).max(100),
    satisfaction: z.number().min(0).max(100),
    price: z.number().min(0).max(100),
  })
  .refine((w) => Math.abs(w.onTime + w.intact + w.satisfaction + w.price - 100) < 1e-9, {
    message: 'partner.weightsSum',
  });

const code = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\w.-]+$/, { message: 'partner.codeFormat' });
const name = z.string().trim().min(1).max(200);
/** A calendar date YYYY-MM-DD. */
export const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date.format' });

export const createPartnerSchema = z
  .strictObject({
    code,
    kind: z.enum(PARTNER_KINDS),
    nameZh: name.optional(),
    nameEn: name.optional(),
    modes: z.array(z.string().trim().min(1).max(40)).max(20).optional(),
    status: z.enum(PARTNER_STATUSES).optional(),
    notes: z.string().max(4000).optional(),
  })
  .refine((p) => p.nameZh || p.nameEn, { message: 'partner.nameRequired', path: ['nameZh'] });
export type CreatePartnerInput = z.infer<typeof createPartnerSchema>;

export const updatePartnerSchema = z.strictObject({
  version: z.number().int().min(1),
  kind: z.enum(PARTNER_KINDS).optional(),
  nameZh: name.nullable().optional(),
  nameEn: name.nullable().optional(),
  modes: z.array(z.string().trim().min(1).max(40)).max(20).optional(),
  status: z.enum(PARTNER_STATUSES).optional(),
  notes: z.string().max(4000).nullable().optional(),
});
export type UpdatePartnerInput = z.infer<typeof updatePartnerSchema>;

export const partnerDtoSchema = z.object({
  id: z.string(),
  code: z.string(),
  kind: z.enum(PARTNER_KINDS),
  nameZh: z.string().nullable(),
  nameEn: z.string().nullable(),
  modes: z.array(z.string()),
  status: z.enum(PARTNER_STATUSES),
  exitWarning: z.boolean(),
  grade: z.string().nullable(),
  notes: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PartnerDto = z.infer<typeof partnerDtoSchema>;

/** Sub-records of a partner, each edited on its own with a version. */
export const PARTNER_CHILDREN = {
  qualifications: z.strictObject({
    kind: z.string().trim().min(1).max(80),
    number: z.string().trim().max(80).nullable().optional(),
    issuedOn: calendarDate.nullable().optional(),
    expiresOn: calendarDate.nullable().optional(),
  }),
  contacts: z.strictObject({
    name: z.string().trim().min(1).max(100),
    title: z.string().trim().max(100).nullable().optional(),
    mobile: z.string().trim().max(40).nullable().optional(),
    email: z.string().trim().max(254).pipe(z.email()).nullable().optional(),
    isPrimary: z.boolean().optional(),
  }),
  contracts: z.strictObject({
    number: z.string().trim().min(1).max(80),
    startsOn: calendarDate,
    endsOn: calendarDate.nullable().optional(),
    terms: z.string().max(8000).nullable().optional(),
  }),
} as const;
export type PartnerChildKind = keyof typeof PARTNER_CHILDREN;
export const PARTNER_CHILD_KINDS = Object.keys(PARTNER_CHILDREN) as PartnerChildKind[];
