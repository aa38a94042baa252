import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError, setCsrfToken } from '../../api/client';
import { queryKeys } from '../../api/keys';
import type { Locale, Permission, SessionDto, UserDto } from '../../api/types';
import { changeLocale, currentLocale } from '../../i18n';

let sessionExpired = false;

export function markSessionExpired(): void {
  sessionExpired = true;
}

/** Whether the last session ended by expiring (read once, by the login page). */
export function takeSessionExpired(): boolean {
  const was = sessionExpired;
  sessionExpired = false;
  return was;
}

async function fetchSession(): Promise<SessionDto | null> {
  try {
    const session = await api<SessionDto>('GET', '/auth/me');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (e) {
    if (isApiError(e, 'UNAUTHENTICATED')) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

/** The signed-in session, or null when nobody is signed in. */
export function useSession() {
  return useQuery({ queryKey: queryKeys.me, queryFn: fetchSession, staleTime: Number.POSITIVE_INFINITY });
}

/** The session of a page inside the authenticated layout, where it is known to exist. */
export function useCurrentSession(): SessionDto {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentSession used outside the signed-in layout');
  return data;
}

export function useCan(): (permission: Permission) => boolean {
  const { data } = useSession();
  return useCallback((p: Permission) => data?.permissions.includes(p) ?? false, [data]);
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => api<SessionDto>('POST', '/auth/login', body),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      qc.setQueryData(queryKeys.me, session);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('POST', '/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.me[0] });
      qc.setQueryData(queryKeys.me, null);
    },
  });
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api<void>('POST', '/auth/password', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.me }),
  });
}

/** Saves the user's language to the profile and keeps the cached session in step. */
export function useSaveProfileLocale() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (locale: Locale) => api<{ user: UserDto }>('PATCH', '/auth/me', { locale }),
    onSuccess: ({ user }) =>
      qc.setQueryData<SessionDto | null>(queryKeys.me, (s) => (s ? { ...s, user } : s)),
  });
}

/** The current language and a setter that remembers it locally and, when signed in, in the profile. */
export function useLanguage(): { locale: Locale; setLocale: (l: Locale) => void } {
  useTranslation(); // re-render on language change
  const { data: session } = useSession();
  const save = useSaveProfileLocale();
  const setLocale = useCallback(
    (locale: Locale) => {
      void changeLocale(locale);
      if (session && session.user.locale !== locale) save.mutate(locale);
    },
    [session, save],
  );
  return { locale: currentLocale(), setLocale };
}
