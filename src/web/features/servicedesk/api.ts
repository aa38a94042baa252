import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { TicketCategory } from '../../../shared/servicedesk/enums';
import type {
  createTicketBodySchema,
  TicketDto,
  ticketEventDtoSchema,
  transitionBodySchema,
  updateTicketBodySchema,
} from '../../../shared/servicedesk/ticketSchemas';
import { api, withQuery } from '../../api/client';
import type { Page } from '../../api/types';
import type { TicketFilters } from './filters';

export type { TicketDto };
export type TicketEvent = z.output<typeof ticketEventDtoSchema>;
export type NewTicketBody = z.input<typeof createTicketBodySchema>;

const keys = {
  all: ['tickets'] as const,
  list: (f: object, cursor: string | null) => ['tickets', 'list', f, cursor] as const,
  detail: (id: string) => ['tickets', 'detail', id] as const,
  events: (id: string) => ['tickets', 'detail', id, 'events'] as const,
  kpis: ['tickets', 'kpis'] as const,
  teams: ['service-desk', 'teams'] as const,
  assignees: ['service-desk', 'assignees'] as const,
};

export const TICKETS_PAGE_SIZE = 50;

export function useTickets(filters: TicketFilters, cursor: string | null) {
  return useQuery({
    queryKey: keys.list(filters, cursor),
    queryFn: () =>
      api<Page<TicketDto>>('GET', withQuery('/tickets', { limit: TICKETS_PAGE_SIZE, ...filters, cursor })),
    placeholderData: keepPreviousData,
  });
}

/** One ticket; refetched every minute so the live SLA clocks stay in step with the server. */
export function useTicket(id: string) {
  return useQuery({
    queryKey: keys.detail(id),
    queryFn: () => api<TicketDto>('GET', `/tickets/${encodeURIComponent(id)}`),
    refetchInterval: 60_000,
  });
}

export function useTicketEvents(id: string) {
  return useQuery({
    queryKey: keys.events(id),
    queryFn: () => api<{ items: TicketEvent[] }>('GET', `/tickets/${encodeURIComponent(id)}/events`),
    refetchInterval: 60_000,
  });
}

export interface TeamDto {
  id: string;
  name: string;
  calendarId: string;
  leadId: string | null;
  managerId: string | null;
  memberIds: string[];
  version: number;
}

export function useTeams() {
  return useQuery({
    queryKey: keys.teams,
    queryFn: () => api<{ items: TeamDto[] }>('GET', '/teams'),
    staleTime: 300_000,
  });
}

/** Whom the signed-in user may give a ticket to (a manager: anyone on the desk; else their teams). */
export function useAssignees(enabled: boolean) {
  return useQuery({
    queryKey: keys.assignees,
    queryFn: () =>
      api<{ items: { id: string; name: string; role: string }[] }>('GET', '/service-desk/assignees'),
    enabled,
    staleTime: 60_000,
  });
}

/** After any write: the ticket, its events and every list show the new state. */
function useTicketWrite<V>(fn: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => qc.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useOpenTicket() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NewTicketBody) => api<TicketDto>('POST', '/tickets', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }),
  });
}

export const useReply = (id: string) =>
  useTicketWrite((b: { body: string; internal: boolean; awaitingCustomer: boolean }) =>
    api('POST', `/tickets/${id}/replies`, b),
  );

export const useCustomerMessage = (id: string) =>
  useTicketWrite((b: { body: string }) => api('POST', `/tickets/${id}/customer-messages`, b));

export const useTransition = (id: string) =>
  useTicketWrite((b: z.input<typeof transitionBodySchema>) => api('POST', `/tickets/${id}/status`, b));

export const useUpdateTicket = (id: string) =>
  useTicketWrite((b: z.input<typeof updateTicketBodySchema>) => api('PUT', `/tickets/${id}`, b));

export const useCompensation = (id: string) =>
  useTicketWrite((b: { version: number; amountCents: number }) =>
    api('POST', `/tickets/${id}/compensation`, b),
  );

export const useConfirmation = (id: string) =>
  useTicketWrite((b: { version: number; accepted: boolean; note?: string }) =>
    api('POST', `/tickets/${id}/confirmation`, b),
  );

export interface ServiceDeskKpis {
  period: { from: string; to: string };
  open: { total: number; byStatus: Record<string, number>; byAge: Record<string, number> };
  firstResponseMinutes: { median: number | null; p90: number | null };
  resolutionMinutes: { median: number | null; p90: number | null };
  slaCompliance: { closed: number; met: number; rate: number | null };
  complaints: {
    shipments: number | null;
    byCategory: { category: TicketCategory; complaints: number; per1000Shipments: number | null }[];
  };
  pareto: { cause: string; count: number; cumulativeShare: number }[];
  agents: { agentId: string; name: string; open: number; breachedOpen: number; resolved: number }[];
}

export function useServiceDeskKpis() {
  return useQuery({
    queryKey: keys.kpis,
    queryFn: () => api<ServiceDeskKpis>('GET', '/service-desk/kpis'),
  });
}
