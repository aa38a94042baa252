import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useFormatDateTime } from '../../../components/format';
import { useCan } from '../../auth/api';
import { useShipment } from '../../shipments/api';
import { AccountLink } from '../../shipments/Lookups';
import { type TicketDto, useTeams } from '../api';
import { SEVERITY_COLOR, TICKET_STATUS_COLOR } from '../labels';

function ShipmentLink({ id }: { id: string }) {
  const q = useShipment(id);
  return <Link to={`/shipments/${id}`}>{q.data?.waybill ?? id.slice(0, 8)}</Link>;
}

/** Who and what the ticket is about: status, severity, category, account, shipments, assignee and team. */
export function TicketHeader({ ticket }: { ticket: TicketDto }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const fmt = useFormatDateTime();
  const can = useCan();
  const teams = useTeams();
  const team = teams.data?.items.find((x) => x.id === ticket.teamId);
  return (
    <Card
      data-testid="ticket-header"
      title={
        <Flex align="center" gap={8} wrap>
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            aria-label={t('ticket.back')}
            onClick={() => navigate(-1)}
          />
          <Typography.Text strong style={{ fontSize: 18 }} data-testid="ticket-number">
            {ticket.number}
          </Typography.Text>
          <Typography.Text style={{ fontSize: 16 }}>{ticket.subject}</Typography.Text>
          <Tag
            color={TICKET_STATUS_COLOR[ticket.status]}
            data-testid="ticket-status"
            data-status={ticket.status}
          >
            {t(`ticketStatus.${ticket.status}`)}
          </Tag>
          <Tag color={SEVERITY_COLOR[ticket.severity]}>{t(`ticketSeverity.${ticket.severity}`)}</Tag>
          {ticket.reopenCount > 0 && <Tag>{t('ticket.reopenCount', { count: ticket.reopenCount })}</Tag>}
        </Flex>
      }
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
        <Descriptions.Item label={t('tickets.kind')}>{t(`ticketKind.${ticket.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('tickets.category')}>
          {t(`ticketCategory.${ticket.category}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('tickets.channel')}>
          {t(`channel.${ticket.channel as 'phone'}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('tickets.account')}>
          {can('accounts.read') ? <AccountLink id={ticket.accountId} /> : ticket.accountName}
        </Descriptions.Item>
        <Descriptions.Item label={t('tickets.shipments')}>
          <Space wrap data-testid="ticket-shipments">
            {ticket.shipmentIds.length
              ? ticket.shipmentIds.map((id) => <ShipmentLink key={id} id={id} />)
              : t('common.none')}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('tickets.assignee')}>
          <span data-testid="ticket-assignee-name">{ticket.assigneeName ?? t('tickets.unassigned')}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('tickets.team')}>{team?.name ?? t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('tickets.createdAt')}>{fmt(ticket.createdAt)}</Descriptions.Item>
      </Descriptions>
      {ticket.description && (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>
          {ticket.description}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
