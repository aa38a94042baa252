import { keepPreviousData, useQuery } from '@tanstack/react-query';
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
}

export interface KpiParams {
  from: string;
  to: string;
  cut?: KpiCut;
  trend?: 'none' | 'week' | 'month';
  rule?: OnTimeRule;
  accountId?: string;
  carrierId?: string;
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
