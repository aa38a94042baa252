import {
  AlertOutlined,
  ApiOutlined,
  AuditOutlined,
  BankOutlined,
  CarOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  FormOutlined,
  FundOutlined,
  MailOutlined,
  MergeCellsOutlined,
  PieChartOutlined,
  ScheduleOutlined,
  SendOutlined,
  ShopOutlined,
  SlidersOutlined,
  SmileOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { lazy, type ReactNode } from 'react';
import type { Permission } from './api/types';
import { knowledgeScreens } from './features/knowledge/screens';

const AccountListPage = lazy(() => import('./features/accounts/list/AccountListPage'));
const AccountPage = lazy(() => import('./features/accounts/detail/AccountPage'));
const DuplicatesPage = lazy(() => import('./features/accounts/duplicates/DuplicatesPage'));
const ImportsPage = lazy(() => import('./features/imports/ImportsPage'));
const ImportWizardPage = lazy(() => import('./features/imports/ImportWizardPage'));
const SegmentationPage = lazy(() => import('./features/analytics/SegmentationPage'));
const ChurnRiskPage = lazy(() => import('./features/analytics/ChurnRiskPage'));
const AnalyticsSettingsPage = lazy(() => import('./features/analytics/SettingsPage'));
// Admin screens are loaded on demand, keeping the first load small for everyone else.
const UsersPage = lazy(() => import('./features/admin/users/UsersPage'));
const ApiKeysPage = lazy(() => import('./features/admin/apikeys/ApiKeysPage'));
const AuditPage = lazy(() => import('./features/admin/audit/AuditPage'));
const OrganizationPage = lazy(() => import('./features/admin/organization/OrganizationPage'));
const OutboxPage = lazy(() => import('./features/notifications/OutboxPage'));

export interface ScreenRoute {
  path: string;
  permission: Permission;
  element: ReactNode;
}

/** A screen with an entry in the menu. */
export interface Screen extends ScreenRoute {
  label:
    | 'nav.users'
    | 'nav.apiKeys'
    | 'nav.audit'
    | 'nav.organization'
    | 'nav.accounts'
    | 'nav.duplicates'
    | 'logisticsNav.shipments'
    | 'logisticsNav.quality'
    | 'logisticsNav.partners'
    | 'knowledge.nav'
    | 'serviceNav.tickets'
    | 'serviceNav.dashboard'
    | 'serviceNav.myDay'
    | 'serviceNav.outbox'
    | 'analyticsNav.segmentation'
    | 'analyticsNav.churn'
    | 'analyticsNav.settings'
    | 'surveysNav.results'
    | 'surveysNav.rules'
    | 'surveysNav.templates';
  /** Routes that belong to the screen but have no menu entry of their own. */
  hidden?: boolean;
  icon: ReactNode;
}

/** The customer master: the account list, duplicates review (menu) and the account 360° page. */
export const customerScreens: Screen[] = [
  {
    path: '/accounts',
    permission: 'accounts.read',
    label: 'nav.accounts',
    icon: <ShopOutlined />,
    element: <AccountListPage />,
  },
  {
    path: '/accounts/duplicates',
    permission: 'accounts.merge',
    label: 'nav.duplicates',
    icon: <MergeCellsOutlined />,
    element: <DuplicatesPage />,
  },
  {
    path: '/analytics',
    permission: 'analytics.read',
    label: 'analyticsNav.segmentation',
    icon: <PieChartOutlined />,
    element: <SegmentationPage />,
  },
  {
    path: '/analytics/churn',
    permission: 'analytics.read',
    label: 'analyticsNav.churn',
    icon: <AlertOutlined />,
    element: <ChurnRiskPage />,
  },
  {
    path: '/analytics/settings',
    permission: 'analytics.read',
    label: 'analyticsNav.settings',
    icon: <SlidersOutlined />,
    element: <AnalyticsSettingsPage />,
  },
];

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
  {
    path: '/admin/outbox',
    permission: 'outbox.read',
    label: 'serviceNav.outbox',
    icon: <MailOutlined />,
    element: <OutboxPage />,
  },
];

const ShipmentsPage = lazy(() => import('./features/shipments/ShipmentsPage'));
const QualityPage = lazy(() => import('./features/quality/QualityPage'));
const PartnersPage = lazy(() => import('./features/partners/PartnersPage'));
const PartnerScorecardPage = lazy(() => import('./features/partners/PartnerScorecardPage'));
const ShipmentDetailPage = lazy(() => import('./features/shipments/ShipmentDetailPage'));
const SurveyResultsPage = lazy(() => import('./features/surveys/SurveyResultsPage'));
const SurveySettingsPage = lazy(() => import('./features/surveys/SurveySettingsPage'));
const TemplateEditorPage = lazy(() => import('./features/surveys/TemplateEditorPage'));

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

/** Satisfaction surveys: results, dispatch rules and templates. */
export const surveyScreens: Screen[] = [
  {
    path: '/surveys',
    permission: 'surveys.read',
    label: 'surveysNav.results',
    icon: <SmileOutlined />,
    element: <SurveyResultsPage />,
  },
  {
    path: '/surveys/rules',
    permission: 'surveys.read',
    label: 'surveysNav.rules',
    icon: <SendOutlined />,
    element: <SurveySettingsPage />,
  },
  {
    path: '/surveys/templates',
    permission: 'surveys.read',
    label: 'surveysNav.templates',
    icon: <FormOutlined />,
    element: <TemplateEditorPage />,
  },
];

const TicketListPage = lazy(() => import('./features/servicedesk/TicketListPage'));
const TicketPage = lazy(() => import('./features/servicedesk/detail/TicketPage'));
const ServiceDeskPage = lazy(() => import('./features/servicedesk/dashboard/ServiceDeskPage'));
const MyDayPage = lazy(() => import('./features/tasks/MyDayPage'));

/** Service desk: tickets and the pages reached from them, in the main menu below logistics. */
export const serviceDeskScreens: Screen[] = [
  {
    path: '/my-day',
    permission: 'tasks.write',
    label: 'serviceNav.myDay',
    icon: <ScheduleOutlined />,
    element: <MyDayPage />,
  },
  {
    path: '/service-desk',
    permission: 'tickets.read',
    label: 'serviceNav.dashboard',
    icon: <FundOutlined />,
    element: <ServiceDeskPage />,
  },
  {
    path: '/tickets',
    permission: 'tickets.read',
    label: 'serviceNav.tickets',
    icon: <CustomerServiceOutlined />,
    element: <TicketListPage />,
  },
  {
    path: '/tickets/:id',
    permission: 'tickets.read',
    label: 'serviceNav.tickets',
    icon: <CustomerServiceOutlined />,
    element: <TicketPage />,
    hidden: true,
  },
];

/** Every guarded route: the menu's screens and the pages reached from them. */
export const screenRoutes: ScreenRoute[] = [
  ...customerScreens,
  ...logisticsScreens,
  ...surveyScreens,
  ...knowledgeScreens,
  ...serviceDeskScreens,
  { path: '/accounts/:id', permission: 'accounts.read', element: <AccountPage /> },
  // Imports are reached from the lists they fill ("Import" on the accounts list).
  { path: '/imports', permission: 'accounts.import', element: <ImportsPage /> },
  { path: '/imports/new/:kind', permission: 'accounts.import', element: <ImportWizardPage /> },
  { path: '/imports/:id', permission: 'accounts.import', element: <ImportWizardPage /> },
  ...adminScreens,
];
