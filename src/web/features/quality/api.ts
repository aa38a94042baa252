import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ServiceTargets } from '../../../shared/serviceTargets';
import { api, withQuery } from '../../api/client';

export type KpiCut = 'overall' | 'account' | 'carrier' | 'lane' | 'mode';
export type OnTimeRule = 'timestamp' | 'date';

export interface KpiDto {
  key: string;
  label: string | null;
  bucket: string | null;
  delivered: number;
  judged: number;
  onTime: number;
  onTimeRate: number | null;
  onTimeRateTimestamp: number | null;
  onTimeRateDate: number | null;
  onTimeTimestamp: number;
  onTimeDate: number;
  intactRate: number | null;
  transitMedianDays: number | null;
  transitP90Days: number | null;
  volume: number;
  revenueCents: number;
  costCents: number;
  grossMarginCents: number;
  grossMarginRate: number | null;
}

export interface KpiResult {
  from: string;
  to: string;
  timeZone: string;
  rule: OnTimeRule;
  cut: KpiCut;
  trend: 'none' | 'week' | 'month';
  rows: KpiDto[];
  /** The cut's row count when a page was asked for (limit). */
  total?: number;
}

/** What the server ranks a cut's rows by (server kpi/ranking.ts). */
export type KpiSort = 'volume' | 'delivered' | 'late' | 'onTimeRate' | 'intactRate' | 'revenue' | 'margin';

export interface KpiParams {
  from: string;
  to: string;
  cut?: KpiCut;
  trend?: 'none' | 'week' | 'month';
  rule?: OnTimeRule;
  accountId?: string;
  carrierId?: string;
  sort?: KpiSort;
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

export function useKpis(params: KpiParams) {
  return useQuery({
    queryKey: ['kpi', 'shipments', params],
    queryFn: () => api<KpiResult>('GET', withQuery('/kpi/shipments', { ...params })),
    placeholderData: keepPreviousData,
  });
}

export const pct = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`;
export const days = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toFixed(1));
export const money = (cents: number, locale: string) =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(cents / 100);

export interface ServiceTargetsDto extends ServiceTargets {
  source: 'account' | 'tier';
  version: number | null;
  updatedAt: string | null;
}

export interface AccountQualityDto {
  accountId: string;
  tier: string;
  from: string;
  to: string;
  rule: OnTimeRule;
  timeZone: string;
  kpis: KpiDto | null;
  complaints: { count: number; per1000Shipments: number | null };
  targets: ServiceTargetsDto;
  meets: Record<keyof ServiceTargets, boolean | null>;
  trend: KpiDto[];
}

const accountQualityKey = (accountId: string) => ['kpi', 'account-quality', accountId] as const;

export function useAccountQuality(
  accountId: string,
  params: { from: string; to: string; trend: 'week' | 'month' },
) {
  return useQuery({
    queryKey: [...accountQualityKey(accountId), params],
    queryFn: () =>
      api<AccountQualityDto>(
        'GET',
        withQuery(`/accounts/${encodeURIComponent(accountId)}/service-quality`, { ...params }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function usePutServiceTargets(accountId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ServiceTargets & { version?: number }) =>
      api<ServiceTargetsDto>('PUT', `/accounts/${encodeURIComponent(accountId)}/service-targets`, body),
    onSettled: () => qc.invalidateQueries({ queryKey: accountQualityKey(accountId) }),
  });
}
