import { Card, Flex, Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormatDateTime } from '../../../components/format';
import type { TicketDto } from '../api';
import { CLOCK_COLOR, clockState, formatDuration, STATE_LABEL, useLiveSeconds } from '../slaState';

type Clock = TicketDto['sla']['firstResponse'];
const STROKE: Record<string, string> = { warning: '#fa8c16', breached: '#ff4d4f', paused: '#1677ff' };

function ClockRow({
  name,
  testId,
  clock,
  ticket,
  fetchedAt,
}: {
  name: string;
  testId: string;
  clock: Clock;
  ticket: TicketDto;
  fetchedAt: number;
}) {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const { paused, pausedSince, warnPercent } = ticket.sla;
  const running = clock.targetMinutes !== null && !clock.metAt && !paused;
  const seconds = useLiveSeconds(clock.remainingMinutes, fetchedAt, running);
  const state = clockState(clock, paused, warnPercent, seconds === null ? null : seconds / 60);
  const used =
    clock.targetMinutes && seconds !== null
      ? Math.min(100, Math.max(0, 100 - (seconds / 60 / clock.targetMinutes) * 100))
      : 100;
  let text: string;
  if (state === 'none') text = t('sla.noTarget');
  else if (clock.metAt) text = t(state === 'metLate' ? 'sla.metLate' : 'sla.met', { time: fmt(clock.metAt) });
  else if (paused) text = t('sla.paused', { time: fmt(pausedSince) });
  else if (seconds !== null && seconds < 0) text = t('sla.overdue', { time: formatDuration(seconds) });
  else text = t('sla.remaining', { time: formatDuration(seconds ?? 0) });
  return (
    <Flex vertical gap={4} data-testid={testId} data-state={state}>
      <Flex justify="space-between" align="center">
        <Typography.Text strong>{name}</Typography.Text>
        <Tag color={CLOCK_COLOR[state]}>{t(STATE_LABEL[state])}</Tag>
      </Flex>
      <Typography.Text
        data-testid={`${testId}-remaining`}
        type={state === 'breached' ? 'danger' : state === 'warning' ? 'warning' : undefined}
        style={{ fontVariantNumeric: 'tabular-nums', fontSize: 16 }}
      >
        {text}
      </Typography.Text>
      {clock.targetMinutes !== null && !clock.metAt && (
        <Progress
          percent={Math.round(used)}
          showInfo={false}
          size="small"
          strokeColor={STROKE[state]}
          status={state === 'breached' ? 'exception' : 'normal'}
        />
      )}
      {clock.dueAt && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('sla.due', { time: fmt(clock.dueAt) })}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** First-response and resolution clocks, ticking live in business time; paused while waiting on the customer. */
export function SlaClocks({ ticket, fetchedAt }: { ticket: TicketDto; fetchedAt: number }) {
  const { t } = useTranslation();
  return (
    <Card title={t('sla.title')} size="small" data-testid="sla-clocks">
      <Flex vertical gap={16}>
        <ClockRow
          name={t('sla.firstResponse')}
          testId="sla-first-response"
          clock={ticket.sla.firstResponse}
          ticket={ticket}
          fetchedAt={fetchedAt}
        />
        <ClockRow
          name={t('sla.resolution')}
          testId="sla-resolution"
          clock={ticket.sla.resolution}
          ticket={ticket}
          fetchedAt={fetchedAt}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('sla.warnAt', { percent: ticket.sla.warnPercent })} · {t('sla.liveNote')}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
