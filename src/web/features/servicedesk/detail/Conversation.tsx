import { LockOutlined, MessageOutlined, UserOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Tag, Timeline, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormatDateTime } from '../../../components/format';
import type { TicketEvent } from '../api';
import { ReplyBox } from './ReplyBox';

const MESSAGE_TYPES = new Set(['reply', 'note', 'customer_message', 'created']);

/** One message: replies to the customer, customer messages and internal notes look different. */
function Message({ e }: { e: TicketEvent }) {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const { token } = theme.useToken();
  const style = {
    note: { background: token.colorWarningBg, border: `1px dashed ${token.colorWarningBorder}` },
    reply: { background: token.colorPrimaryBg, border: `1px solid ${token.colorPrimaryBorder}` },
    customer_message: { background: token.colorFillQuaternary, border: `1px solid ${token.colorBorder}` },
    created: { background: token.colorFillQuaternary, border: `1px solid ${token.colorBorder}` },
  }[e.type as 'note'];
  const badge =
    e.type === 'note' ? (
      <Tag icon={<LockOutlined />} color="warning">
        {t('conversation.internalBadge')}
      </Tag>
    ) : e.type === 'reply' ? (
      <Tag color="blue">{t('conversation.toCustomer')}</Tag>
    ) : e.type === 'customer_message' ? (
      <Tag icon={<UserOutlined />}>{t('conversation.fromCustomer')}</Tag>
    ) : null;
  return (
    <div
      data-testid={`message-${e.type}`}
      data-internal={e.internal}
      style={{ ...style, borderRadius: 8, padding: '8px 12px' }}
    >
      <Flex justify="space-between" wrap gap={8}>
        <Flex gap={8} align="center">
          <Typography.Text strong>{e.actorLabel}</Typography.Text>
          {badge}
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {fmt(e.at)}
        </Typography.Text>
      </Flex>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '6px 0 0' }}>
        {e.body}
      </Typography.Paragraph>
    </div>
  );
}

/** A change of the ticket (status, clock, compensation…): one quiet line. */
function useEventLine() {
  const { t, i18n } = useTranslation();
  return (e: TicketEvent): string => {
    const d = e.data as Record<string, string | number | null>;
    switch (e.type) {
      case 'status':
        return t('conversation.events.status', {
          from: t(`ticketStatus.${d.from as 'new'}`),
          to: t(`ticketStatus.${d.to as 'new'}`),
        });
      case 'compensation':
        return t('conversation.events.compensation', {
          amount: ((Number(d.amountCents) || 0) / 100).toFixed(2),
        });
      case 'sla_escalated':
        return t('conversation.events.sla_escalated', { level: d.level });
      case 'attachment':
        return t('conversation.events.attachment', { name: d.fileName });
      case 'knowledge_linked':
      case 'knowledge_unlinked':
        return t(`conversation.events.${e.type}`, {
          title: (i18n.language === 'en-US' ? d.titleEn : d.titleZh) ?? d.titleZh ?? d.titleEn,
        });
      case 'updated':
      case 'confirmed':
      case 'refused':
      case 'sla_paused':
      case 'sla_resumed':
      case 'sla_warning':
        return t(`conversation.events.${e.type}`);
      default:
        return e.type;
    }
  };
}

/** The ticket's conversation and history, oldest first, with the reply box below. */
export function Conversation({
  ticketId,
  events,
  canWrite,
  insertion,
}: {
  ticketId: string;
  events: TicketEvent[];
  canWrite: boolean;
  /** Text to add to the reply box (a knowledge-base article from the side panel). */
  insertion?: { text: string; n: number } | null;
}) {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const line = useEventLine();
  return (
    <Card title={t('conversation.title')} data-testid="conversation">
      {events.length === 0 ? (
        <Empty description={t('conversation.empty')} />
      ) : (
        <Timeline
          items={events.map((e) =>
            MESSAGE_TYPES.has(e.type) && e.body
              ? { key: e.id, dot: <MessageOutlined />, children: <Message e={e} /> }
              : {
                  key: e.id,
                  color: e.type.startsWith('sla_') ? 'red' : 'gray',
                  children: (
                    <Typography.Text type="secondary" data-testid={`event-${e.type}`}>
                      {fmt(e.at)} · {e.actorLabel} ·{' '}
                      {e.type === 'created' ? t('conversation.events.created') : line(e)}
                    </Typography.Text>
                  ),
                },
          )}
        />
      )}
      {canWrite && <ReplyBox ticketId={ticketId} insertion={insertion} />}
    </Card>
  );
}
