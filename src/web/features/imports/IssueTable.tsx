import { Alert, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportIssue } from './api';

/** Row issues as the server reports them: line, column (the file's header), field and the reason. */
export function IssueTable({ issues, testId }: { issues: ImportIssue[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <Table<ImportIssue>
      data-testid={testId}
      size="small"
      rowKey={(i) => `${i.line}-${i.column}-${i.field}-${i.code}`}
      dataSource={issues}
      pagination={issues.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      columns={[
        { key: 'line', title: t('imports.issue.line'), dataIndex: 'line', width: 80 },
        { key: 'column', title: t('imports.issue.column'), dataIndex: 'column', render: (v) => v ?? '—' },
        { key: 'reason', title: t('imports.issue.reason'), dataIndex: 'message' },
      ]}
    />
  );
}

/** Problems of the whole file (encoding, delimiter, mapping): each message localised by the server. */
export function FileIssues({ issues, title }: { issues: ImportIssue[]; title: string }) {
  if (issues.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="file-issues"
      style={{ marginBottom: 16 }}
      title={title}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {issues.map((i) => (
            <li key={`${i.code}-${i.line}-${i.message}`}>{i.message}</li>
          ))}
        </ul>
      }
    />
  );
}
