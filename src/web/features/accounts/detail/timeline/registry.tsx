import { CarOutlined, EditOutlined, FileTextOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import type { ComponentType, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ShipmentTimelineEntry } from '../../../shipments/TimelineEntry';
import type { TimelineItem } from '../../api';
import { AuditEntry } from './AuditEntry';

/** How one source's timeline items look: a dot and a body. */
export interface TimelineRenderer {
  color: string;
  icon: ReactNode;
  Body: ComponentType<{ item: TimelineItem }>;
}

function NoteEntry({ item }: { item: TimelineItem }) {
  const { t } = useTranslation();
  return (
    <div data-testid="timeline-note">
      <Typography.Text strong>{item.actorLabel ?? t('accounts.timeline.someone')}</Typography.Text>{' '}
      {t('accounts.timeline.wrote')}
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>
        {String(item.data.body ?? '')}
      </Typography.Paragraph>
    </div>
  );
}

/** A source this screen does not know yet still shows who did what. */
function GenericEntry({ item }: { item: TimelineItem }) {
  const { t } = useTranslation();
  return (
    <div>
      <Typography.Text strong>{item.actorLabel ?? t('accounts.timeline.someone')}</Typography.Text>{' '}
      {item.source} · {item.kind}
    </div>
  );
}

/**
 * The renderers of the account timeline, keyed by the server's source name (GET /accounts/:id/timeline
 * `source`). A capability that adds a source on the server (shipments, tickets, surveys…) adds its
 * renderer here; the timeline itself does not change.
 */
export const TIMELINE_RENDERERS: Record<string, TimelineRenderer> = {
  audit: { color: 'blue', icon: <EditOutlined />, Body: AuditEntry },
  notes: { color: 'green', icon: <FileTextOutlined />, Body: NoteEntry },
  shipments: { color: 'cyan', icon: <CarOutlined />, Body: ShipmentTimelineEntry },
};

const FALLBACK: TimelineRenderer = { color: 'gray', icon: <QuestionCircleOutlined />, Body: GenericEntry };

export const rendererFor = (source: string): TimelineRenderer => TIMELINE_RENDERERS[source] ?? FALLBACK;
