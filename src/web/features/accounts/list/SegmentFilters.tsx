import { Flex, InputNumber, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LIFECYCLE_STAGES, RFM_SEGMENTS, VALUE_QUADRANTS } from '../../../../shared/analytics';
import type { AccountFilters } from './filters';

const orUndefined = <T,>(list: T[]) => (list.length ? list : undefined);

/**
 * The account list's filters on the current analytics snapshot: ABC class, RFM segment, lifecycle stage,
 * value quadrant and a churn-risk floor. Same URL keys as the segmentation and churn-risk screens' links.
 */
export function SegmentFilters({
  filters,
  set,
}: {
  filters: AccountFilters;
  set: (patch: Partial<AccountFilters>) => void;
}) {
  const { t } = useTranslation();
  const width = { width: 200 };
  const risk = (target: EventTarget) => {
    const v = ((target as HTMLInputElement).value ?? '').trim();
    set({ riskMin: /^\d{1,3}$/.test(v) ? v : undefined });
  };
  return (
    <Flex wrap gap={8} align="center" data-testid="segment-filters">
      <Typography.Text type="secondary">{t('analytics.listFilters')}</Typography.Text>
      <Select<string[]>
        mode="multiple"
        allowClear
        placeholder={t('analytics.dimension.abc')}
        value={filters.abcClass ?? []}
        onChange={(v) => set({ abcClass: orUndefined(v) })}
        options={['A', 'B', 'C'].map((c) => ({ value: c, label: c }))}
        style={{ width: 140 }}
        data-testid="filter-abc"
      />
      <Select<string[]>
        mode="multiple"
        allowClear
        placeholder={t('analytics.dimension.rfm')}
        value={filters.rfmSegment ?? []}
        onChange={(v) => set({ rfmSegment: orUndefined(v) })}
        options={RFM_SEGMENTS.map((s) => ({ value: s, label: t(`analytics.rfmSegment.${s}`) }))}
        style={width}
        data-testid="filter-rfm"
      />
      <Select<string[]>
        mode="multiple"
        allowClear
        placeholder={t('analytics.dimension.stage')}
        value={filters.analyticsStage ?? []}
        onChange={(v) => set({ analyticsStage: orUndefined(v) })}
        options={LIFECYCLE_STAGES.map((s) => ({ value: s, label: t(`analytics.stage.${s}`) }))}
        style={width}
        data-testid="filter-stage"
      />
      <Select<string[]>
        mode="multiple"
        allowClear
        placeholder={t('analytics.dimension.quadrant')}
        value={filters.valueQuadrant ?? []}
        onChange={(v) => set({ valueQuadrant: orUndefined(v) })}
        options={VALUE_QUADRANTS.map((q) => ({ value: q, label: t(`analytics.quadrant.${q}`) }))}
        style={width}
        data-testid="filter-quadrant"
      />
      <InputNumber<number>
        key={`risk:${filters.riskMin ?? ''}`}
        min={0}
        max={100}
        precision={0}
        placeholder={t('accounts.riskAtLeast')}
        defaultValue={filters.riskMin === undefined ? undefined : Number(filters.riskMin)}
        onBlur={(e) => risk(e.target)}
        onPressEnter={(e) => risk(e.target)}
        style={{ width: 140 }}
        data-testid="filter-risk"
      />
    </Flex>
  );
}
