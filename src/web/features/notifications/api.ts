import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client';
import type { Page } from '../../api/types';

export interface NotificationDto {
  id: string;
  kind: string;
  title: string;
  body: string;
  data: Record<string, string>;
  readAt: string | null;
  createdAt: string;
}
export interface NotificationPreference {
  kind: string;
  inApp: boolean;
  email: boolean;
}
export type OutboxStatus = 'pending' | 'sent' | 'dead' | 'not_configured' | 'logged';
export interface OutboxMessage {
  id: string;
  channel: string;
  recipient: string;
  subject: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string;
  createdAt: string;
  sentAt: string | null;
}

const keys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread'] as const,
  list: ['notifications', 'list'] as const,
  preferences: ['notifications', 'preferences'] as const,
  outbox: (status: string) => ['outbox', status] as const,
};

/** The bell's number; polled so new notifications show without a reload. */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: keys.unread,
    queryFn: () => api<{ unread: number }>('GET', '/notifications/unread-count'),
    refetchInterval: 30_000,
    enabled,
  });
}

export function useNotifications(enabled: boolean) {
  return useQuery({
    queryKey: keys.list,
    queryFn: () => api<Page<NotificationDto> & { unread: number }>('GET', '/notifications?limit=20'),
    enabled,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[] | 'all') =>
      api<{ marked: number; unread: number }>('POST', '/notifications/read', { ids }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }),
  });
}

export function usePreferences(enabled: boolean) {
  return useQuery({
    queryKey: keys.preferences,
    queryFn: () => api<{ items: NotificationPreference[] }>('GET', '/notifications/preferences'),
    enabled,
  });
}

export function useSavePreferences() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (items: NotificationPreference[]) =>
      api<void>('PUT', '/notifications/preferences', { items }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.preferences }),
  });
}

export function useOutbox(status: OutboxStatus | 'all') {
  return useQuery({
    queryKey: keys.outbox(status),
    queryFn: () =>
      api<{ items: OutboxMessage[] }>(
        'GET',
        withQuery('/outbox', { status: status === 'all' ? undefined : status, limit: 200 }),
      ),
  });
}

export function useRetryOutbox() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<{ retried: boolean }>('POST', `/outbox/${id}/retry`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['outbox'] }),
  });
}
