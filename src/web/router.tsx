import { Spin } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import type { Permission } from './api/types';
import { AppLayout } from './components/AppLayout';
import { ForbiddenPage, NotFoundPage } from './components/ErrorPages';
import { useCan } from './features/auth/api';
import { LoginPage } from './features/auth/LoginPage';
import { RequireSession } from './features/auth/RequireSession';
import { HomePage } from './features/home/HomePage';
import { screenRoutes } from './screens';

const TrackingPage = lazy(() => import('./features/tracking/TrackingPage'));

function Guard({ permission, children }: { permission: Permission; children: ReactNode }) {
  const can = useCan();
  if (!can(permission)) return <ForbiddenPage />;
  return <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>{children}</Suspense>;
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/track/:waybill?',
    element: (
      <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>
        <TrackingPage />
      </Suspense>
    ),
  },
  {
    path: '/',
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    children: [
      { index: true, element: <HomePage /> },
      ...screenRoutes.map((s) => ({
        path: s.path,
        element: <Guard permission={s.permission}>{s.element}</Guard>,
      })),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
