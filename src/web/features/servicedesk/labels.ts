import type { Severity, TicketStatus } from '../../../shared/servicedesk/enums';

/** Tag colours of the service desk's vocabularies. */
export const TICKET_STATUS_COLOR: Record<TicketStatus, string> = {
  new: 'blue',
  acknowledged: 'cyan',
  investigating: 'processing',
  resolved: 'success',
  closed: 'default',
  reopened: 'warning',
};

export const SEVERITY_COLOR: Record<Severity, string> = {
  low: 'default',
  medium: 'gold',
  high: 'orange',
  critical: 'red',
};
