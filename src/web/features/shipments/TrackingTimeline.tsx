import { Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormatDateTime } from '../../components/format';
import { isShipmentStatus } from './labels';

export interface TimelineEvent {
  occurredAt: string;
  statusCode: string;
  location: string | null;
  description: string | null;
}

/** Tracking events as a vertical timeline, newest first (events are placed by time, not arrival). */
export function TrackingTimeline({ events }: { events: TimelineEvent[] }) {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  if (!events.length) return <Empty description={t('track.noEvents')} />;
  const newestFirst = [...events].reverse();
  return (
    <Timeline
      data-testid="tracking-timeline"
      items={newestFirst.map((e, i) => ({
        key: `${e.occurredAt}-${i}`,
        color: i === 0 ? 'blue' : 'gray',
        content: (
          <div data-testid="timeline-event">
            <Typography.Text strong>
              {isShipmentStatus(e.statusCode) ? t(`shipmentStatus.${e.statusCode}`) : e.statusCode}
            </Typography.Text>
            {e.location && <Typography.Text type="secondary"> · {e.location}</Typography.Text>}
            {e.description && <div>{e.description}</div>}
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {fmt(e.occurredAt)}
              </Typography.Text>
            </div>
          </div>
        ),
      }))}
    />
  );
}
