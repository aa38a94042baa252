import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CHANNELS, SEVERITIES, TICKET_CATEGORIES, TICKET_KINDS } from '../../../shared/servicedesk/enums';
import { applyApiError } from '../../components/formErrors';
import { AccountSelect } from '../shipments/Lookups';
import { AssigneeSelect } from './AssigneeSelect';
import { type NewTicketBody, useOpenTicket } from './api';

/** What a caller already knows, e.g. the shipment a complaint is about and its account. */
export interface TicketPreset {
  kind?: NewTicketBody['kind'];
  category?: NewTicketBody['category'];
  subject?: string;
  accountId?: string;
  shipmentIds?: string[];
  /** Shown in the title: the shipment's waybill. */
  waybill?: string;
}

/** Opens a ticket (staff); the assignment rules pick the agent unless one is chosen. Goes to the new ticket. */
export function NewTicketDialog({ preset = {}, onClose }: { preset?: TicketPreset; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const open = useOpenTicket();
  const [form] = Form.useForm<NewTicketBody>();
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const values = await form.validateFields();
    setError(null);
    open.mutate(
      { ...values, shipmentIds: preset.shipmentIds ?? [] },
      {
        onSuccess: (tk) => {
          message.success(t('tickets.created', { number: tk.number }));
          onClose();
          navigate(`/tickets/${tk.id}`);
        },
        onError: (e) => setError(applyApiError(form, e)),
      },
    );
  };

  return (
    <Modal
      open
      width={640}
      title={preset.waybill ? t('newTicket.fromShipment', { waybill: preset.waybill }) : t('newTicket.title')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={open.isPending}
      onOk={() => void submit().catch(() => {})}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'ticket-create-submit' }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        data-testid="ticket-form"
        initialValues={{
          kind: preset.kind ?? 'complaint',
          category: preset.category ?? 'other',
          severity: 'medium',
          channel: 'phone',
          subject: preset.subject ?? '',
          description: '',
          accountId: preset.accountId,
        }}
      >
        <Form.Item
          name="accountId"
          label={t('tickets.account')}
          rules={[{ required: true, message: t('tickets.accountRequired') }]}
        >
          <AccountSelect onChange={(v) => form.setFieldValue('accountId', v)} />
        </Form.Item>
        <Form.Item
          name="subject"
          label={t('tickets.subject')}
          rules={[{ required: true, whitespace: true, message: t('tickets.subjectRequired') }]}
        >
          <Input maxLength={200} data-testid="ticket-subject" />
        </Form.Item>
        <Form.Item name="kind" label={t('tickets.kind')}>
          <Select options={TICKET_KINDS.map((k) => ({ value: k, label: t(`ticketKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="category" label={t('tickets.category')}>
          <Select
            data-testid="ticket-category"
            options={TICKET_CATEGORIES.map((k) => ({ value: k, label: t(`ticketCategory.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="severity" label={t('tickets.severity')}>
          <Select options={SEVERITIES.map((k) => ({ value: k, label: t(`ticketSeverity.${k}`) }))} />
        </Form.Item>
        <Form.Item name="channel" label={t('tickets.channel')}>
          <Select options={CHANNELS.map((k) => ({ value: k, label: t(`channel.${k}`) }))} />
        </Form.Item>
        <Form.Item name="assigneeId" label={t('tickets.assignee')}>
          <AssigneeSelect
            placeholder={t('tickets.autoAssign')}
            onChange={(v) => form.setFieldValue('assigneeId', v)}
          />
        </Form.Item>
        <Form.Item name="description" label={t('tickets.description')}>
          <Input.TextArea rows={4} maxLength={20_000} data-testid="ticket-description" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
