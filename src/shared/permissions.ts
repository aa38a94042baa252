/**
 * The one permission matrix. Every API route names one permission (or is public); the server checks
 * it before the handler runs and the role × route test is generated from this table.
 * Ownership rules (a sales rep edits only the accounts they own) live in the services.
 */
export const ROLES = ['admin', 'manager', 'sales', 'service', 'analyst', 'portal'] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES = [
  'admin',
  'manager',
  'sales',
  'service',
  'analyst',
] as const satisfies readonly Role[];

const staff = STAFF_ROLES;
const everyone = ROLES;

export const PERMISSIONS = {
  /** Own session, profile, password, preferences. */
  profile: everyone,
  'org.read': staff,
  'org.manage': ['admin'],
  'users.read': ['admin', 'manager'],
  'users.manage': ['admin'],
  'apikeys.manage': ['admin'],
  /** Global audit search. */
  'audit.search': ['admin'],
  /** The history of one record, for those who may read that record (checked by the service). */
  'audit.record': staff,
  'accounts.read': staff,
  /** Create and edit accounts; a sales rep only those they own (checked by the service). */
  'accounts.write': ['admin', 'manager', 'sales'],
  /** Give an account to another owner. */
  'accounts.assign': ['admin', 'manager'],
  /** Contacts of an account: sales reps of their own accounts, and the service desk. */
  'contacts.write': ['admin', 'manager', 'sales', 'service'],
  'accounts.import': ['admin', 'manager'],
  'accounts.export': ['admin', 'manager', 'analyst'],
  'accounts.merge': ['admin', 'manager'],
  /** Accept the suggested service tier of an account or override it with a reason. */
  'accounts.tier': ['admin', 'manager'],
  'shipments.read': staff,
  /** Shipment and tracking writes: people and API keys (TMS/WMS integrations) of these roles. */
  'shipments.write': ['admin', 'manager', 'service'],
  /** Import shipment files. The import job routes are checked with accounts.import: keep the roles equal. */
  'shipments.import': ['admin', 'manager'],
  'partners.read': staff,
  'partners.manage': ['admin', 'manager'],
  /** Service desk: read tickets, dashboards and SLA clocks. */
  'tickets.read': staff,
  /** Open, reply to, move and resolve tickets. */
  'tickets.write': ['admin', 'manager', 'service', 'sales'],
  /** Approve compensation above declared value, set dedicated agents, edit teams. */
  'tickets.manage': ['admin', 'manager'],
  /** Business calendars, holidays and SLA policies. */
  'sla.manage': ['admin'],
  /** Knowledge-base articles: every staff member reads the published ones. */
  'knowledge.read': staff,
  /** Write, publish and see drafts of knowledge-base articles. */
  'knowledge.write': ['admin', 'manager', 'service'],
  'interactions.write': ['admin', 'manager', 'sales', 'service'],
  'tasks.write': ['admin', 'manager', 'sales', 'service'],
  /** Own notifications (bell) and notification preferences. */
  notifications: staff,
  /** Survey results, templates and invitations (read). */
  'surveys.read': staff,
  /** Send surveys to accounts and hand out survey links (integrations, loaders). */
  'surveys.send': ['admin', 'manager', 'sales', 'service'],
  /** Edit survey templates and dispatch rules. */
  'surveys.manage': ['admin', 'manager'],
  /** The mail/SMS outbox and its dead letters. */
  'outbox.read': ['admin'],
  /** Segments, lifetime value, churn risk and lifecycle of the latest analytics runs. */
  'analytics.read': staff,
  /** Start an analytics run on demand. */
  'analytics.run': ['admin', 'manager'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(role, p));
}
