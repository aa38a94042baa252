import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AnalyticsSettings,
  LifecycleStage,
  ServiceTier,
  ValueQuadrant,
} from '../../../shared/analytics';
import { api, withQuery } from '../../api/client';
import { queryKeys } from '../../api/keys';

export interface ChurnReason {
  code: 'pAlive' | 'volumeDrop' | 'complaints' | 'csi';
  points: number;
  pAlive?: number;
  last90?: number;
  prev90?: number;
  complaints?: number;
  open?: number;
  categories?: string[];
  days?: number;
  csi?: number | null;
  previousCsi?: number | null;
  csiDrop?: number | null;
  nps?: number | null;
  responses?: number;
  detractors?: number;
}

export interface LifecycleReason {
  rule: string;
  limit?: number;
  trend?: number | null;
  ageDays: number;
  recencyDays: number;
  last90: number;
  prev90: number;
  pAlive: number;
}

export interface SegmentDto {
  accountId: string;
  code: string;
  name: string | null;
  tier: ServiceTier;
  ownerId: string | null;
  ownerName: string | null;
  rDays: number;
  frequency: number;
  monetary: number;
  rScore: number;
  fScore: number;
  mScore: number;
  rfmSegment: string;
  abcClass: 'A' | 'B' | 'C';
  expected90d: number;
  expected365d: number;
  pAlive: number;
  expectedAvgRevenue: number;
  clv12m: number;
  currentValue: number;
  valueQuadrant: ValueQuadrant;
  lifecycleStage: LifecycleStage;
  lifecycleReason: LifecycleReason;
  churnRisk: number;
  churnReasons: ChurnReason[];
  suggestedTier: ServiceTier;
}

export interface RunDto {
  id: string;
  kind: 'nightly' | 'manual';
  status: 'running' | 'succeeded' | 'failed';
  asOf: string;
  startedAt: string;
  finishedAt: string | null;
  progress: number;
  phase: string | null;
  error: string | null;
  errorCode: string | null;
  params: { bgNbd?: Record<string, number>; gammaGamma?: Record<string, number> } | null;
  diagnostics: Record<string, unknown> | null;
  counts: Record<string, number> | null;
}

export interface Overview {
  run: { id: string; asOf: string; finishedAt: string | null };
  abc: Record<string, number>;
  rfmGrid: { r: number; f: number; n: number }[];
  quadrants: Record<string, number>;
  funnel: { stage: LifecycleStage; accounts: number }[];
  pareto: { accounts: number; value: number }[];
  valueMatrix: {
    points: { accountId: string; currentValue: number; clv12m: number; valueQuadrant: ValueQuadrant }[];
    cuts?: { currentValueCut: number; clvCut: number };
    accounts: number;
  };
}

export interface SegmentFilters {
  abc?: string;
  rfm?: string;
  stage?: string;
  quadrant?: string;
  riskMin?: number;
}

const keys = {
  all: ['analytics'] as const,
  runs: ['analytics', 'runs'] as const,
  run: (id: string) => ['analytics', 'run', id] as const,
  overview: ['analytics', 'overview'] as const,
  segments: (params: object) => ['analytics', 'segments', params] as const,
  movements: (params: object) => ['analytics', 'movements', params] as const,
  account: (id: string) => ['analytics', 'account', id] as const,
  settings: ['analytics', 'settings'] as const,
};

export const useRuns = () =>
  useQuery({
    queryKey: keys.runs,
    queryFn: () => api<{ items: RunDto[] }>('GET', '/analytics/runs?limit=20'),
  });

export const useOverview = () =>
  useQuery({
    queryKey: keys.overview,
    queryFn: () => api<Overview>('GET', '/analytics/overview'),
    retry: false,
  });

export const useSegments = (filters: SegmentFilters, cursor: string | null) =>
  useQuery({
    queryKey: keys.segments({ ...filters, cursor }),
    queryFn: () =>
      api<{ items: SegmentDto[]; nextCursor: string | null; asOf: string }>(
        'GET',
        withQuery('/analytics/segments', { ...filters, limit: 50, cursor: cursor ?? undefined }),
      ),
    placeholderData: keepPreviousData,
    retry: false,
  });

export const useMovements = (from: string | undefined, by: string) =>
  useQuery({
    queryKey: keys.movements({ from, by }),
    queryFn: () =>
      api<{ cells: { from: string; to: string; accounts: number }[] }>(
        'GET',
        withQuery('/analytics/movements', { from, by }),
      ),
    enabled: !!from,
  });

export const useAccountSegments = (accountId: string) =>
  useQuery({
    queryKey: keys.account(accountId),
    queryFn: () =>
      api<{
        run: { id: string; asOf: string } | null;
        segment: SegmentDto | null;
        history: {
          runId: string;
          asOf: string;
          abcClass: string;
          rfmSegment: string;
          lifecycleStage: string;
        }[];
      }>('GET', `/analytics/accounts/${accountId}`),
  });

/** A run's progress, polled while it runs; when it ends every analytics view is read again. */
export function useRunProgress(id: string | null) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: keys.run(id ?? ''),
    enabled: !!id,
    queryFn: async () => {
      const run = await api<RunDto>('GET', `/analytics/runs/${id}`);
      if (run.status !== 'running') await qc.invalidateQueries({ queryKey: keys.all, refetchType: 'active' });
      return run;
    },
    refetchInterval: (q) => (q.state.data?.status === 'running' || !q.state.data ? 1000 : false),
  });
}

export function useStartRun() {
  return useMutation({ mutationFn: () => api<RunDto>('POST', '/analytics/runs') });
}

export const useAnalyticsSettings = () =>
  useQuery({
    queryKey: keys.settings,
    queryFn: () => api<{ version: number; settings: AnalyticsSettings }>('GET', '/analytics/settings'),
  });

export function useSaveAnalyticsSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; settings: AnalyticsSettings }) =>
      api<{ version: number; settings: AnalyticsSettings }>('PUT', '/analytics/settings', body),
    onSuccess: (data) => qc.setQueryData(keys.settings, data),
  });
}

export function useSetTier(accountId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; tier: ServiceTier; reason?: string }) =>
      api('POST', `/accounts/${accountId}/tier`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.accounts.detail(accountId) }),
  });
}

/** A retention task for the account's owner (or the caller), due in two days, with the risk's reasons. */
export function useCreateRetentionTask() {
  return useMutation({
    mutationFn: (body: { accountId: string; title: string; notes: string; assigneeId?: string }) =>
      api<{ id: string }>('POST', '/tasks', {
        kind: 'follow_up',
        ...body,
        dueAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
      }),
  });
}
