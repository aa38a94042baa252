import type { Locale } from '../../shared/organization.js';
import type { Role } from '../../shared/permissions.js';

/** Who is acting, from where: passed from routes to services, written to the audit log. */
export interface Actor {
  kind: 'user' | 'api_key' | 'system';
  id: string | null;
  label: string;
  role: Role;
  /** For portal users: the customer account they belong to. */
  accountId: string | null;
  ip: string | null;
  requestId: string | null;
  locale: Locale;
}

export const systemActor = (label = 'system'): Actor => ({
  kind: 'system',
  id: null,
  label,
  role: 'admin',
  accountId: null,
  ip: null,
  requestId: null,
  locale: 'en-US',
});
