import { Card, Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormatDateTime } from '../../../components/format';
import type { TicketEvent } from '../api';

interface StepData {
  target?: 'firstResponse' | 'resolution';
  level?: number;
  dueAt?: string;
  notified?: { id: string; name: string }[];
}

/** Each SLA warning and escalation step of the ticket, with who was notified. */
export function EscalationHistory({ events, warnPercent }: { events: TicketEvent[]; warnPercent: number }) {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const steps = events.filter((e) => e.type === 'sla_warning' || e.type === 'sla_escalated');
  return (
    <Card title={t('sla.escalations')} size="small" data-testid="escalation-history">
      {steps.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sla.noEscalations')} />
      ) : (
        <Timeline
          items={steps.map((e) => {
            const d = e.data as StepData;
            const level = String(d.level ?? 1) as '1';
            const names = (d.notified ?? []).map((n) => n.name).join(', ');
            return {
              key: e.id,
              color: e.type === 'sla_warning' ? 'orange' : 'red',
              children: (
                <div data-testid="escalation-step" data-type={e.type} data-level={d.level ?? 0}>
                  <Typography.Text strong>
                    {e.type === 'sla_warning'
                      ? t('sla.warning', { percent: warnPercent })
                      : t('sla.escalated', { level: t(`sla.level.${level}`) })}
                  </Typography.Text>{' '}
                  <Typography.Text type="secondary">
                    ({d.target ? t(`sla.target.${d.target}`) : ''}) {fmt(e.at)}
                  </Typography.Text>
                  <div>
                    <Typography.Text type="secondary" data-testid="escalation-notified">
                      {names ? t('sla.notified', { names }) : t('sla.nobodyNotified')}
                    </Typography.Text>
                  </div>
                </div>
              ),
            };
          })}
        />
      )}
    </Card>
  );
}
