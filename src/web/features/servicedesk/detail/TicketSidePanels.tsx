import { KnowledgeLinks } from '../../knowledge/KnowledgeLinks';
import { TicketAttachments } from '../../tickets/attachments/TicketAttachments';

/** The ticket page's side column: the ticket's files and its linked knowledge-base articles. */
export function TicketSidePanels({
  ticketId,
  onInsertIntoReply,
}: {
  ticketId: string;
  onInsertIntoReply?: (text: string) => void;
}) {
  return (
    <div data-testid="ticket-side-panels" style={{ display: 'contents' }}>
      <TicketAttachments ticketId={ticketId} />
      <KnowledgeLinks ticketId={ticketId} onInsertIntoReply={onInsertIntoReply} />
    </div>
  );
}
