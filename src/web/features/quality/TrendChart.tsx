import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type ChartOption, useEChart } from '../../components/useEChart';
import type { KpiDto, OnTimeRule } from './api';

const rate = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

/** On-time rate under both rules (the default drawn solid) and intact rate over buckets, volume as bars. */
export function TrendChart({ rows, rule }: { rows: KpiDto[]; rule: OnTimeRule }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const sorted = [...rows].sort((a, b) => (a.bucket ?? '').localeCompare(b.bucket ?? ''));
    const line = (name: string, data: (number | null)[], dashed: boolean) => ({
      type: 'line' as const,
      name,
      data,
      yAxisIndex: 0,
      connectNulls: true,
      lineStyle: { type: dashed ? ('dashed' as const) : ('solid' as const), width: dashed ? 1.5 : 3 },
    });
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 48, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: sorted.map((r) => r.bucket ?? '') },
      yAxis: [
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
        { type: 'value', splitLine: { show: false } },
      ],
      series: [
        line(
          `${t('quality.onTimeRate')} (${t('quality.rule.timestamp')})`,
          sorted.map((r) => rate(r.onTimeRateTimestamp)),
          rule !== 'timestamp',
        ),
        line(
          `${t('quality.onTimeRate')} (${t('quality.rule.date')})`,
          sorted.map((r) => rate(r.onTimeRateDate)),
          rule !== 'date',
        ),
        line(
          t('quality.intactRate'),
          sorted.map((r) => rate(r.intactRate)),
          true,
        ),
        {
          type: 'bar',
          name: t('quality.volume'),
          yAxisIndex: 1,
          data: sorted.map((r) => r.volume),
          barMaxWidth: 36,
          itemStyle: { opacity: 0.35 },
        },
      ],
    };
  }, [rows, rule, t]);
  const ref = useEChart(option);
  return <div ref={ref} data-testid="trend-chart" style={{ width: '100%', height: 320 }} />;
}
