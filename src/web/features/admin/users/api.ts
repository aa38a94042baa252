import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../../api/client';
import { queryKeys } from '../../../api/keys';
import type { Locale, Page, Role, UserDto } from '../../../api/types';

export interface UserListParams {
  q?: string;
  role?: Role;
  active?: boolean;
  cursor?: string | null;
}

export const USERS_PAGE_SIZE = 50;

export function useUsers(params: UserListParams) {
  return useQuery({
    queryKey: queryKeys.users.list(params),
    queryFn: () => api<Page<UserDto>>('GET', withQuery('/users', { limit: USERS_PAGE_SIZE, ...params })),
    placeholderData: keepPreviousData,
  });
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  locale?: Locale;
  password: string;
}

export interface UserPatch {
  version: number;
  name?: string;
  role?: Role;
  locale?: Locale;
  active?: boolean;
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NewUser) => api<UserDto>('POST', '/users', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.users.all }),
  });
}

export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: UserPatch & { id: string }) =>
      api<UserDto>('PATCH', `/users/${id}`, patch),
    onSettled: async () => {
      await qc.invalidateQueries({ queryKey: queryKeys.users.all });
      await qc.invalidateQueries({ queryKey: queryKeys.me }); // in case one edited oneself
    },
  });
}

export function useResetPassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, newPassword }: { id: string; newPassword: string }) =>
      api<void>('POST', `/users/${id}/reset-password`, { newPassword }),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.users.all }),
  });
}
