import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CustomerVocabulary } from '../../../../../shared/customers/labels';
import { useFormatDateTime } from '../../../../components/format';
import { useCan } from '../../../auth/api';
import { useOwnerOptions } from '../../api';
import { type TransportNeedsLike, useVocabulary } from '../../vocabulary';

const VOCABULARY_FIELDS: Record<string, CustomerVocabulary> = {
  status: 'status',
  tier: 'tier',
  lifecycleStage: 'lifecycleStage',
  industry: 'industry',
  size: 'size',
  source: 'source',
  preferredChannel: 'preferredChannel',
};

/** Bookkeeping and derived columns an audit entry may carry but a person did not change. */
export const HIDDEN_FIELDS = new Set([
  'id',
  'accountId',
  'createdBy',
  'searchText',
  'normalizedNames',
  'mergedFrom',
]);

/** Field labels and value formatting for audit changes of accounts and contacts. */
export function useChangeFormat() {
  const { t } = useTranslation();
  const { label, transportNeeds } = useVocabulary();
  const fmt = useFormatDateTime();
  const can = useCan();
  const owners = useOwnerOptions(can('users.read'));
  const accountFields: Record<string, string> = t('accounts.fields', { returnObjects: true });
  const contactFields: Record<string, string> = t('accounts.contactFields', { returnObjects: true });

  const fieldLabel = (entity: string, field: string) =>
    (entity === 'contact' ? contactFields[field] : undefined) ?? accountFields[field] ?? field;

  const value = (field: string, v: unknown): ReactNode => {
    if (v === null || v === undefined || v === '') return t('common.none');
    if (VOCABULARY_FIELDS[field]) return label(VOCABULARY_FIELDS[field], String(v));
    switch (field) {
      case 'tags':
        return Array.isArray(v) && v.length ? v.join(', ') : t('common.none');
      case 'transportNeeds':
        return transportNeeds(v as TransportNeedsLike);
      case 'archivedAt':
        return fmt(String(v));
      case 'ownerId':
        return owners.data?.items.find((u) => u.id === v)?.name ?? String(v).slice(0, 8);
      case 'mergedIntoId':
        return <Link to={`/accounts/${v}`}>{String(v).slice(0, 8)}</Link>;
      case 'isPrimary':
      case 'portalAccess':
        return v ? t('common.yes') : t('common.no');
      default:
        return typeof v === 'object' ? JSON.stringify(v) : String(v);
    }
  };
  return { fieldLabel, value };
}
