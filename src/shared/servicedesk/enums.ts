/** The service desk's vocabularies (DOMAIN.md §2), shared by server, web and API schemas. */
export const TICKET_KINDS = ['complaint', 'inquiry', 'claim', 'suggestion'] as const;
export const TICKET_CATEGORIES = [
  'delay',
  'damage',
  'loss',
  'wrong_delivery',
  'billing',
  'service_attitude',
  'tracking_information',
  'other',
] as const;
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const TICKET_STATUSES = [
  'new',
  'acknowledged',
  'investigating',
  'resolved',
  'closed',
  'reopened',
] as const;
export const CHANNELS = [
  'phone',
  'email',
  'sms',
  'wechat',
  'visit',
  'meeting',
  'chat',
  'portal',
  'api',
] as const;
export const DIRECTIONS = ['inbound', 'outbound'] as const;
export const TIERS = ['strategic', 'key', 'general'] as const;
export const TASK_KINDS = ['follow_up', 'return_visit'] as const;
export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;

export type TicketKind = (typeof TICKET_KINDS)[number];
export type TicketCategory = (typeof TICKET_CATEGORIES)[number];
export type Severity = (typeof SEVERITIES)[number];
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export type Channel = (typeof CHANNELS)[number];

/**
 * Allowed status transitions. Closing needs an assignee and a resolution (checked by the service);
 * a closed ticket reopens only within the reopen window.
 */
export const TICKET_TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['acknowledged', 'investigating', 'resolved', 'closed'],
  acknowledged: ['investigating', 'resolved', 'closed'],
  investigating: ['acknowledged', 'resolved', 'closed'],
  resolved: ['investigating', 'closed', 'reopened'],
  closed: ['reopened'],
  reopened: ['acknowledged', 'investigating', 'resolved', 'closed'],
};

export const OPEN_STATUSES: readonly TicketStatus[] = ['new', 'acknowledged', 'investigating', 'reopened'];
/** Days after closing during which the customer may reopen a ticket. */
export const REOPEN_WINDOW_DAYS = 14;
