import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TimelineItem } from '../../api';
import { HIDDEN_FIELDS, useChangeFormat } from './useChangeFormat';

interface AuditData {
  entity: string;
  action: 'create' | 'update' | 'delete';
  changes: Record<string, { before: unknown; after: unknown }>;
}

/** "张伟 changed the account" with one line per field: label, before → after. */
export function AuditEntry({ item }: { item: TimelineItem }) {
  const { t } = useTranslation();
  const { fieldLabel, value } = useChangeFormat();
  const data = item.data as unknown as AuditData;
  const changes = data.changes ?? {};
  const contactName = changes.name?.after ?? changes.name?.before;
  const entity =
    data.entity === 'account'
      ? t('accounts.timeline.entity.account')
      : data.entity === 'contact'
        ? t('accounts.timeline.entity.contact', { name: contactName ?? '' })
        : t('accounts.timeline.entity.other');
  const merged = changes.mergedFrom?.after as { code?: string } | undefined;
  const actions = ['create', 'update', 'delete'] as const;
  const action = actions.find((a) => a === data.action);
  const headline = merged
    ? t('accounts.timeline.action.merged', { code: merged.code ?? '' })
    : action
      ? t(`accounts.timeline.action.${action}`, { entity })
      : t('accounts.timeline.action.other', { kind: item.kind });
  // A creation lists everything; the headline says enough. Updates show what changed.
  const rows =
    data.action === 'update' ? Object.entries(changes).filter(([field]) => !HIDDEN_FIELDS.has(field)) : [];
  return (
    <div data-testid="timeline-audit">
      <Typography.Text strong>{item.actorLabel ?? t('accounts.timeline.someone')}</Typography.Text> {headline}
      {rows.length > 0 && (
        <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
          {rows.map(([field, c]) => (
            <li key={field}>
              <Typography.Text type="secondary">{fieldLabel(data.entity, field)}:</Typography.Text>{' '}
              <Typography.Text delete type="secondary">
                {value(field, c.before)}
              </Typography.Text>{' '}
              → <Typography.Text>{value(field, c.after)}</Typography.Text>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
