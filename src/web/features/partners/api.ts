import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PartnerDto, PartnerKind } from '../../../shared/partners';
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

export function usePartner(id: string) {
  return useQuery({
    queryKey: ['partners', 'detail', id],
    queryFn: () => api<PartnerDto>('GET', `/partners/${encodeURIComponent(id)}`),
  });
}

export function useEvaluations(id: string) {
  return useQuery({
    queryKey: ['partners', 'evaluations', id],
    queryFn: () => api<{ items: EvaluationDto[] }>('GET', `/partners/${encodeURIComponent(id)}/evaluations`),
  });
}

export const GRADE_COLOR: Record<string, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };
