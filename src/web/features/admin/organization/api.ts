import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { queryKeys } from '../../../api/keys';
import type { OrganizationDto, OrganizationSettings } from '../../../api/types';

export function useOrganization(enabled = true) {
  return useQuery({
    queryKey: queryKeys.organization,
    queryFn: () => api<OrganizationDto>('GET', '/organization'),
    enabled,
  });
}

export interface OrganizationPatch {
  version: number;
  name?: string;
  settings?: Partial<OrganizationSettings>;
}

export function useUpdateOrganization() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: OrganizationPatch) => api<OrganizationDto>('PATCH', '/organization', patch),
    onSuccess: (org) => qc.setQueryData(queryKeys.organization, org),
  });
}
