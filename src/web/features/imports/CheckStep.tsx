import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Flex, Row, Spin, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type ImportJob, type ImportMode, useDryRun } from './api';
import { FileIssues, IssueTable } from './IssueTable';

/** Step 3: the dry run — counts, every bad row with line, column and reason, then duplicate warnings. */
export function CheckStep({ job, mode }: { job: ImportJob; mode: ImportMode }) {
  const { t } = useTranslation();
  const dry = useDryRun(job, mode, true);
  if (dry.error) return <Alert type="error" showIcon title={dry.error.message} />;
  if (!dry.data) return <Spin style={{ display: 'block', margin: 48 }} />;
  const { issues } = dry.data;
  const counted = dry.data.job;
  if (counted.fileIssues.length > 0)
    return <FileIssues issues={counted.fileIssues} title={t('imports.check.fileProblems')} />;
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Paragraph style={{ margin: 0 }}>
          {t('imports.check.intro')}{' '}
          {t('imports.check.checkedAs', { mode: t(`imports.modes.${mode}.title`) })}
        </Typography.Paragraph>
        <Button icon={<ReloadOutlined />} loading={dry.isFetching} onClick={() => void dry.refetch()}>
          {t('imports.check.again')}
        </Button>
      </Flex>
      <Row gutter={16} style={{ margin: '16px 0' }} data-testid="check-counts">
        <Col span={6}>
          <Statistic title={t('imports.check.total')} value={counted.counts.total} />
        </Col>
        <Col span={6}>
          <Statistic title={t('imports.check.valid')} value={counted.counts.valid} />
        </Col>
        <Col span={6}>
          <Statistic
            title={t('imports.check.bad')}
            value={counted.counts.bad}
            styles={{ content: counted.counts.bad > 0 ? { color: '#cf1322' } : undefined }}
          />
        </Col>
        <Col span={6}>
          <Statistic title={t('imports.check.warnings')} value={warnings.length} />
        </Col>
      </Row>
      {counted.issueCount > issues.length && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('imports.check.shown', { shown: issues.length, count: counted.issueCount })}
        />
      )}
      <Typography.Title level={5}>{t('imports.check.badRows')}</Typography.Title>
      {errors.length === 0 ? (
        <Typography.Paragraph type="success">{t('imports.check.noErrors')}</Typography.Paragraph>
      ) : (
        <IssueTable issues={errors} testId="bad-rows" />
      )}
      {warnings.length > 0 && (
        <>
          <Typography.Title level={5}>{t('imports.check.duplicates')}</Typography.Title>
          <IssueTable issues={warnings} testId="warnings" />
        </>
      )}
    </>
  );
}
