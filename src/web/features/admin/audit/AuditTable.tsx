import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditAction, AuditEntryDto } from '../../../api/types';
import { useFormatDateTime } from '../../../components/format';
import { ChangesDiff } from './ChangesDiff';

const ACTION_COLOR: Record<AuditAction, string> = { create: 'green', update: 'blue', delete: 'red' };

/** Audit entries with their diffs expandable; `compact` drops the record columns for one record's history. */
export function AuditTable({
  items,
  loading,
  compact = false,
}: {
  items: AuditEntryDto[] | undefined;
  loading: boolean;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  return (
    <Table<AuditEntryDto>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={items}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('audit.empty') }}
      expandable={{
        expandedRowRender: (e) => <ChangesDiff changes={e.changes} />,
        defaultExpandAllRows: compact,
      }}
      columns={[
        { title: t('audit.at'), dataIndex: 'at', render: (v: string) => fmt(v) },
        {
          title: t('audit.actor'),
          key: 'actor',
          render: (_, e) => (
            <>
              <Tag>{t(`audit.actorKinds.${e.actorKind}`)}</Tag>
              {e.actorLabel ?? e.actorId ?? ''}
            </>
          ),
        },
        ...(compact
          ? []
          : [
              { title: t('audit.entity'), dataIndex: 'entity' },
              { title: t('audit.entityId'), dataIndex: 'entityId', ellipsis: true },
            ]),
        {
          title: t('audit.action'),
          dataIndex: 'action',
          render: (a: AuditAction) => <Tag color={ACTION_COLOR[a]}>{t(`audit.actions.${a}`)}</Tag>,
        },
        ...(compact
          ? []
          : [{ title: t('audit.ip'), dataIndex: 'ip', render: (ip: string | null) => ip ?? '—' }]),
      ]}
    />
  );
}
