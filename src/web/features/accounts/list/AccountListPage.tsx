import { DownloadOutlined, FilterOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Badge, Button, Flex, Input, Segmented, Space, Table, Typography } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { LoadError } from '../../../components/ErrorPages';
import { useFormatDateTime } from '../../../components/format';
import { Pager } from '../../../components/Pager';
import { SavedViews } from '../../../components/SavedViews';
import { useCursorPager } from '../../../components/useCursorPager';
import { useDebounced } from '../../../components/useDebounced';
import { useCan } from '../../auth/api';
import { type AccountListItem, exportUrl, useAccounts } from '../api';
import { AccountFormDrawer } from '../form/AccountFormDrawer';
import { StatusTag, TierTag } from '../vocabulary';
import { AccountFilterPanel } from './AccountFilterPanel';
import {
  type AccountFilters,
  type AccountSort,
  compactFilters,
  countFilters,
  filtersFromSearch,
  filtersFromView,
  filtersToSearch,
} from './filters';
import { SegmentTasksButton } from './SegmentTasksButton';

const SORTABLE: Record<string, AccountSort> = { code: 'code', name: 'name', updatedAt: 'updatedAt' };

export default function AccountListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const fmt = useFormatDateTime();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFromSearch(searchParams);
  const pager = useCursorPager();
  const query = useAccounts(filters, pager.cursor);
  const [filtersOpen, setFiltersOpen] = useState(countFilters(filters) > 0);
  const [creating, setCreating] = useState(false);
  const [text, setText] = useState(filters.q ?? '');
  const typed = useDebounced(text.trim(), 350);

  // Each change starts from the URL as it is now, not as it was at the last render: the router
  // re-renders in a transition, and two quick changes (clear the filters, then pick "archived") must
  // not undo each other.
  const setFilters = (update: (current: AccountFilters) => AccountFilters) => {
    const current = filtersFromSearch(new URLSearchParams(window.location.search));
    setSearchParams(filtersToSearch(update(current)), { replace: true });
    pager.reset();
  };

  // The search box follows the URL (a saved view, the back button) and writes to it while typing.
  useEffect(() => setText(filters.q ?? ''), [filters.q]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the typed text settles, nothing else
  useEffect(() => {
    if (typed !== (filters.q ?? '')) setFilters((f) => ({ ...f, q: typed || undefined }));
  }, [typed]);

  const sortOrder = (key: AccountSort): SortOrder =>
    (filters.sort ?? 'updatedAt') === key
      ? (filters.order ?? 'desc') === 'asc'
        ? 'ascend'
        : 'descend'
      : null;
  const activeFilters = countFilters(filters);

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('accounts.title')}
        </Typography.Title>
        <Space wrap>
          {can('accounts.import') && (
            <Link to="/imports">
              <Button icon={<UploadOutlined />} data-testid="accounts-import">
                {t('accounts.import')}
              </Button>
            </Link>
          )}
          {can('accounts.export') && (
            <>
              <Button icon={<DownloadOutlined />} href={exportUrl(filters, 'csv')} data-testid="export-csv">
                {t('accounts.exportCsv')}
              </Button>
              <Button icon={<DownloadOutlined />} href={exportUrl(filters, 'xlsx')} data-testid="export-xlsx">
                {t('accounts.exportXlsx')}
              </Button>
            </>
          )}
          {activeFilters > 0 && <SegmentTasksButton filters={filters} />}
          {can('accounts.write') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="account-create"
            >
              {t('accounts.create')}
            </Button>
          )}
        </Space>
      </Flex>
      <Flex wrap gap={8} align="center" style={{ margin: '16px 0' }}>
        <Input.Search
          allowClear
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => setFilters((f) => ({ ...f, q: v.trim() || undefined }))}
          placeholder={t('accounts.searchPlaceholder')}
          style={{ width: 420, maxWidth: '100%' }}
          data-testid="account-search"
        />
        <Badge count={activeFilters} size="small">
          <Button
            icon={<FilterOutlined />}
            onClick={() => setFiltersOpen(!filtersOpen)}
            data-testid="filters-toggle"
          >
            {t('accounts.filters')}
          </Button>
        </Badge>
        <Segmented
          value={filters.archived ?? 'false'}
          onChange={(v) => setFilters((f) => ({ ...f, archived: v === 'false' ? undefined : v }))}
          options={(['false', 'true', 'all'] as const).map((v) => ({
            value: v,
            label: t(`accounts.archived.${v}`),
          }))}
        />
        <SavedViews
          list="accounts"
          texts="accounts.views"
          filters={filters}
          onApply={(view) => setFilters(() => view)}
          toQuery={compactFilters}
          fromQuery={filtersFromView}
        />
      </Flex>
      {filtersOpen && <AccountFilterPanel filters={filters} onChange={setFilters} />}
      {query.error ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<AccountListItem>
          rowKey="id"
          data-testid="accounts-table"
          loading={query.isFetching}
          dataSource={query.data?.items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('accounts.empty') }}
          showSorterTooltip={false}
          onRow={(r) => ({ onClick: () => navigate(`/accounts/${r.id}`), style: { cursor: 'pointer' } })}
          onChange={(_p, _f, sorter) => {
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            const sort = SORTABLE[String(s?.columnKey)];
            if (!sort) return;
            // Clicking the sorted column again flips it: the list always has an order.
            setFilters((f) => {
              const flipped = (f.order ?? 'desc') === 'asc' ? 'desc' : 'asc';
              return { ...f, sort, order: s.order ? (s.order === 'ascend' ? 'asc' : 'desc') : flipped };
            });
          }}
          columns={[
            {
              key: 'code',
              title: t('accounts.columns.code'),
              dataIndex: 'code',
              sorter: true,
              sortOrder: sortOrder('code'),
            },
            {
              key: 'name',
              title: t('accounts.columns.name'),
              sorter: true,
              sortOrder: sortOrder('name'),
              render: (_, a) => (
                <Link to={`/accounts/${a.id}`} onClick={(e) => e.stopPropagation()}>
                  <div>{a.nameZh ?? a.nameEn}</div>
                  {a.nameZh && a.nameEn && <Typography.Text type="secondary">{a.nameEn}</Typography.Text>}
                </Link>
              ),
            },
            {
              key: 'statusTier',
              title: t('accounts.columns.statusTier'),
              render: (_, a) => (
                <Space size={4} wrap>
                  <StatusTag status={a.status} />
                  <TierTag tier={a.tier} />
                  {a.archivedAt && (
                    <Typography.Text type="secondary">{t('accounts.archived.true')}</Typography.Text>
                  )}
                </Space>
              ),
            },
            {
              key: 'owner',
              title: t('accounts.columns.owner'),
              render: (_, a) =>
                a.ownerName ?? <Typography.Text type="secondary">{t('accounts.owner.none')}</Typography.Text>,
            },
            {
              key: 'city',
              title: t('accounts.columns.city'),
              render: (_, a) => [a.province, a.city].filter(Boolean).join(' · ') || t('common.none'),
            },
            {
              key: 'contact',
              title: t('accounts.columns.primaryContact'),
              render: (_, a) =>
                a.primaryContactName ? (
                  <>
                    <div>{a.primaryContactName}</div>
                    <Typography.Text type="secondary">{a.primaryContactMobile}</Typography.Text>
                  </>
                ) : (
                  t('common.none')
                ),
            },
            {
              key: 'updatedAt',
              title: t('accounts.columns.updated'),
              dataIndex: 'updatedAt',
              sorter: true,
              sortOrder: sortOrder('updatedAt'),
              render: (v: string) => fmt(v),
            },
          ]}
        />
      )}
      <Pager pager={pager} nextCursor={query.data?.nextCursor} loading={query.isFetching} />
      <AccountFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(id) => navigate(`/accounts/${id}`)}
      />
    </>
  );
}
