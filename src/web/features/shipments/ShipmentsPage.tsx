import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Flex, Input, Select, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { TRANSPORT_MODE_LABELS } from '../../../shared/customers/labels';
import { SHIPMENT_STATUSES, TRANSPORT_MODES } from '../../../shared/shipments';
import type { Locale } from '../../api/types';
import { useFormatDateTime } from '../../components/format';
import { Pager } from '../../components/Pager';
import { useCursorPager } from '../../components/useCursorPager';
import { useCan } from '../auth/api';
import { FILTER_KEYS, type ShipmentDto, type ShipmentFilters, useShipments } from './api';
import { AccountLink, AccountSelect, CarrierName, CarrierSelect, OnTimeTag } from './Lookups';
import { STATUS_COLOR } from './labels';

function readFilters(params: URLSearchParams): ShipmentFilters {
  const f: Record<string, string> = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v) f[k] = v;
  }
  return f as ShipmentFilters;
}

/** Shipments with filters kept in the URL, so a number on the dashboard can open "the shipments behind it". */
export default function ShipmentsPage() {
  const { t, i18n } = useTranslation();
  const fmt = useFormatDateTime();
  const [params, setParams] = useSearchParams();
  const can = useCan();
  const filters = readFilters(params);
  const pager = useCursorPager();
  const key = params.toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter starts from the first page
  useEffect(() => pager.reset(), [key]);
  const list = useShipments(filters, pager.cursor);
  const locale = i18n.language as Locale;

  const set = (patch: Partial<Record<keyof ShipmentFilters, string | undefined>>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
  };

  const range =
    filters.from && filters.to
      ? ([dayjs(filters.from), dayjs(filters.to).subtract(1, 'day')] as [dayjs.Dayjs, dayjs.Dayjs])
      : null;

  return (
    <Card
      title={t('shipments.title')}
      extra={
        can('shipments.import') && (
          <Link to="/imports/new/shipments">
            <Button icon={<UploadOutlined />} data-testid="shipments-import">
              {t('imports.heading.shipments')}
            </Button>
          </Link>
        )
      }
    >
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          data-testid="filter-waybill"
          placeholder={t('shipments.searchWaybill')}
          defaultValue={filters.waybill}
          onSearch={(v) => set({ waybill: v.trim() || undefined })}
          style={{ width: 220 }}
        />
        <Select
          allowClear
          data-testid="filter-status"
          placeholder={t('shipments.status')}
          style={{ minWidth: 140 }}
          value={filters.status}
          onChange={(v) => set({ status: v })}
          options={SHIPMENT_STATUSES.map((s) => ({ value: s, label: t(`shipmentStatus.${s}`) }))}
        />
        <Select
          allowClear
          data-testid="filter-mode"
          placeholder={t('shipments.mode')}
          style={{ minWidth: 140 }}
          value={filters.mode}
          onChange={(v) => set({ mode: v })}
          options={TRANSPORT_MODES.map((m) => ({ value: m, label: TRANSPORT_MODE_LABELS[m][locale] }))}
        />
        <CarrierSelect value={filters.carrierId} onChange={(v) => set({ carrierId: v })} />
        <AccountSelect value={filters.accountId} onChange={(v) => set({ accountId: v })} />
        <Select
          data-testid="filter-date-field"
          style={{ minWidth: 130 }}
          value={filters.dateField ?? 'booked'}
          onChange={(v) => set({ dateField: v === 'booked' ? undefined : v })}
          options={[
            { value: 'booked', label: t('shipments.bookedIn') },
            { value: 'delivered', label: t('shipments.deliveredIn') },
          ]}
        />
        <DatePicker.RangePicker
          value={range}
          onChange={(r) =>
            set({
              from: r?.[0]?.format('YYYY-MM-DD'),
              to: r?.[1]?.add(1, 'day').format('YYYY-MM-DD'),
            })
          }
        />
      </Flex>
      {(filters.outcome || filters.origin || filters.destination) && (
        <Flex gap={8} style={{ marginBottom: 12 }} data-testid="drill-filters">
          {filters.outcome && (
            <Tag closable color="red" onClose={() => set({ outcome: undefined, rule: undefined })}>
              {t(`shipments.outcome.${filters.outcome}`)}
              {filters.rule ? ` · ${t(`quality.rule.${filters.rule}`)}` : ''}
            </Tag>
          )}
          {(filters.origin || filters.destination) && (
            <Tag closable onClose={() => set({ origin: undefined, destination: undefined })}>
              {filters.origin ?? '*'} → {filters.destination ?? '*'}
            </Tag>
          )}
        </Flex>
      )}
      {list.error && (
        <Alert type="error" showIcon message={list.error.message} style={{ marginBottom: 12 }} />
      )}
      <Table<ShipmentDto>
        rowKey="id"
        size="middle"
        data-testid="shipments-table"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 1100 }}
        columns={[
          {
            title: t('shipments.waybill'),
            dataIndex: 'waybill',
            render: (w: string, s) => <Link to={`/shipments/${s.id}`}>{w}</Link>,
          },
          {
            title: t('shipments.status'),
            dataIndex: 'status',
            render: (_: string, s) => (
              <Tag color={STATUS_COLOR[s.status]}>{t(`shipmentStatus.${s.status}`)}</Tag>
            ),
          },
          {
            title: t('shipments.mode'),
            dataIndex: 'mode',
            render: (m: ShipmentDto['mode']) => TRANSPORT_MODE_LABELS[m]?.[locale] ?? m,
          },
          { title: t('shipments.route'), render: (_, s) => `${s.origin} → ${s.destination}` },
          { title: t('shipments.carrier'), render: (_, s) => <CarrierName id={s.carrierId} /> },
          { title: t('shipments.account'), render: (_, s) => <AccountLink id={s.accountId} /> },
          { title: t('shipments.bookedAt'), render: (_, s) => fmt(s.bookedAt) },
          {
            title: t('shipments.promised'),
            render: (_, s) => (s.promisedAt ? fmt(s.promisedAt) : (s.promisedDate ?? t('common.none'))),
          },
          {
            title: t('shipments.deliveredAt'),
            render: (_, s) => (
              <Flex gap={4} wrap>
                {fmt(s.deliveredAt)}
                <OnTimeTag s={s} />
              </Flex>
            ),
          },
        ]}
      />
      <Pager pager={pager} nextCursor={list.data?.nextCursor} loading={list.isFetching} />
    </Card>
  );
}
