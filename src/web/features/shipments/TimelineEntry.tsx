import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TimelineItem } from '../accounts/api';
import { isShipmentStatus, STATUS_COLOR } from './labels';

/** A shipment in the account timeline: waybill (to its detail), status, lane, and whether it was late. */
export function ShipmentTimelineEntry({ item }: { item: TimelineItem }) {
  const { t } = useTranslation();
  const status = String(item.data.status ?? '');
  return (
    <div data-testid="timeline-shipment">
      <Link to={`/shipments/${String(item.data.shipmentId)}`}>
        <Typography.Text strong>{String(item.data.waybill ?? '')}</Typography.Text>
      </Link>{' '}
      {isShipmentStatus(status) && <Tag color={STATUS_COLOR[status]}>{t(`shipmentStatus.${status}`)}</Tag>}
      {String(item.data.origin ?? '')} → {String(item.data.destination ?? '')}{' '}
      {item.data.late === true && <Tag color="red">{t('accountQuality.late')}</Tag>}
      {item.data.late === false && <Tag color="green">{t('accountQuality.onTime')}</Tag>}
    </div>
  );
}
