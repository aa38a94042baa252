import { z } from 'zod';
import { LIFECYCLE_STAGES, RFM_SEGMENTS, VALUE_QUADRANTS } from '../../../shared/analytics.js';
import { ACCOUNT_STATUSES, INDUSTRIES, SERVICE_TIERS } from '../../../shared/customers/labels.js';
import { pageQuerySchema } from '../../lib/pagination.js';

const list = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.enum(values), z.array(z.enum(values))])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional();

/** Filters, search and sort of the account list (query string; repeated keys for several values). */
export const accountListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  status: list(ACCOUNT_STATUSES),
  tier: list(SERVICE_TIERS),
  industry: list(INDUSTRIES),
  /** A user id, or "me", or "none" for accounts without an owner. */
  owner: z.union([z.uuid(), z.enum(['me', 'none'])]).optional(),
  province: z.string().trim().max(32).optional(),
  city: z.string().trim().max(64).optional(),
  tag: z
    .union([z.string().max(30), z.array(z.string().max(30))])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional(),
  createdFrom: z.coerce.date().optional(),
  createdTo: z.coerce.date().optional(),
  archived: z.enum(['false', 'true', 'all']).default('false'),
  /** The current analytics snapshot: ABC class, RFM segment, lifecycle stage, value quadrant, churn risk. */
  abcClass: list(['A', 'B', 'C'] as const),
  rfmSegment: list(RFM_SEGMENTS),
  analyticsStage: list(LIFECYCLE_STAGES),
  valueQuadrant: list(VALUE_QUADRANTS),
  riskMin: z.coerce.number().int().min(0).max(100).optional(),
  sort: z.enum(['updatedAt', 'createdAt', 'name', 'code']).default('updatedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type AccountListQuery = z.infer<typeof accountListQuerySchema>;
