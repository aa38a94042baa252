import { Alert, Col, Flex, Row, Spin } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { isApiError } from '../../../api/client';
import { NotFoundPage } from '../../../components/ErrorPages';
import { useCan } from '../../auth/api';
import { useTicket, useTicketEvents } from '../api';
import { Conversation } from './Conversation';
import { EscalationHistory } from './EscalationHistory';
import { ResolutionPanel } from './ResolutionPanel';
import { SlaClocks } from './SlaClocks';
import { StatusActions } from './StatusActions';
import { TicketHeader } from './TicketHeader';
import { TicketSidePanels } from './TicketSidePanels';

/** One ticket: header, conversation, live SLA clocks, actions, resolution, escalations, side panels. */
export default function TicketPage() {
  const { id = '' } = useParams();
  const can = useCan();
  const q = useTicket(id);
  // a knowledge-base article put into the reply box from the side panel (n makes a repeat a new insertion)
  const [insertion, setInsertion] = useState<{ text: string; n: number } | null>(null);
  const events = useTicketEvents(id);
  if (q.isLoading) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (isApiError(q.error) && q.error.status === 404) return <NotFoundPage />;
  if (q.error) return <Alert type="error" showIcon title={q.error.message} />;
  const ticket = q.data;
  if (!ticket) return null;
  const canWrite = can('tickets.write');
  const items = events.data?.items ?? [];

  return (
    <Flex vertical gap={16}>
      <TicketHeader ticket={ticket} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Conversation ticketId={ticket.id} events={items} canWrite={canWrite} insertion={insertion} />
        </Col>
        <Col xs={24} lg={9}>
          <Flex vertical gap={16}>
            <SlaClocks ticket={ticket} fetchedAt={q.dataUpdatedAt} />
            {canWrite && <StatusActions ticket={ticket} />}
            <ResolutionPanel ticket={ticket} canWrite={canWrite} />
            <EscalationHistory events={items} warnPercent={ticket.sla.warnPercent} />
            <TicketSidePanels
              ticketId={ticket.id}
              onInsertIntoReply={canWrite ? (text) => setInsertion({ text, n: Date.now() }) : undefined}
            />
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
