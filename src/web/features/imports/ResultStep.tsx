import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Result, Row, Statistic } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { downloadReport, type ImportJob } from './api';
import type { ImportEntity } from './entities';
import { FileIssues } from './IssueTable';

const COUNTS = ['total', 'created', 'updated', 'unchanged', 'skipped', 'bad'] as const;

/** Step 5: what the import did, kept on the server, with the error report to download. */
export function ResultStep({ job, entity }: { job: ImportJob; entity: ImportEntity }) {
  const { t } = useTranslation();
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const done = job.status === 'done';
  const hasReport = job.issueCount > 0 || job.fileIssues.length > 0;
  return (
    <Result
      data-testid="import-result"
      status={done ? 'success' : 'error'}
      title={done ? t('imports.result.done') : t('imports.result.failed')}
      subTitle={job.failure?.message}
      extra={[
        hasReport && (
          <Button
            key="report"
            icon={<DownloadOutlined />}
            data-testid="import-report"
            onClick={() =>
              downloadReport(job).then(
                () => setDownloadError(null),
                (e: Error) => setDownloadError(e.message),
              )
            }
          >
            {t('imports.result.report')}
          </Button>
        ),
        done && (
          <Link key="records" to={entity.recordsPath}>
            <Button type="primary">{t('imports.result.openAccounts')}</Button>
          </Link>
        ),
        <Link key="again" to={`/imports/new/${entity.kind}`}>
          <Button>{t('imports.result.again')}</Button>
        </Link>,
      ]}
    >
      <Row gutter={16} data-testid="result-counts">
        {COUNTS.map((c) => (
          <Col key={c} xs={8} md={4}>
            <Statistic title={t(`imports.result.counts.${c}`)} value={job.counts[c]} />
          </Col>
        ))}
      </Row>
      <div style={{ marginTop: 16 }}>
        <FileIssues issues={job.fileIssues} title={t('imports.check.fileProblems')} />
        {downloadError && <Alert type="error" showIcon title={downloadError} />}
      </div>
    </Result>
  );
}
