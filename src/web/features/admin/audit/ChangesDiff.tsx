import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntryDto } from '../../../api/types';

const show = (v: unknown) =>
  v === undefined || v === null ? (
    <Typography.Text type="secondary">—</Typography.Text>
  ) : (
    <code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
      {typeof v === 'string' ? v : JSON.stringify(v, null, 1)}
    </code>
  );

/** Field-by-field before/after of one audit entry; removed values in red, added in green. */
export function ChangesDiff({ changes }: { changes: AuditEntryDto['changes'] }) {
  const { t } = useTranslation();
  const rows = Object.entries(changes).map(([field, c]) => ({ field, ...c }));
  if (!rows.length) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  return (
    <Table
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={rows}
      data-testid="audit-diff"
      columns={[
        {
          title: t('audit.field'),
          dataIndex: 'field',
          width: 180,
          render: (f: string) => <strong>{f}</strong>,
        },
        {
          title: t('audit.before'),
          dataIndex: 'before',
          onCell: () => ({ style: { background: '#fff1f0' } }),
          render: show,
        },
        {
          title: t('audit.after'),
          dataIndex: 'after',
          onCell: () => ({ style: { background: '#f6ffed' } }),
          render: show,
        },
      ]}
    />
  );
}
