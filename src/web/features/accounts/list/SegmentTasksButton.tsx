import { CarryOutOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Modal, Radio, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_ACCOUNT_TASKS } from '../../../../shared/servicedesk/interactionSchemas';
import { api, withQuery } from '../../../api/client';
import { applyApiError } from '../../../components/formErrors';
import { useCan, useSession } from '../../auth/api';
import { TaskFields, type TaskKind } from '../../tasks/TaskFields';
import { filterQuery } from '../api';
import type { AccountFilters } from './filters';

interface Values {
  kind: TaskKind;
  title: string;
  dueAt: Dayjs;
  assignTo: 'owner' | 'me';
}

/** A task for every account of the list as filtered (an analytics segment, a tier, a tag…). */
export function SegmentTasksButton({ filters }: { filters: AccountFilters }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();
  const create = useMutation({
    mutationFn: (v: Values & { me: string }) =>
      api<{ created: number }>('POST', withQuery('/tasks/for-accounts', filterQuery(filters)), {
        kind: v.kind,
        title: v.title,
        dueAt: v.dueAt.toISOString(),
        assignTo: v.assignTo === 'me' ? v.me : 'owner',
      }),
  });
  const me = useSession().data?.user.id;
  if (!can('tasks.write')) return null;
  const onFinish = (v: Values) => {
    setProblem(null);
    create.mutate(
      { ...v, me: me ?? '' },
      {
        onSuccess: ({ created }) => {
          message.success(t('accounts.segmentTasks.created', { count: created }));
          void client.invalidateQueries({ queryKey: ['tasks'] });
          setOpen(false);
        },
        onError: (e) => setProblem(applyApiError(form, e)),
      },
    );
  };
  return (
    <>
      <Button icon={<CarryOutOutlined />} onClick={() => setOpen(true)} data-testid="segment-tasks">
        {t('accounts.segmentTasks.button')}
      </Button>
      <Modal
        open={open}
        title={t('accounts.segmentTasks.title')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          {t('accounts.segmentTasks.intro', { limit: MAX_ACCOUNT_TASKS.toLocaleString() })}
        </Typography.Paragraph>
        {problem && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={problem} />}
        <Form<Values>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{
            kind: 'follow_up',
            assignTo: 'owner',
            dueAt: dayjs().add(2, 'day').hour(10).minute(0),
          }}
          onFinish={onFinish}
          data-testid="segment-tasks-form"
        >
          <TaskFields titleTestId="segment-tasks-title" />
          <Form.Item name="assignTo" label={t('accounts.segmentTasks.assignTo')}>
            <Radio.Group>
              <Radio value="owner">{t('accounts.segmentTasks.owner')}</Radio>
              <Radio value="me">{t('accounts.segmentTasks.me')}</Radio>
            </Radio.Group>
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
