import { Alert, Button, Flex, Progress, Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { IMPORT_MODES, type ImportJob, type ImportMode, isEditable, useDryRun, useRunImport } from './api';

/** The dry run of the chosen mode in one line: how many rows would go in, and whether bad rows stop it. */
function ModeSummary({ dry, mode }: { dry: ReturnType<typeof useDryRun>; mode: ImportMode }) {
  const { t } = useTranslation();
  if (dry.error) return <Alert type="error" showIcon title={dry.error.message} />;
  if (!dry.data || dry.isFetching)
    return <Typography.Text type="secondary">{t('imports.run.checking')}</Typography.Text>;
  const checked = dry.data.job;
  if (checked.fileIssues.length > 0)
    return <Alert type="error" showIcon title={checked.fileIssues.map((i) => i.message).join(' ')} />;
  const { total, valid, bad } = checked.counts;
  return (
    <Alert
      data-testid="mode-summary"
      type={bad > 0 && mode !== 'skip_bad_rows' ? 'warning' : 'info'}
      showIcon
      title={t('imports.run.summary', { total, valid, bad })}
      description={bad > 0 && mode !== 'skip_bad_rows' ? t('imports.run.blocked') : undefined}
    />
  );
}

/** Step 4: the mode (each checked again as it is chosen), then the run with its progress from the server. */
export function RunStep({
  job,
  mode,
  onMode,
}: {
  job: ImportJob;
  mode: ImportMode;
  onMode: (mode: ImportMode) => void;
}) {
  const { t } = useTranslation();
  const run = useRunImport(job.id);
  const dry = useDryRun(job, mode, true);
  // A mode the file cannot be imported in (create or update without the code column) is not started.
  const unusable = !dry.data || dry.isFetching || dry.data.job.fileIssues.length > 0;
  if (job.status === 'running')
    return (
      <Flex vertical gap={16} style={{ padding: '24px 0' }}>
        <Typography.Text strong>{t('imports.run.running')}</Typography.Text>
        <Progress data-testid="import-progress" percent={Math.floor(job.progress * 100)} status="active" />
        <Typography.Text type="secondary">{t('imports.run.followApi')}</Typography.Text>
      </Flex>
    );
  return (
    <Flex vertical gap={16}>
      <Typography.Text strong>{t('imports.modes.label')}</Typography.Text>
      <Radio.Group
        data-testid="import-mode"
        value={mode}
        disabled={!isEditable(job) || run.isPending}
        onChange={(e) => onMode(e.target.value)}
      >
        <Space direction="vertical">
          {IMPORT_MODES.map((m) => (
            <Radio key={m} value={m} data-testid={`mode-${m}`}>
              <Typography.Text strong>{t(`imports.modes.${m}.title`)}</Typography.Text>
              <br />
              <Typography.Text type="secondary">{t(`imports.modes.${m}.help`)}</Typography.Text>
            </Radio>
          ))}
        </Space>
      </Radio.Group>
      {isEditable(job) && <ModeSummary dry={dry} mode={mode} />}
      {run.error && <Alert type="error" showIcon title={run.error.message} />}
      <div>
        <Button
          type="primary"
          data-testid="import-start"
          loading={run.isPending}
          disabled={!isEditable(job) || unusable}
          onClick={() => run.mutate(mode)}
        >
          {t('imports.run.start')}
        </Button>
      </div>
    </Flex>
  );
}
