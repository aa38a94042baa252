import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { queryKeys } from '../../../api/keys';
import type { ApiKeyDto, CreatedApiKey, Role } from '../../../api/types';

export function useApiKeys() {
  return useQuery({
    queryKey: queryKeys.apiKeys,
    queryFn: () => api<{ items: ApiKeyDto[] }>('GET', '/api-keys'),
  });
}

export function useCreateApiKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; role: Role }) => api<CreatedApiKey>('POST', '/api-keys', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.apiKeys }),
  });
}

export function useRevokeApiKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `/api-keys/${id}`),
    onSettled: () => qc.invalidateQueries({ queryKey: queryKeys.apiKeys }),
  });
}
