import { DEFAULT_ORGANIZATION_SETTINGS, type OrganizationSettings } from '../../../shared/organization.js';
import type { DbOrTx } from '../../db/client.js';
import { getOrganization } from './service.js';

/** The company's settings with defaults filled in (time zone, on-time rule, score weights, …). */
export async function companySettings(db: DbOrTx): Promise<OrganizationSettings> {
  const org = await getOrganization(db);
  return { ...DEFAULT_ORGANIZATION_SETTINGS, ...org?.settings };
}
