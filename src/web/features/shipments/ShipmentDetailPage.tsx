import { ArrowLeftOutlined, CustomerServiceOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  List,
  Row,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { TRANSPORT_MODE_LABELS } from '../../../shared/customers/labels';
import { isApiError } from '../../api/client';
import type { Locale } from '../../api/types';
import { NotFoundPage } from '../../components/ErrorPages';
import { useFormatDateTime } from '../../components/format';
import { useCan } from '../auth/api';
import { complaintPreset } from '../servicedesk/complaintPreset';
import { NewTicketDialog } from '../servicedesk/NewTicketDialog';
import { useShipment } from './api';
import { AccountLink, CarrierName, OnTimeTag } from './Lookups';
import { STATUS_COLOR } from './labels';
import { TrackingTimeline } from './TrackingTimeline';

const EXCEPTION_COLOR: Record<string, string> = { delay: 'orange', misdelivery: 'gold' };

/** One shipment: header, promise against delivery, exceptions and the tracking timeline. */
export default function ShipmentDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const fmt = useFormatDateTime();
  const q = useShipment(id);
  const can = useCan();
  const [complaining, setComplaining] = useState(false);
  if (q.isLoading) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (isApiError(q.error) && q.error.status === 404) return <NotFoundPage />;
  if (q.error) return <Alert type="error" showIcon message={q.error.message} />;
  const s = q.data;
  if (!s) return null;
  const locale = i18n.language as Locale;

  return (
    <Flex vertical gap={16}>
      <Card
        data-testid="shipment-header"
        title={
          <Flex align="center" gap={8} wrap>
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              aria-label={t('shipments.back')}
              onClick={() => navigate(-1)}
            />
            <Typography.Text strong style={{ fontSize: 18 }}>
              {s.waybill}
            </Typography.Text>
            <Tag color={STATUS_COLOR[s.status]} data-testid="shipment-status">
              {t(`shipmentStatus.${s.status}`)}
            </Tag>
            <OnTimeTag s={s} />
          </Flex>
        }
        extra={
          <Space>
            {can('tickets.write') && (
              <Button
                icon={<CustomerServiceOutlined />}
                onClick={() => setComplaining(true)}
                data-testid="open-complaint"
              >
                {t('tickets.openComplaint')}
              </Button>
            )}
            <Link to={`/track/${encodeURIComponent(s.waybill)}`} target="_blank">
              {t('shipments.publicLink')}
            </Link>
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('shipments.route')}>
            {s.origin} → {s.destination}
          </Descriptions.Item>
          <Descriptions.Item label={t('shipments.mode')}>
            {TRANSPORT_MODE_LABELS[s.mode]?.[locale] ?? s.mode}
          </Descriptions.Item>
          <Descriptions.Item label={t('shipments.carrier')}>
            <CarrierName id={s.carrierId} />
          </Descriptions.Item>
          <Descriptions.Item label={t('shipments.account')}>
            <AccountLink id={s.accountId} />
          </Descriptions.Item>
          <Descriptions.Item label={t('shipments.bookedAt')}>{fmt(s.bookedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('shipments.pickedUpAt')}>{fmt(s.pickedUpAt)}</Descriptions.Item>
          <Descriptions.Item label={t('shipments.promised')}>
            {s.promisedAt ? fmt(s.promisedAt) : (s.promisedDate ?? t('common.none'))}
          </Descriptions.Item>
          <Descriptions.Item label={t('shipments.deliveredAt')}>{fmt(s.deliveredAt)}</Descriptions.Item>
          <Descriptions.Item label={t('shipments.pieces')}>
            {s.pieces ?? t('common.none')}
            {s.weightKg !== null ? ` · ${s.weightKg} kg` : ''}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('shipments.timeline')}>
            <TrackingTimeline events={s.events} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('shipments.exceptions')} data-testid="shipment-exceptions">
            {s.exceptions.length ? (
              <List
                dataSource={s.exceptions}
                renderItem={(x) => (
                  <List.Item>
                    <List.Item.Meta
                      title={
                        <Flex gap={8}>
                          <Tag color={EXCEPTION_COLOR[x.kind] ?? 'red'}>
                            {t(`shipments.exceptionKind.${x.kind as 'delay'}`)}
                          </Tag>
                          <Typography.Text type="secondary">{fmt(x.occurredAt)}</Typography.Text>
                        </Flex>
                      }
                      description={x.note}
                    />
                  </List.Item>
                )}
              />
            ) : (
              <Empty description={t('shipments.noExceptions')} />
            )}
          </Card>
        </Col>
      </Row>
      {complaining && (
        <NewTicketDialog
          preset={complaintPreset(s, t('tickets.waybillSubject', { waybill: s.waybill }))}
          onClose={() => setComplaining(false)}
        />
      )}
    </Flex>
  );
}
