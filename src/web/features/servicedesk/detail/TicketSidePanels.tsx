import type { ReactNode } from 'react';

/**
 * Where panels about one ticket from other features are mounted (attachments, linked knowledge-base
 * articles). Each entry renders for the ticket's id; the ticket page shows them in its side column.
 * A feature adds itself with `TICKET_SIDE_PANELS.push(({ ticketId }) => <MyPanel ticketId={ticketId} />)`.
 */
export const TICKET_SIDE_PANELS: ((props: { ticketId: string }) => ReactNode)[] = [];

export function TicketSidePanels({ ticketId }: { ticketId: string }) {
  return (
    <div data-testid="ticket-side-panels" style={{ display: 'contents' }}>
      {TICKET_SIDE_PANELS.map((Panel, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the registry is fixed at load time
        <Panel key={i} ticketId={ticketId} />
      ))}
    </div>
  );
}
