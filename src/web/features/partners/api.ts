import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PartnerChildKind, PartnerDto, PartnerKind, ScoreWeights } from '../../../shared/partners';
import { api, withQuery } from '../../api/client';
import type { Page } from '../../api/types';

export interface EvaluationDto {
  id: string;
  periodKind: 'month' | 'quarter';
  periodStart: string;
  periodEnd: string;
  deliveredShipments: number;
  onTimeRate: number | null;
  intactRate: number | null;
  serviceRating: number;
  priceRating: number;
  weights: { onTime: number; intact: number; satisfaction: number; price: number };
  score: number;
  grade: string;
  exitWarning: boolean;
  evaluatedAt: string;
}

export function usePartners(params: { kind?: PartnerKind; q?: string; cursor: string | null }) {
  return useQuery({
    queryKey: ['partners', 'list', params],
    queryFn: () => api<Page<PartnerDto>>('GET', withQuery('/partners', { limit: 50, ...params })),
    placeholderData: keepPreviousData,
  });
}

export type ExpiryState = 'valid' | 'expiring' | 'expired';
/** A qualification, contact or contract of a partner, as the API returns it. */
export type PartnerChild = Record<string, unknown> & { id: string; version: number };
export interface PartnerDetail extends PartnerDto {
  qualifications: (PartnerChild & { expiryState: ExpiryState })[];
  contacts: PartnerChild[];
  contracts: PartnerChild[];
}

export function usePartner(id: string) {
  return useQuery({
    queryKey: ['partners', 'detail', id],
    queryFn: () => api<PartnerDetail>('GET', `/partners/${encodeURIComponent(id)}`),
  });
}

/** Qualifications expired or expiring within 30 days, for the list's warnings. */
export function useExpiringQualifications() {
  return useQuery({
    queryKey: ['partners', 'expiring'],
    queryFn: () =>
      api<{ items: { partnerId: string; expiryState: ExpiryState }[] }>(
        'GET',
        '/partners/qualifications/expiring',
      ),
  });
}

function useInvalidatePartners() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['partners'] });
}

export function useSavePartner() {
  const invalidate = useInvalidatePartners();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: Record<string, unknown> }) =>
      id
        ? api<PartnerDto>('PATCH', `/partners/${encodeURIComponent(id)}`, body)
        : api<PartnerDto>('POST', '/partners', body),
    onSettled: invalidate,
  });
}

export function useSavePartnerChild(partnerId: string, kind: PartnerChildKind) {
  const invalidate = useInvalidatePartners();
  const base = `/partners/${encodeURIComponent(partnerId)}/${kind}`;
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: Record<string, unknown> }) =>
      id ? api('PATCH', `${base}/${encodeURIComponent(id)}`, body) : api('POST', base, body),
    onSettled: invalidate,
  });
}

export function useRemovePartnerChild(partnerId: string, kind: PartnerChildKind) {
  const invalidate = useInvalidatePartners();
  return useMutation({
    mutationFn: (id: string) =>
      api('DELETE', `/partners/${encodeURIComponent(partnerId)}/${kind}/${encodeURIComponent(id)}`),
    onSettled: invalidate,
  });
}

export function useEvaluatePartner(partnerId: string) {
  const invalidate = useInvalidatePartners();
  return useMutation({
    mutationFn: (body: {
      periodKind: 'month' | 'quarter';
      periodStart: string;
      serviceRating: number;
      priceRating: number;
      weights?: ScoreWeights;
    }) => api<EvaluationDto>('POST', `/partners/${encodeURIComponent(partnerId)}/evaluations`, body),
    onSettled: invalidate,
  });
}

export function useEvaluations(id: string) {
  return useQuery({
    queryKey: ['partners', 'evaluations', id],
    queryFn: () => api<{ items: EvaluationDto[] }>('GET', `/partners/${encodeURIComponent(id)}/evaluations`),
  });
}

export const GRADE_COLOR: Record<string, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };
