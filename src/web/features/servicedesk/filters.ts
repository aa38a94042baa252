import type { Severity, TicketCategory, TicketKind, TicketStatus } from '../../../shared/servicedesk/enums';

/** The ticket list's filters; they live in the URL (links, back button) and in saved views. */
export interface TicketFilters {
  q?: string;
  status?: TicketStatus;
  open?: 'true' | 'false';
  kind?: TicketKind;
  category?: TicketCategory;
  severity?: Severity;
  accountId?: string;
  assigneeId?: string;
  teamId?: string;
  shipmentId?: string;
  breached?: 'true' | 'false';
}

export const TICKET_FILTER_KEYS = [
  'q',
  'status',
  'open',
  'kind',
  'category',
  'severity',
  'accountId',
  'assigneeId',
  'teamId',
  'shipmentId',
  'breached',
] as const satisfies readonly (keyof TicketFilters)[];

/** Only the known keys with a non-empty string value: what the URL and a saved view hold. */
export function readTicketFilters(get: (key: string) => unknown): TicketFilters {
  const f: Record<string, string> = {};
  for (const k of TICKET_FILTER_KEYS) {
    const v = get(k);
    if (typeof v === 'string' && v) f[k] = v;
  }
  return f as TicketFilters;
}
