import { Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../auth/api';
import { accountLabel, type ShipmentDto, useAccountRef, useAccountSearch, useCarriers } from './api';

/** Picks an account by code or name (search on the server). */
export function AccountSelect({ value, onChange }: { value?: string; onChange: (v?: string) => void }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const [q, setQ] = useState('');
  const allowed = can('accounts.read');
  const found = useAccountSearch(q, allowed);
  const current = useAccountRef(value, allowed);
  const zh = i18n.language === 'zh-CN';
  const options = (found.data?.items ?? []).map((a) => ({ value: a.id, label: accountLabel(a, zh) }));
  if (value && current.data && !options.some((o) => o.value === value))
    options.unshift({ value, label: accountLabel(current.data, zh) });
  return (
    <Select
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      disabled={!allowed}
      data-testid="filter-account"
      placeholder={t('shipments.account')}
      style={{ minWidth: 200 }}
      value={value}
      onChange={(v) => onChange(v ?? undefined)}
      options={options}
      loading={found.isFetching}
    />
  );
}

export function CarrierSelect({ value, onChange }: { value?: string; onChange: (v?: string) => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const carriers = useCarriers(can('partners.read'));
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      data-testid="filter-carrier"
      placeholder={t('shipments.carrier')}
      style={{ minWidth: 160 }}
      value={value}
      onChange={(v) => onChange(v ?? undefined)}
      options={(carriers.data?.items ?? []).map((p) => ({ value: p.id, label: p.code }))}
    />
  );
}

export function CarrierName({ id }: { id: string | null }) {
  const can = useCan();
  const carriers = useCarriers(can('partners.read'));
  if (!id) return <Typography.Text type="secondary">—</Typography.Text>;
  const p = carriers.data?.items.find((c) => c.id === id);
  return can('partners.read') ? <Link to={`/partners/${id}`}>{p?.code ?? id.slice(0, 8)}</Link> : p?.code;
}

export function AccountLink({ id }: { id: string }) {
  const { i18n } = useTranslation();
  const can = useCan();
  const ref = useAccountRef(id, can('accounts.read'));
  const label = ref.data ? accountLabel(ref.data, i18n.language === 'zh-CN') : id.slice(0, 8);
  return <Link to={`/accounts/${id}`}>{label}</Link>;
}

/** On time or late for a delivered shipment: against the promised time, else the promised day. */
export function OnTimeTag({ s }: { s: ShipmentDto }) {
  const { t } = useTranslation();
  if (s.status !== 'delivered' || !s.deliveredAt) return null;
  let onTime: boolean | null = null;
  if (s.promisedAt) onTime = s.deliveredAt <= s.promisedAt;
  else if (s.promisedDate) {
    const d = new Date(s.deliveredAt);
    const local = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    onTime = local <= s.promisedDate;
  }
  if (onTime === null) return <Tag>{t('shipments.notJudged')}</Tag>;
  return (
    <Tag color={onTime ? 'success' : 'error'} data-testid="ontime-tag">
      {onTime ? t('shipments.onTime') : t('shipments.late')}
    </Tag>
  );
}
