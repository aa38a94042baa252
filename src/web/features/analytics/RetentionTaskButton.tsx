import { CarryOutOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../auth/api';
import { type SegmentDto, useCreateRetentionTask } from './api';
import { churnWhy, lifecycleWhy } from './labels';

/** One click: a follow-up task for the account's owner, due in two days, carrying the risk's reasons. */
export function RetentionTaskButton({ segment, size }: { segment: SegmentDto; size?: 'small' }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const create = useCreateRetentionTask();
  const [done, setDone] = useState(false);
  if (!can('tasks.write')) return null;
  const name = segment.name ?? segment.code;
  const notes = [
    `${t('analytics.badges.churnRisk')}: ${segment.churnRisk}`,
    ...segment.churnReasons.map((r) => `- ${churnWhy(t, r)}`),
    `${t(`analytics.stage.${segment.lifecycleStage}`)}: ${lifecycleWhy(t, segment.lifecycleReason)}`,
  ].join('\n');
  return (
    <Button
      size={size}
      icon={<CarryOutOutlined />}
      disabled={done}
      loading={create.isPending}
      data-testid={`retention-task-${segment.code}`}
      onClick={() =>
        create.mutate(
          {
            accountId: segment.accountId,
            title: t('analytics.churn.taskTitle', { name, risk: segment.churnRisk }),
            notes,
            assigneeId: segment.ownerId ?? undefined,
          },
          {
            onSuccess: () => {
              setDone(true);
              message.success(t('analytics.churn.taskCreated', { name }));
            },
            onError: (e) => message.error(e.message),
          },
        )
      }
    >
      {t('analytics.churn.createTask')}
    </Button>
  );
}
