import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AttachmentDto } from '../../../../shared/servicedesk/attachmentSchemas';
import { api, withQuery } from '../../../api/client';

export type { AttachmentDto };

export const attachmentKeys = {
  list: (ticketId: string) => ['tickets', ticketId, 'attachments'] as const,
};

const base = (ticketId: string) => `/tickets/${encodeURIComponent(ticketId)}/attachments`;

/** Where the browser downloads an attachment (the session cookie authenticates it). */
export const attachmentUrl = (ticketId: string, attachmentId: string) =>
  `/api/v1${base(ticketId)}/${encodeURIComponent(attachmentId)}`;

export function useAttachments(ticketId: string) {
  return useQuery({
    queryKey: attachmentKeys.list(ticketId),
    queryFn: () => api<{ items: AttachmentDto[] }>('GET', base(ticketId)),
  });
}

/** Uploads one file as the raw body; the server checks its size, type and content. */
export function useAttachFile(ticketId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, eventId }: { file: File; eventId?: number }) =>
      api<AttachmentDto>('POST', withQuery(base(ticketId), { fileName: file.name, eventId }), file),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['tickets', ticketId] });
    },
  });
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
