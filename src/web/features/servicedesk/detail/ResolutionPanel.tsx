import { Alert, Button, Card, Flex, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatDateTime } from '../../../components/format';
import { type TicketDto, useCompensation, useConfirmation, useUpdateTicket } from '../api';
import { useWriteFeedback } from './useWriteFeedback';

/** Root cause, resolution, compensation (manager approval above the declared value) and the customer's answer. */
export function ResolutionPanel({ ticket, canWrite }: { ticket: TicketDto; canWrite: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const feedback = useWriteFeedback();
  const update = useUpdateTicket(ticket.id);
  const compensation = useCompensation(ticket.id);
  const confirmation = useConfirmation(ticket.id);
  const [form] = Form.useForm<{ rootCause: string; resolution: string }>();
  const [amount, setAmount] = useState<number | null>(null);
  const [note, setNote] = useState('');
  useEffect(() => {
    form.setFieldsValue({ rootCause: ticket.rootCause ?? '', resolution: ticket.resolution ?? '' });
    setAmount(ticket.compensationCents === null ? null : ticket.compensationCents / 100);
  }, [form, ticket.rootCause, ticket.resolution, ticket.compensationCents]);

  const saveTexts = () => {
    const v = form.getFieldsValue();
    update.mutate(
      { version: ticket.version, rootCause: v.rootCause || null, resolution: v.resolution || null },
      feedback,
    );
  };
  const confirm = (accepted: boolean) =>
    confirmation.mutate(
      { version: ticket.version, accepted, note: note || undefined },
      {
        ...feedback,
        onSuccess: () => {
          feedback.onSuccess();
          setNote('');
        },
      },
    );

  return (
    <Card size="small" title={t('ticket.resolution')} data-testid="resolution-panel">
      <Form form={form} layout="vertical" disabled={!canWrite}>
        <Form.Item name="rootCause" label={t('ticket.rootCause')}>
          <Input maxLength={2000} data-testid="root-cause" />
        </Form.Item>
        <Form.Item name="resolution" label={t('ticket.resolution')}>
          <Input.TextArea rows={3} maxLength={5000} data-testid="resolution" />
        </Form.Item>
        {canWrite && (
          <Button onClick={saveTexts} loading={update.isPending} data-testid="save-resolution">
            {t('ticket.saveResolution')}
          </Button>
        )}
      </Form>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('ticket.compensation')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('ticket.compensationHelp')}
      </Typography.Paragraph>
      <Space.Compact>
        <InputNumber<number>
          min={0}
          step={10}
          precision={2}
          value={amount}
          onChange={setAmount}
          disabled={!canWrite}
          placeholder={t('ticket.compensationAmount')}
          data-testid="compensation-amount"
          style={{ width: 160 }}
        />
        {canWrite && (
          <Button
            loading={compensation.isPending}
            disabled={amount === null}
            data-testid="compensation-save"
            onClick={() =>
              amount !== null &&
              compensation.mutate(
                { version: ticket.version, amountCents: Math.round(amount * 100) },
                feedback,
              )
            }
          >
            {t('ticket.setCompensation')}
          </Button>
        )}
      </Space.Compact>
      {ticket.compensationApprovedBy && (
        <Alert type="info" showIcon title={t('ticket.compensationApproved')} style={{ marginTop: 8 }} />
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('ticket.confirmation')}
      </Typography.Title>
      {ticket.customerConfirmedAt ? (
        <Alert
          type="success"
          showIcon
          data-testid="customer-confirmed"
          title={t('ticket.confirmedAt', { time: fmt(ticket.customerConfirmedAt) })}
        />
      ) : ticket.status === 'resolved' && canWrite ? (
        <Flex vertical gap={8} data-testid="confirmation">
          <Typography.Text>{t('ticket.awaitingConfirmation')}</Typography.Text>
          <Input
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder={t('ticket.confirmationNote')}
            maxLength={2000}
          />
          <Flex gap={8}>
            <Button type="primary" onClick={() => confirm(true)} data-testid="confirm-accept">
              {t('ticket.accepted')}
            </Button>
            <Button danger onClick={() => confirm(false)} data-testid="confirm-refuse">
              {t('ticket.refused')}
            </Button>
          </Flex>
        </Flex>
      ) : (
        <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
      )}
    </Card>
  );
}
