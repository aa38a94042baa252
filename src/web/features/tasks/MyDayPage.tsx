import { CheckOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Badge, Button, Calendar, Card, Empty, List, Tabs, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatDateTime } from '../../components/format';
import { type TaskDto, useCompleteTask, useMyDay, useMyTasks } from './api';
import { TaskDialog } from './TaskDialog';

function TaskItem({ task }: { task: TaskDto }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fmt = useFormatDateTime();
  const complete = useCompleteTask();
  return (
    <List.Item
      data-testid="task-item"
      actions={[
        <Button
          key="done"
          size="small"
          icon={<CheckOutlined />}
          loading={complete.isPending}
          onClick={() =>
            complete.mutate(task, {
              onSuccess: () => message.success(t('tasks.completed')),
              onError: (e) => message.error(e.message),
            })
          }
        >
          {t('tasks.done')}
        </Button>,
      ]}
    >
      <List.Item.Meta
        title={
          <>
            <Tag color={task.kind === 'return_visit' ? 'purple' : 'blue'}>
              {t(`tasks.kinds.${task.kind as 'follow_up'}`)}
            </Tag>
            {task.title}
          </>
        }
        description={
          <>
            <Typography.Text type={task.overdue ? 'danger' : 'secondary'}>
              {t('tasks.due')}: {fmt(task.dueAt)}
            </Typography.Text>
            {task.ticketId && (
              <>
                {' · '}
                <Link to={`/tickets/${task.ticketId}`}>{t('tickets.number')}</Link>
              </>
            )}
            {task.accountId && (
              <>
                {' · '}
                <Link to={`/accounts/${task.accountId}`}>{t('tickets.account')}</Link>
              </>
            )}
          </>
        }
      />
    </List.Item>
  );
}

function DayList() {
  const { t } = useTranslation();
  const q = useMyDay();
  const items = q.data?.items ?? [];
  const overdue = items.filter((x) => x.overdue);
  const due = items.filter((x) => !x.overdue);
  if (!q.isLoading && items.length === 0) return <Empty description={t('tasks.empty')} />;
  return (
    <>
      {overdue.length > 0 && (
        <List
          header={<Typography.Text type="danger">{t('tasks.overdue')}</Typography.Text>}
          dataSource={overdue}
          renderItem={(x) => <TaskItem task={x} />}
          data-testid="tasks-overdue"
        />
      )}
      <List
        header={t('tasks.dueToday')}
        loading={q.isLoading}
        dataSource={due}
        renderItem={(x) => <TaskItem task={x} />}
        data-testid="tasks-due"
      />
    </>
  );
}

/** The month's tasks and return visits on a calendar. */
function TaskCalendar() {
  const [month, setMonth] = useState(() => dayjs().startOf('month'));
  const from = month.startOf('month').subtract(7, 'day');
  const to = month.endOf('month').add(8, 'day').startOf('day');
  const q = useMyTasks(from.toISOString(), to.toISOString());
  const byDay = new Map<string, TaskDto[]>();
  for (const x of q.data?.items ?? []) {
    const k = dayjs(x.dueAt).format('YYYY-MM-DD');
    byDay.set(k, [...(byDay.get(k) ?? []), x]);
  }
  return (
    <Calendar
      onPanelChange={(d: Dayjs) => setMonth(d.startOf('month'))}
      cellRender={(d, info) =>
        info.type === 'date' ? (
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {(byDay.get(d.format('YYYY-MM-DD')) ?? []).map((x) => (
              <li key={x.id}>
                <Badge
                  status={
                    x.status === 'done'
                      ? 'success'
                      : x.overdue
                        ? 'error'
                        : x.kind === 'return_visit'
                          ? 'processing'
                          : 'warning'
                  }
                  text={x.title}
                />
              </li>
            ))}
          </ul>
        ) : null
      }
      data-testid="task-calendar"
    />
  );
}

/** My day: overdue and upcoming tasks, and a calendar of tasks and return visits. */
export default function MyDayPage() {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  return (
    <Card
      title={t('tasks.myDay')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="task-new">
          {t('tasks.new')}
        </Button>
      }
    >
      <Tabs
        items={[
          { key: 'day', label: t('tasks.myDay'), children: <DayList /> },
          { key: 'calendar', label: t('tasks.calendar'), children: <TaskCalendar /> },
        ]}
      />
      {adding && <TaskDialog onClose={() => setAdding(false)} />}
    </Card>
  );
}
