import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../../api/client';
import { queryKeys } from '../../../api/keys';
import type { AuditAction, AuditEntryDto, Page } from '../../../api/types';

export interface AuditSearchParams {
  entity?: string;
  entityId?: string;
  actorId?: string;
  action?: AuditAction;
  from?: string;
  to?: string;
  cursor?: string | null;
}

export const AUDIT_PAGE_SIZE = 50;

export function useAuditSearch(params: AuditSearchParams) {
  return useQuery({
    queryKey: queryKeys.audit.search(params),
    queryFn: () =>
      api<Page<AuditEntryDto>>('GET', withQuery('/audit', { limit: AUDIT_PAGE_SIZE, ...params })),
    placeholderData: keepPreviousData,
  });
}

export function useRecordHistory(entity: string, entityId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.audit.record(entity, entityId ?? ''),
    queryFn: () =>
      api<Page<AuditEntryDto>>(
        'GET',
        `/audit/${encodeURIComponent(entity)}/${encodeURIComponent(entityId ?? '')}`,
      ),
    enabled: !!entityId,
  });
}
