import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  SEVERITIES,
  TICKET_CATEGORIES,
  TICKET_KINDS,
  TICKET_STATUSES,
} from '../../../shared/servicedesk/enums';
import { useFormatDateTime } from '../../components/format';
import { Pager } from '../../components/Pager';
import { SavedViews } from '../../components/SavedViews';
import { useCursorPager } from '../../components/useCursorPager';
import { useCan } from '../auth/api';
import { AccountLink, AccountSelect } from '../shipments/Lookups';
import { AssigneeSelect } from './AssigneeSelect';
import { type TicketDto, useTeams, useTickets } from './api';
import { readTicketFilters, TICKET_FILTER_KEYS, type TicketFilters } from './filters';
import { SEVERITY_COLOR, TICKET_STATUS_COLOR } from './labels';
import { NewTicketDialog } from './NewTicketDialog';
import { SlaBadge } from './SlaBadge';

/** Tickets with server-side filters and paging; the filters live in the URL and in saved views. */
export default function TicketListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const fmt = useFormatDateTime();
  const [params, setParams] = useSearchParams();
  const filters = readTicketFilters((k) => params.get(k));
  const pager = useCursorPager();
  const key = params.toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter starts from the first page
  useEffect(() => pager.reset(), [key]);
  const list = useTickets(filters, pager.cursor);
  const teams = useTeams();
  const [creating, setCreating] = useState(false);

  const replace = (f: TicketFilters) => {
    const next = new URLSearchParams();
    for (const k of TICKET_FILTER_KEYS) if (f[k]) next.set(k, f[k] as string);
    setParams(next);
  };
  const set = (patch: Partial<Record<keyof TicketFilters, string | undefined>>) =>
    replace({ ...filters, ...patch } as TicketFilters);
  const pick = <K extends string>(
    name: keyof TicketFilters,
    values: readonly K[],
    label: (v: K) => string,
  ) => (
    <Select
      allowClear
      data-testid={`ticket-filter-${name}`}
      placeholder={t(`tickets.${name as 'status'}`)}
      style={{ minWidth: 130 }}
      value={filters[name]}
      onChange={(v) => set({ [name]: v })}
      options={values.map((v) => ({ value: v, label: label(v) }))}
    />
  );

  return (
    <Card
      title={t('tickets.title')}
      extra={
        can('tickets.write') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="ticket-new"
          >
            {t('tickets.new')}
          </Button>
        )
      }
    >
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          key={filters.q ?? ''}
          data-testid="ticket-search"
          placeholder={t('tickets.search')}
          defaultValue={filters.q}
          onSearch={(v) => set({ q: v.trim() || undefined })}
          style={{ width: 220 }}
        />
        <Select
          allowClear
          data-testid="ticket-filter-open"
          placeholder={t('tickets.openOnly')}
          style={{ minWidth: 120 }}
          value={filters.open}
          onChange={(v) => set({ open: v })}
          options={[
            { value: 'true', label: t('tickets.openOnly') },
            { value: 'false', label: t('ticketStatus.closed') },
          ]}
        />
        {pick('status', TICKET_STATUSES, (s) => t(`ticketStatus.${s}`))}
        {pick('kind', TICKET_KINDS, (s) => t(`ticketKind.${s}`))}
        {pick('category', TICKET_CATEGORIES, (s) => t(`ticketCategory.${s}`))}
        {pick('severity', SEVERITIES, (s) => t(`ticketSeverity.${s}`))}
        {pick('breached', ['true', 'false'] as const, (s) =>
          s === 'true' ? t('tickets.breached') : t('tickets.notBreached'),
        )}
        <AssigneeSelect
          testId="ticket-filter-assignee"
          value={filters.assigneeId}
          onChange={(v) => set({ assigneeId: v })}
          extra={[
            { value: 'me', label: t('tickets.me') },
            { value: 'none', label: t('tickets.unassigned') },
          ]}
        />
        <Select
          allowClear
          data-testid="ticket-filter-team"
          placeholder={t('tickets.team')}
          style={{ minWidth: 140 }}
          value={filters.teamId}
          onChange={(v) => set({ teamId: v })}
          options={(teams.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))}
        />
        <AccountSelect value={filters.accountId} onChange={(v) => set({ accountId: v })} />
        <SavedViews
          list="tickets"
          texts="tickets.views"
          testIdPrefix="ticket-"
          filters={filters}
          onApply={replace}
          onClear={() => replace({})}
          toQuery={(f) => ({ ...readTicketFilters((k) => f[k as keyof TicketFilters]) })}
          fromQuery={(q) => readTicketFilters((k) => q[k])}
        />
      </Flex>
      {list.error && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 12 }} />}
      <Table<TicketDto>
        rowKey="id"
        size="middle"
        data-testid="tickets-table"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('tickets.empty') }}
        scroll={{ x: 1200 }}
        columns={[
          {
            title: t('tickets.number'),
            dataIndex: 'number',
            render: (n: string, r) => <Link to={`/tickets/${r.id}`}>{n}</Link>,
          },
          {
            title: t('tickets.subject'),
            dataIndex: 'subject',
            render: (s: string, r) => (
              <Flex vertical>
                <Typography.Text ellipsis style={{ maxWidth: 280 }}>
                  {s}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`ticketKind.${r.kind}`)} · {t(`ticketCategory.${r.category}`)}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            title: t('tickets.status'),
            render: (_, r) => (
              <Tag color={TICKET_STATUS_COLOR[r.status]}>{t(`ticketStatus.${r.status}`)}</Tag>
            ),
          },
          {
            title: t('tickets.severity'),
            render: (_, r) => (
              <Tag color={SEVERITY_COLOR[r.severity]}>{t(`ticketSeverity.${r.severity}`)}</Tag>
            ),
          },
          { title: t('tickets.slaState'), render: (_, r) => <SlaBadge ticket={r} /> },
          { title: t('tickets.account'), render: (_, r) => <AccountLink id={r.accountId} /> },
          { title: t('tickets.assignee'), render: (_, r) => r.assigneeName ?? t('tickets.unassigned') },
          { title: t('tickets.createdAt'), render: (_, r) => fmt(r.createdAt) },
        ]}
      />
      <Pager pager={pager} nextCursor={list.data?.nextCursor} loading={list.isFetching} />
      {creating && <NewTicketDialog onClose={() => setCreating(false)} />}
    </Card>
  );
}
