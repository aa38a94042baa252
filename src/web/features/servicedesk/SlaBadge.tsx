import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TicketDto } from './api';
import { CLOCK_COLOR, STATE_LABEL, ticketSlaState } from './slaState';

/** The list's one-word SLA state of a ticket: the worse of its two clocks. */
export function SlaBadge({ ticket }: { ticket: TicketDto }) {
  const { t } = useTranslation();
  const state = ticketSlaState(ticket);
  return (
    <Tag color={CLOCK_COLOR[state]} data-testid="sla-badge" data-state={state}>
      {t(STATE_LABEL[state])}
    </Tag>
  );
}
