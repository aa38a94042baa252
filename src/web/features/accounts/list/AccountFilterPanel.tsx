import { Button, Card, DatePicker, Flex, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AccountStatus, Industry, ServiceTier } from '../../../../shared/customers/labels';
import { useCan } from '../../auth/api';
import { useOwnerOptions } from '../api';
import { useVocabulary } from '../vocabulary';
import type { AccountFilters } from './filters';
import { SegmentFilters } from './SegmentFilters';

const orUndefined = <T,>(list: T[]) => (list.length ? list : undefined);

/** Every filter of GET /accounts beyond the search box; each change applies at once. */
export function AccountFilterPanel({
  filters,
  onChange,
}: {
  filters: AccountFilters;
  onChange: (update: (current: AccountFilters) => AccountFilters) => void;
}) {
  const { t } = useTranslation();
  const { options } = useVocabulary();
  const can = useCan();
  const users = useOwnerOptions(can('users.read'));
  const set = (patch: Partial<AccountFilters>) => onChange((f) => ({ ...f, ...patch }));
  const ownerOptions = [
    { value: 'me', label: t('accounts.owner.me') },
    { value: 'none', label: t('accounts.owner.none') },
    ...(users.data?.items ?? [])
      .filter((u) => u.role !== 'portal')
      .map((u) => ({ value: u.id, label: u.name })),
  ];
  const width = { width: 200 };

  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="account-filters">
      <Flex wrap gap={8} align="center">
        <Select<AccountStatus[]>
          mode="multiple"
          allowClear
          placeholder={t('accounts.fields.status')}
          value={filters.status ?? []}
          onChange={(v) => set({ status: orUndefined(v) })}
          options={options('status')}
          style={width}
        />
        <Select<ServiceTier[]>
          mode="multiple"
          allowClear
          placeholder={t('accounts.fields.tier')}
          value={filters.tier ?? []}
          onChange={(v) => set({ tier: orUndefined(v) })}
          options={options('tier')}
          style={width}
        />
        <Select<Industry[]>
          mode="multiple"
          allowClear
          placeholder={t('accounts.fields.industry')}
          value={filters.industry ?? []}
          onChange={(v) => set({ industry: orUndefined(v) })}
          options={options('industry')}
          style={width}
        />
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('accounts.owner.any')}
          value={filters.owner}
          onChange={(v) => set({ owner: v })}
          options={ownerOptions}
          style={{ width: 160 }}
        />
        <Input
          allowClear
          key={`province:${filters.province ?? ''}`}
          placeholder={t('accounts.fields.province')}
          defaultValue={filters.province}
          onBlur={(e) => set({ province: e.target.value.trim() || undefined })}
          onPressEnter={(e) => set({ province: e.currentTarget.value.trim() || undefined })}
          style={{ width: 120 }}
        />
        <Input
          allowClear
          key={`city:${filters.city ?? ''}`}
          placeholder={t('accounts.fields.city')}
          defaultValue={filters.city}
          onBlur={(e) => set({ city: e.target.value.trim() || undefined })}
          onPressEnter={(e) => set({ city: e.currentTarget.value.trim() || undefined })}
          style={{ width: 120 }}
        />
        <Select<string[]>
          mode="tags"
          allowClear
          placeholder={t('accounts.fields.tags')}
          value={filters.tag ?? []}
          onChange={(v) => set({ tag: orUndefined(v.map((x) => x.trim()).filter(Boolean)) })}
          open={false}
          style={width}
        />
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          placeholder={[t('accounts.createdRange'), t('accounts.createdRange')]}
          value={[
            filters.createdFrom ? dayjs(filters.createdFrom) : null,
            filters.createdTo ? dayjs(filters.createdTo) : null,
          ]}
          onChange={(range) =>
            set({
              createdFrom: range?.[0]?.startOf('day').toISOString(),
              createdTo: range?.[1]?.endOf('day').toISOString(),
            })
          }
        />
        <Button
          type="link"
          onClick={() => onChange((f) => ({ q: f.q, archived: f.archived, sort: f.sort, order: f.order }))}
        >
          {t('accounts.clearFilters')}
        </Button>
      </Flex>
      <div style={{ marginTop: 8 }}>
        <SegmentFilters filters={filters} set={set} />
      </div>
    </Card>
  );
}
