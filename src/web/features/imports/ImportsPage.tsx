import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { LoadError } from '../../components/ErrorPages';
import { useFormatDateTime } from '../../components/format';
import { Pager } from '../../components/Pager';
import { useCursorPager } from '../../components/useCursorPager';
import { useCan } from '../auth/api';
import { downloadReport, type ImportJob, type ImportStatus, useImportJobs } from './api';
import { IMPORT_ENTITIES } from './entities';

const STATUS_COLOR: Record<ImportStatus, string> = {
  uploaded: 'default',
  validated: 'blue',
  running: 'processing',
  done: 'success',
  failed: 'error',
};

/** Past imports of the signed-in user, newest first, each with its result and error report. */
export default function ImportsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const fmt = useFormatDateTime();
  const navigate = useNavigate();
  const pager = useCursorPager();
  const query = useImportJobs(pager.cursor);

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('imports.title')}
        </Typography.Title>
        <Flex gap={8}>
          {Object.values(IMPORT_ENTITIES)
            .filter((e) => can(e.permission))
            .map((e) => (
              <Link key={e.kind} to={`/imports/new/${e.kind}`}>
                <Button type="primary" icon={<UploadOutlined />} data-testid={`import-new-${e.kind}`}>
                  {t(`imports.heading.${e.kind}`)}
                </Button>
              </Link>
            ))}
        </Flex>
      </Flex>
      {query.error ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<ImportJob>
          data-testid="imports-table"
          rowKey="id"
          loading={query.isFetching}
          dataSource={query.data?.items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('imports.list.empty') }}
          onRow={(j) => ({ onClick: () => navigate(`/imports/${j.id}`), style: { cursor: 'pointer' } })}
          columns={[
            {
              key: 'file',
              title: t('imports.list.file'),
              render: (_, j) => <Link to={`/imports/${j.id}`}>{j.fileName}</Link>,
            },
            { key: 'kind', title: t('imports.list.kind'), render: (_, j) => t(`imports.kinds.${j.kind}`) },
            { key: 'createdAt', title: t('imports.list.createdAt'), render: (_, j) => fmt(j.createdAt) },
            {
              key: 'status',
              title: t('imports.list.status'),
              render: (_, j) => <Tag color={STATUS_COLOR[j.status]}>{t(`imports.status.${j.status}`)}</Tag>,
            },
            {
              key: 'mode',
              title: t('imports.list.mode'),
              render: (_, j) => (j.mode ? t(`imports.modes.${j.mode}.title`) : t('common.none')),
            },
            {
              key: 'counts',
              title: t('imports.list.counts'),
              render: (_, j) => (
                <>
                  {j.status === 'done' && <div>{t('imports.list.countsText', { ...j.counts })}</div>}
                  {j.counts.bad > 0 && (
                    <div>
                      <Typography.Text type="danger">
                        {t('imports.list.badText', { ...j.counts })}
                      </Typography.Text>
                    </div>
                  )}
                  {j.failure && (
                    <Typography.Text
                      type="secondary"
                      ellipsis={{ tooltip: j.failure.message }}
                      style={{ display: 'block', maxWidth: 360 }}
                    >
                      {j.failure.message}
                    </Typography.Text>
                  )}
                </>
              ),
            },
            {
              key: 'report',
              title: t('imports.list.report'),
              render: (_, j) =>
                (j.issueCount > 0 || j.fileIssues.length > 0) && (
                  <Button
                    size="small"
                    icon={<DownloadOutlined />}
                    onClick={(e) => {
                      e.stopPropagation();
                      downloadReport(j).catch((err: Error) => void message.error(err.message));
                    }}
                  >
                    {t('imports.list.report')}
                  </Button>
                ),
            },
          ]}
        />
      )}
      <Pager pager={pager} nextCursor={query.data?.nextCursor} loading={query.isFetching} />
    </>
  );
}
