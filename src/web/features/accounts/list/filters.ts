import { LIFECYCLE_STAGES, RFM_SEGMENTS, VALUE_QUADRANTS } from '../../../../shared/analytics';
import {
  ACCOUNT_STATUSES,
  type AccountStatus,
  INDUSTRIES,
  type Industry,
  SERVICE_TIERS,
  type ServiceTier,
} from '../../../../shared/customers/labels';

export const SORTS = ['updatedAt', 'createdAt', 'name', 'code'] as const;
export type AccountSort = (typeof SORTS)[number];
export type Archived = 'false' | 'true' | 'all';

/**
 * The account list's search, filters and sort, named as GET /accounts names them. They live in the
 * page's URL (so a link or the back button restores the list), in saved views and in the export link.
 */
export interface AccountFilters {
  q?: string;
  status?: AccountStatus[];
  tier?: ServiceTier[];
  industry?: Industry[];
  /** A user id, "me" or "none". */
  owner?: string;
  province?: string;
  city?: string;
  tag?: string[];
  /** ISO date-times. */
  createdFrom?: string;
  createdTo?: string;
  archived?: Archived;
  sort?: AccountSort;
  order?: 'asc' | 'desc';
  /** The current analytics snapshot (segmentation and churn-risk screens link here with these). */
  abcClass?: string[];
  rfmSegment?: string[];
  analyticsStage?: string[];
  valueQuadrant?: string[];
  riskMin?: string;
}

type Read = (key: string) => string[];

const oneOf = <T extends string>(values: readonly T[], v: string | undefined): T | undefined =>
  values.includes(v as T) ? (v as T) : undefined;
const someOf = <T extends string>(values: readonly T[], list: string[]): T[] | undefined => {
  const kept = list.filter((v): v is T => values.includes(v as T));
  return kept.length ? kept : undefined;
};
const text = (v: string | undefined) => v?.trim() || undefined;

function readFilters(read: Read): AccountFilters {
  const first = (k: string) => read(k)[0];
  const tags = read('tag')
    .map((t) => t.trim())
    .filter(Boolean);
  return {
    q: text(first('q')),
    status: someOf(ACCOUNT_STATUSES, read('status')),
    tier: someOf(SERVICE_TIERS, read('tier')),
    industry: someOf(INDUSTRIES, read('industry')),
    owner: text(first('owner')),
    province: text(first('province')),
    city: text(first('city')),
    tag: tags.length ? tags : undefined,
    createdFrom: text(first('createdFrom')),
    createdTo: text(first('createdTo')),
    archived: oneOf(['false', 'true', 'all'] as const, first('archived')),
    sort: oneOf(SORTS, first('sort')),
    order: oneOf(['asc', 'desc'] as const, first('order')),
    abcClass: someOf(['A', 'B', 'C'] as const, read('abcClass')),
    rfmSegment: someOf(RFM_SEGMENTS, read('rfmSegment')),
    analyticsStage: someOf(LIFECYCLE_STAGES, read('analyticsStage')),
    valueQuadrant: someOf(VALUE_QUADRANTS, read('valueQuadrant')),
    riskMin: /^\d{1,3}$/.test(first('riskMin') ?? '') ? first('riskMin') : undefined,
  };
}

export const filtersFromSearch = (params: URLSearchParams): AccountFilters =>
  readFilters((k) => params.getAll(k));

/** A saved view's stored query, checked like the URL: whatever is unknown is dropped. */
export const filtersFromView = (query: Record<string, unknown>): AccountFilters =>
  readFilters((k) => {
    const v = query[k];
    return (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]).map(String);
  });

/** Only the filters that are set, for the URL and saved views. */
export function compactFilters(f: AccountFilters): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v as string | string[];
  }
  return out;
}

export const filtersToSearch = (f: AccountFilters) => new URLSearchParams(toPairs(compactFilters(f)));

const toPairs = (o: Record<string, string | string[]>) =>
  Object.entries(o).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]]));

/** Filters beyond the search box, sort and archive switch — to say "n filters" on the toggle. */
export const countFilters = (f: AccountFilters) =>
  Object.keys(compactFilters({ ...f, q: undefined, sort: undefined, order: undefined, archived: undefined }))
    .length;
