import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { queryKeys } from './keys';

/** The lists that have saved views (the server's SAVED_VIEW_LISTS). */
export type SavedViewList = 'accounts' | 'tickets';

export interface SavedView {
  id: string;
  list: string;
  name: string;
  query: Record<string, unknown>;
  createdAt: string;
}

/** My saved views of one list. */
export function useSavedViews(list: SavedViewList) {
  return useQuery({
    queryKey: queryKeys.savedViews(list),
    queryFn: () => api<{ items: SavedView[] }>('GET', `/saved-views?list=${list}`),
  });
}

export function useSaveView(list: SavedViewList) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (view: { name: string; query: Record<string, unknown> }) =>
      api<SavedView>('POST', '/saved-views', { list, ...view }),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.savedViews(list) }),
  });
}

export function useDeleteView(list: SavedViewList) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `/saved-views/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.savedViews(list) }),
  });
}
