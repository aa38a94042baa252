import {
  ArrowLeftOutlined,
  EditOutlined,
  InboxOutlined,
  MergeCellsOutlined,
  PhoneOutlined,
  RollbackOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import { Alert, App, Breadcrumb, Button, Card, Popconfirm, Skeleton, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../../api/client';
import { LoadError, NotFoundPage } from '../../../components/ErrorPages';
import { AnalyticsBadges } from '../../analytics/AnalyticsBadges';
import { useCan, useCurrentSession } from '../../auth/api';
import { AccountQualityTab } from '../../quality/AccountQualityTab';
import { AccountSurveysTab } from '../../surveys/AccountSurveysTab';
import { InteractionDialog } from '../../tasks/InteractionDialog';
import { type AccountDto, useAccount, useSetArchived } from '../api';
import { AccountFormDrawer } from '../form/AccountFormDrawer';
import { accountName } from '../vocabulary';
import { AccountHeader } from './AccountHeader';
import { ContactsTab } from './ContactsTab';
import { MergePickerDialog } from './MergePickerDialog';
import { NotesTab } from './NotesTab';
import { OwnerDialog } from './OwnerDialog';
import { RequirementsTab } from './RequirementsTab';
import { ActivityTimeline } from './timeline/ActivityTimeline';

/** The account 360° page: header with key figures and actions, then contacts, activity, requirements, notes. */
export default function AccountPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const { user } = useCurrentSession();
  const detail = useAccount(id);
  const archive = useSetArchived();
  const [dialog, setDialog] = useState<'owner' | 'merge' | null>(null);
  // The edit form works on the account as it was when opened; a refetch meanwhile must not reset it.
  const [editing, setEditing] = useState<AccountDto | null>(null);
  const [logging, setLogging] = useState(false);

  if (detail.isPending) return <Skeleton active />;
  if (detail.error) {
    if (isApiError(detail.error, 'NOT_FOUND')) return <NotFoundPage />;
    return <LoadError error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  const { account } = detail.data;
  const merged = !!account.mergedIntoId;
  // The server decides; this only hides buttons a sales rep could not use on someone else's account.
  const mayEdit = can('accounts.write') && !merged && (user.role !== 'sales' || account.ownerId === user.id);
  const mayEditContacts =
    can('contacts.write') && !merged && (user.role !== 'sales' || account.ownerId === user.id);
  const setArchived = (archived: boolean) =>
    archive.mutate(
      { id: account.id, version: account.version, archived },
      {
        onSuccess: () =>
          message.success(archived ? t('accounts.detail.archivedDone') : t('accounts.detail.restoredDone')),
        onError: (e) => message.error(e.message),
      },
    );

  const actions = (
    <>
      {can('interactions.write') && !merged && (
        <Button icon={<PhoneOutlined />} onClick={() => setLogging(true)} data-testid="interaction-add">
          {t('interactions.quickAdd')}
        </Button>
      )}
      {mayEdit && !account.archivedAt && (
        <Button icon={<EditOutlined />} onClick={() => setEditing(account)} data-testid="account-edit">
          {t('accounts.detail.edit')}
        </Button>
      )}
      {can('accounts.assign') && !merged && (
        <Button
          icon={<UserSwitchOutlined />}
          onClick={() => setDialog('owner')}
          data-testid="account-owner-change"
        >
          {t('accounts.detail.changeOwner')}
        </Button>
      )}
      {can('accounts.merge') && !merged && !account.archivedAt && (
        <Button icon={<MergeCellsOutlined />} onClick={() => setDialog('merge')} data-testid="account-merge">
          {t('accounts.merge.action')}
        </Button>
      )}
      {mayEdit &&
        (account.archivedAt ? (
          <Button icon={<RollbackOutlined />} onClick={() => setArchived(false)} loading={archive.isPending}>
            {t('accounts.detail.restore')}
          </Button>
        ) : (
          <Popconfirm
            title={t('accounts.detail.archiveConfirm', { name: accountName(account) })}
            okText={t('common.yes')}
            cancelText={t('common.no')}
            onConfirm={() => setArchived(true)}
          >
            <Button danger icon={<InboxOutlined />} loading={archive.isPending}>
              {t('accounts.detail.archive')}
            </Button>
          </Popconfirm>
        ))}
    </>
  );

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          {
            title: (
              <Link to="/accounts">
                <ArrowLeftOutlined /> {t('accounts.detail.back')}
              </Link>
            ),
          },
          { title: account.code },
        ]}
      />
      {merged ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('accounts.detail.mergedBanner')}
          action={<Link to={`/accounts/${account.mergedIntoId}`}>{t('accounts.detail.openSurvivor')}</Link>}
        />
      ) : (
        account.archivedAt && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('accounts.detail.archivedBanner')}
          />
        )
      )}
      <AccountHeader detail={detail.data} actions={actions} />
      {logging && <InteractionDialog accountId={account.id} onClose={() => setLogging(false)} />}
      {can('analytics.read') && <AnalyticsBadges account={account} />}
      <Card>
        <Tabs
          destroyOnHidden
          items={[
            {
              key: 'contacts',
              label: t('accounts.detail.tabs.contacts'),
              children: <ContactsTab accountId={account.id} editable={mayEditContacts} />,
            },
            {
              key: 'timeline',
              label: t('accounts.detail.tabs.timeline'),
              children: <ActivityTimeline accountId={account.id} />,
            },
            {
              key: 'quality',
              label: t('accountQuality.tab'),
              children: <AccountQualityTab accountId={account.id} mayEdit={mayEdit} />,
            },
            {
              key: 'requirements',
              label: t('accounts.detail.tabs.requirements'),
              children: <RequirementsTab account={account} />,
            },
            {
              key: 'notes',
              label: t('accounts.detail.tabs.notes'),
              children: <NotesTab accountId={account.id} canWrite={can('contacts.write') && !merged} />,
            },
            ...(can('surveys.read')
              ? [
                  {
                    key: 'surveys',
                    label: t('surveys.tab'),
                    children: <AccountSurveysTab accountId={account.id} />,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <AccountFormDrawer open={!!editing} account={editing ?? undefined} onClose={() => setEditing(null)} />
      {dialog === 'owner' && <OwnerDialog account={account} open onClose={() => setDialog(null)} />}
      <MergePickerDialog survivor={account} open={dialog === 'merge'} onClose={() => setDialog(null)} />
    </>
  );
}
