import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client';

export type SurveyCut = 'overall' | 'account' | 'tier' | 'carrier' | 'lane' | 'mode' | 'punctuality';
export type WeightMethod = 'equal' | 'configured' | 'importance' | 'regression';
export type Dimension = 'service_attitude' | 'delivery_speed' | 'cargo_safety' | 'price' | 'information';

interface Figures {
  csi: number | null;
  nps: number | null;
  overallMean: number | null;
}

export interface SurveyResults {
  from: string;
  to: string;
  weights: { method: WeightMethod; used: WeightMethod; values: Partial<Record<Dimension, number>> };
  responses: number;
  invited: number;
  responseRate: number | null;
  csi: number | null;
  overall: { mean: number | null; responses: number };
  dimensions: {
    dimension: Dimension;
    mean: number | null;
    responses: number;
    score: number | null;
    weight: number;
    statedImportance: number | null;
  }[];
  nps: {
    responses: number;
    promoters: number;
    passives: number;
    detractors: number;
    nps: number | null;
    distribution: number[];
  };
  followUps: {
    lowScores: number;
    followedUp: number;
    share: number | null;
    outcomes: Record<FollowUpOutcome, number>;
  };
  trend: ({ month: string; responses: number } & Figures)[];
  groups: ({
    key: string;
    label: string | null;
    responses: number;
    invited: number;
    responseRate: number | null;
  } & Figures)[];
}

export const FOLLOW_UP_OUTCOMES = ['contacted', 'resolved', 'no_answer'] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];

export interface SurveyResultsParams {
  from: string;
  to: string;
  cut?: SurveyCut;
  weights?: WeightMethod;
  accountId?: string;
}

export function useSurveyResults(params: SurveyResultsParams) {
  return useQuery({
    queryKey: ['surveys', 'results', params],
    queryFn: () => api<SurveyResults>('GET', withQuery('/surveys/results', { ...params })),
    placeholderData: keepPreviousData,
  });
}

export const one = (v: number | null | undefined, digits = 1) =>
  v === null || v === undefined ? '—' : v.toFixed(digits);

export interface AccountSurveyDto {
  id: string;
  trigger: 'delivery' | 'ticket' | 'periodic' | 'manual' | 'link';
  channel: string;
  recipient: string | null;
  sentAt: string;
  expiresAt: string;
  submittedAt: string | null;
  waybill: string | null;
  followUpTaskId: string | null;
  followUpOutcome: FollowUpOutcome | null;
  followUpNote: string | null;
  followUpRecordedAt: string | null;
  nps: number | null;
  meanRating: number | null;
  comment: string | null;
}

export function useAccountSurveys(accountId: string) {
  return useQuery({
    queryKey: ['surveys', 'account', accountId],
    queryFn: () => api<{ items: AccountSurveyDto[] }>('GET', `/accounts/${accountId}/surveys`),
  });
}

/** Records what came of a low score's follow-up. */
export function useRecordFollowUp() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...b }: { id: string; outcome: FollowUpOutcome; note: string }) =>
      api('PUT', `/survey-responses/${id}/follow-up`, b),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['surveys'] }),
  });
}

export interface SurveySettings {
  linkDays: number;
  afterDelivery: {
    enabled: boolean;
    samplingPercent: { strategic: number; key: number; general: number };
    periodDays: number;
  };
  afterTicket: { enabled: boolean };
  periodic: { enabled: boolean; everyMonths: { strategic: number; key: number; general: number } };
  reminder: { enabled: boolean; afterDays: number };
  followUp: { onDetractor: boolean; dimensionAtMost: number; dueDays: number };
}

export function useSurveySettings() {
  return useQuery({
    queryKey: ['surveys', 'settings'],
    queryFn: () => api<{ version: number; settings: SurveySettings }>('GET', '/survey-settings'),
  });
}

export function useSaveSurveySettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: { version: number; settings: SurveySettings }) =>
      api<{ version: number; settings: SurveySettings }>('PUT', '/survey-settings', b),
    onSuccess: (saved) => qc.setQueryData(['surveys', 'settings'], saved),
  });
}

export interface SurveyQuestion {
  key: string;
  type: 'rating' | 'importance' | 'nps' | 'single' | 'multiple' | 'text';
  dimension?: Dimension | 'overall';
  textZh: string;
  textEn: string;
  required?: boolean;
  options?: { key: string; textZh: string; textEn: string }[];
}

export interface SurveyTemplate {
  id: string;
  familyId: string;
  revision: number;
  nameZh: string;
  nameEn: string;
  questions: SurveyQuestion[];
  csiWeights: Partial<Record<Dimension, number>>;
  isDefault: boolean;
  inUse: boolean;
  version: number;
}

export function useSurveyTemplates() {
  return useQuery({
    queryKey: ['surveys', 'templates'],
    queryFn: () => api<{ items: SurveyTemplate[] }>('GET', '/survey-templates'),
  });
}

export function useSaveTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...b }: Omit<SurveyTemplate, 'familyId' | 'revision' | 'isDefault' | 'inUse'>) =>
      api<SurveyTemplate>('PUT', `/survey-templates/${id}`, b),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['surveys', 'templates'] }),
  });
}

export type NpsGroup = 'promoter' | 'passive' | 'detractor';

export interface CommentsParams {
  from: string;
  to: string;
  npsGroup?: NpsGroup;
  lowDimension?: 'true';
  accountId?: string;
  tier?: 'strategic' | 'key' | 'general';
  q?: string;
  page: number;
  pageSize: number;
}

export interface SurveyComment {
  invitationId: string;
  questionKey: string;
  submittedAt: string;
  accountId: string;
  accountName: string;
  tier: string;
  waybill: string | null;
  text: string;
  nps: number | null;
  lowestRating: number | null;
}

/** Verbatim comments of a period, one server page at a time. */
export function useSurveyComments(params: CommentsParams) {
  return useQuery({
    queryKey: ['surveys', 'comments', params],
    queryFn: () =>
      api<{ total: number; items: SurveyComment[] }>('GET', withQuery('/surveys/comments', { ...params })),
    placeholderData: keepPreviousData,
  });
}
