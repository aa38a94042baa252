import { UserAddOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TICKET_TRANSITIONS, type TicketStatus } from '../../../../shared/servicedesk/enums';
import { useCurrentSession } from '../../auth/api';
import { AssigneeSelect } from '../AssigneeSelect';
import { type TicketDto, useTransition, useUpdateTicket } from '../api';
import { useWriteFeedback } from './useWriteFeedback';

/** Status changes the transition table allows from here (the server checks again) and assignment. */
export function StatusActions({ ticket }: { ticket: TicketDto }) {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const transition = useTransition(ticket.id);
  const update = useUpdateTicket(ticket.id);
  const feedback = useWriteFeedback();
  const [closing, setClosing] = useState<TicketStatus | null>(null);
  const [form] = Form.useForm<{ resolution: string; rootCause: string }>();
  const next = TICKET_TRANSITIONS[ticket.status];

  const move = (status: TicketStatus, extra: { resolution?: string; rootCause?: string } = {}) =>
    transition.mutate(
      { version: ticket.version, status, ...extra },
      {
        ...feedback,
        onSuccess: () => {
          feedback.onSuccess();
          setClosing(null);
        },
      },
    );
  const assign = (assigneeId: string | null) =>
    update.mutate({ version: ticket.version, assigneeId }, feedback);

  return (
    <Card size="small" title={t('ticket.moveTo')} data-testid="status-actions">
      <Flex wrap gap={8}>
        {next.length === 0 && <Typography.Text type="secondary">{t('ticket.noTransitions')}</Typography.Text>}
        {next.map((s) => (
          <Button
            key={s}
            data-testid={`to-${s}`}
            loading={transition.isPending && transition.variables?.status === s}
            type={s === 'resolved' ? 'primary' : 'default'}
            onClick={() => {
              if (s === 'resolved' || s === 'closed') {
                form.setFieldsValue({
                  resolution: ticket.resolution ?? '',
                  rootCause: ticket.rootCause ?? '',
                });
                setClosing(s);
              } else move(s);
            }}
          >
            {s === 'reopened' ? t('ticket.reopen') : t(`ticketStatus.${s}`)}
          </Button>
        ))}
      </Flex>
      <Flex gap={8} align="center" wrap style={{ marginTop: 12 }}>
        <Typography.Text type="secondary">{t('tickets.assignee')}</Typography.Text>
        <AssigneeSelect
          testId="ticket-assignee"
          value={ticket.assigneeId}
          currentLabel={ticket.assigneeName}
          onChange={(v) => assign(v ?? null)}
        />
        {ticket.assigneeId !== user.id && (
          <Button icon={<UserAddOutlined />} onClick={() => assign(user.id)} data-testid="assign-to-me">
            {t('ticket.assignToMe')}
          </Button>
        )}
      </Flex>
      <Modal
        open={closing !== null}
        title={closing ? t(`ticketStatus.${closing}`) : ''}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={transition.isPending}
        okButtonProps={{ 'data-testid': 'status-confirm' }}
        onCancel={() => setClosing(null)}
        onOk={() => {
          const v = form.getFieldsValue();
          if (closing) move(closing, { resolution: v.resolution, rootCause: v.rootCause || undefined });
        }}
        forceRender
      >
        <Typography.Paragraph type="secondary">{t('ticket.resolutionNeeded')}</Typography.Paragraph>
        <Form form={form} layout="vertical">
          <Form.Item name="rootCause" label={t('ticket.rootCause')}>
            <Input maxLength={2000} data-testid="status-root-cause" />
          </Form.Item>
          <Form.Item name="resolution" label={t('ticket.resolution')}>
            <Input.TextArea rows={3} maxLength={5000} data-testid="status-resolution" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
