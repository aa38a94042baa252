import {
  ApiOutlined,
  AuditOutlined,
  BankOutlined,
  CarOutlined,
  DashboardOutlined,
  ShopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { lazy, type ReactNode } from 'react';
import type { Permission } from './api/types';

// Admin screens are loaded on demand, keeping the first load small for everyone else.
const UsersPage = lazy(() => import('./features/admin/users/UsersPage'));
const ApiKeysPage = lazy(() => import('./features/admin/apikeys/ApiKeysPage'));
const AuditPage = lazy(() => import('./features/admin/audit/AuditPage'));
const OrganizationPage = lazy(() => import('./features/admin/organization/OrganizationPage'));

export interface Screen {
  path: string;
  permission: Permission;
  label:
    | 'nav.users'
    | 'nav.apiKeys'
    | 'nav.audit'
    | 'nav.organization'
    | 'logisticsNav.shipments'
    | 'logisticsNav.quality'
    | 'logisticsNav.partners';
  /** Routes that belong to the screen but have no menu entry of their own. */
  hidden?: boolean;
  icon: ReactNode;
  element: ReactNode;
}

/** Every administration screen with the permission that opens it; routes and menu both come from here. */
export const adminScreens: Screen[] = [
  {
    path: '/admin/users',
    permission: 'users.read',
    label: 'nav.users',
    icon: <TeamOutlined />,
    element: <UsersPage />,
  },
  {
    path: '/admin/api-keys',
    permission: 'apikeys.manage',
    label: 'nav.apiKeys',
    icon: <ApiOutlined />,
    element: <ApiKeysPage />,
  },
  {
    path: '/admin/audit',
    permission: 'audit.search',
    label: 'nav.audit',
    icon: <AuditOutlined />,
    element: <AuditPage />,
  },
  {
    path: '/admin/organization',
    permission: 'org.read',
    label: 'nav.organization',
    icon: <BankOutlined />,
    element: <OrganizationPage />,
  },
];

const ShipmentsPage = lazy(() => import('./features/shipments/ShipmentsPage'));
const QualityPage = lazy(() => import('./features/quality/QualityPage'));
const PartnersPage = lazy(() => import('./features/partners/PartnersPage'));
const PartnerScorecardPage = lazy(() => import('./features/partners/PartnerScorecardPage'));
const ShipmentDetailPage = lazy(() => import('./features/shipments/ShipmentDetailPage'));

/** Logistics screens (shipments, service quality, partners), in the main menu above administration. */
export const logisticsScreens: Screen[] = [
  {
    path: '/quality',
    permission: 'shipments.read',
    label: 'logisticsNav.quality',
    icon: <DashboardOutlined />,
    element: <QualityPage />,
  },
  {
    path: '/shipments',
    permission: 'shipments.read',
    label: 'logisticsNav.shipments',
    icon: <CarOutlined />,
    element: <ShipmentsPage />,
  },
  {
    path: '/shipments/:id',
    permission: 'shipments.read',
    label: 'logisticsNav.shipments',
    icon: <CarOutlined />,
    element: <ShipmentDetailPage />,
    hidden: true,
  },
  {
    path: '/partners',
    permission: 'partners.read',
    label: 'logisticsNav.partners',
    icon: <ShopOutlined />,
    element: <PartnersPage />,
  },
  {
    path: '/partners/:id',
    permission: 'partners.read',
    label: 'logisticsNav.partners',
    icon: <ShopOutlined />,
    element: <PartnerScorecardPage />,
    hidden: true,
  },
];
