import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TransportMode } from '../../../shared/customers/labels';
import type { PartnerDto } from '../../../shared/partners';
import type { ShipmentStatus } from '../../../shared/shipments';
import { api, withQuery } from '../../api/client';
import type { Page } from '../../api/types';
import type { TimelineEvent } from './TrackingTimeline';

export interface ShipmentDto {
  id: string;
  waybill: string;
  accountId: string;
  carrierId: string | null;
  mode: TransportMode;
  origin: string;
  destination: string;
  status: ShipmentStatus;
  bookedAt: string;
  pickedUpAt: string | null;
  promisedAt: string | null;
  promisedDate: string | null;
  deliveredAt: string | null;
  pieces: number | null;
  weightKg: number | null;
  revenueCents: number | null;
  costCents: number | null;
  currency: string;
  version: number;
}

export interface ShipmentDetailDto extends ShipmentDto {
  events: (TimelineEvent & { id: string; source: string | null })[];
  exceptions: { id: string; kind: string; occurredAt: string | null; note: string | null }[];
}

/** The list's filters; they live in the URL so a dashboard number can link to them. */
export interface ShipmentFilters {
  status?: ShipmentStatus;
  mode?: TransportMode;
  carrierId?: string;
  accountId?: string;
  origin?: string;
  destination?: string;
  waybill?: string;
  from?: string;
  to?: string;
  dateField?: 'booked' | 'delivered';
  outcome?: 'late' | 'onTime' | 'cargoIssue';
  rule?: 'timestamp' | 'date';
}

export const FILTER_KEYS = [
  'status',
  'mode',
  'carrierId',
  'accountId',
  'origin',
  'destination',
  'waybill',
  'from',
  'to',
  'dateField',
  'outcome',
  'rule',
] as const satisfies readonly (keyof ShipmentFilters)[];

export const SHIPMENTS_PAGE_SIZE = 50;

export function useShipments(filters: ShipmentFilters, cursor: string | null) {
  return useQuery({
    queryKey: ['shipments', 'list', filters, cursor],
    queryFn: () =>
      api<Page<ShipmentDto>>(
        'GET',
        withQuery('/shipments', { limit: SHIPMENTS_PAGE_SIZE, ...filters, cursor }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useShipment(id: string) {
  return useQuery({
    queryKey: ['shipments', 'detail', id],
    queryFn: () => api<ShipmentDetailDto>('GET', `/shipments/${encodeURIComponent(id)}`),
  });
}

/** Carriers for pickers and names (a company has tens of them, not thousands). */
export function useCarriers(enabled = true) {
  return useQuery({
    queryKey: ['partners', 'carriers'],
    queryFn: () => api<Page<PartnerDto>>('GET', withQuery('/partners', { kind: 'carrier', limit: 200 })),
    staleTime: 60_000,
    enabled,
  });
}

interface AccountRef {
  id: string;
  code: string;
  nameZh: string | null;
  nameEn: string | null;
}

export function useAccountSearch(q: string, enabled = true) {
  return useQuery({
    queryKey: ['shipments', 'account-search', q],
    queryFn: () => api<Page<AccountRef>>('GET', withQuery('/accounts', { q, limit: 20 })),
    enabled,
    staleTime: 30_000,
  });
}

export function useAccountRef(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['shipments', 'account-ref', id],
    queryFn: async () =>
      (await api<{ account: AccountRef }>('GET', `/accounts/${encodeURIComponent(id ?? '')}`)).account,
    enabled: enabled && !!id,
    staleTime: 300_000,
    retry: false,
  });
}

export const accountLabel = (a: AccountRef, zh: boolean) =>
  `${a.code} ${(zh ? (a.nameZh ?? a.nameEn) : (a.nameEn ?? a.nameZh)) ?? ''}`.trim();
