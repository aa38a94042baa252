import { PlayCircleOutlined } from '@ant-design/icons';
import { App, Button, Progress, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../auth/api';
import { useRunProgress, useRuns, useStartRun } from './api';

/** Starts a run and shows its progress until it ends; picks up a run already running when opened. */
export function RunButton() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const runs = useRuns();
  const start = useStartRun();
  const [runId, setRunId] = useState<string | null>(null);
  const running = runs.data?.items.find((r) => r.status === 'running');
  useEffect(() => {
    if (running && !runId) setRunId(running.id);
  }, [running, runId]);
  const progress = useRunProgress(runId);
  const run = progress.data;
  useEffect(() => {
    if (!run || run.status === 'running') return;
    if (run.status === 'succeeded') message.success(t('analytics.runDone'));
    else message.error(t('analytics.runFailed', { error: run.error }));
    setRunId(null);
    void runs.refetch();
  }, [run, message, t, runs]);
  if (!can('analytics.run')) return null;
  const busy = !!runId;
  return (
    <Space>
      {busy && (
        <Progress
          data-testid="run-progress"
          percent={run?.progress ?? 0}
          size="small"
          style={{ width: 200 }}
          format={(p) => t('analytics.progress', { phase: run?.phase ?? '', progress: p })}
        />
      )}
      <Button
        type="primary"
        icon={<PlayCircleOutlined />}
        loading={busy || start.isPending}
        data-testid="run-analytics"
        onClick={() =>
          start.mutate(undefined, {
            onSuccess: (r) => {
              message.info(t('analytics.runStarted'));
              setRunId(r.id);
            },
            onError: (e) => message.error(e.message),
          })
        }
      >
        {t('analytics.runNow')}
      </Button>
    </Space>
  );
}
