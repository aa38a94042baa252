import { DatePicker, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { TASK_KINDS } from '../../../shared/servicedesk/enums';

export type TaskKind = (typeof TASK_KINDS)[number];

/** The fields every task form asks for: kind, title and when it is due (the forms add their own). */
export function TaskFields({ titleTestId }: { titleTestId?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="kind" label={t('tickets.kind')}>
        <Select options={TASK_KINDS.map((k) => ({ value: k, label: t(`tasks.kinds.${k}`) }))} />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('tasks.title')}
        rules={[{ required: true, whitespace: true, message: t('tasks.titleRequired') }]}
      >
        <Input maxLength={200} data-testid={titleTestId} />
      </Form.Item>
      <Form.Item
        name="dueAt"
        label={t('tasks.due')}
        rules={[{ required: true, message: t('tasks.dueRequired') }]}
      >
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
      </Form.Item>
    </>
  );
}
