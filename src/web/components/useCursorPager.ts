import { useCallback, useState } from 'react';

/**
 * Page-by-page navigation over a cursor-paginated list: remembers the cursors of the pages already
 * seen so "previous" needs no cursor from the server.
 */
export function useCursorPager() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const page = cursors.length;
  return {
    cursor: cursors[cursors.length - 1],
    page,
    hasPrevious: page > 1,
    next: useCallback((nextCursor: string) => setCursors((c) => [...c, nextCursor]), []),
    previous: useCallback(() => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)), []),
    reset: useCallback(() => setCursors([null]), []),
  };
}
