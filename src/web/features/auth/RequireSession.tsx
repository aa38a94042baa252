import { Spin } from 'antd';
import { type ReactNode, useEffect, useRef } from 'react';
import { Navigate, useLocation } from 'react-router';
import { LoadError } from '../../components/ErrorPages';
import { changeLocale, currentLocale, storedLocale } from '../../i18n';
import { useSaveProfileLocale, useSession } from './api';
import { ChangePasswordDialog } from './ChangePasswordDialog';

/**
 * Renders its children only with a session; otherwise sends the visitor to the login page and back.
 * Also reconciles the language: a choice made on this device wins and is saved to the profile;
 * without one, the profile's language applies.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const { data: session, isPending, error, refetch } = useSession();
  const location = useLocation();
  const saveLocale = useSaveProfileLocale();
  const syncedFor = useRef<string | null>(null);
  const user = session?.user;

  useEffect(() => {
    if (!user || syncedFor.current === user.id) return;
    syncedFor.current = user.id;
    const chosen = storedLocale();
    if (!chosen) {
      if (user.locale !== currentLocale()) void changeLocale(user.locale, false);
    } else if (chosen !== user.locale) {
      saveLocale.mutate(chosen);
    }
  }, [user, saveLocale]);

  if (isPending) return <Spin size="large" style={{ display: 'block', marginTop: '30vh' }} />;
  if (error) return <LoadError error={error} onRetry={() => void refetch()} />;
  if (!session) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return (
    <>
      {children}
      {session.user.mustChangePassword && <ChangePasswordDialog open forced onClose={() => {}} />}
    </>
  );
}
