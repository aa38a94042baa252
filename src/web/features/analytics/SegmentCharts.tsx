import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type ChartOption, useEChart } from '../../components/useEChart';
import type { Overview } from './api';

const pct = (v: number) => Math.round(v * 1000) / 10;
const yuan = (cents: number) => Math.round(cents) / 100;

function Chart({ option, testId, height = 300 }: { option: ChartOption; testId: string; height?: number }) {
  const ref = useEChart(option);
  return <div ref={ref} data-testid={testId} style={{ width: '100%', height }} />;
}

/** Cumulative share of value against share of accounts, ranked by value; the A and B boundaries marked. */
export function ParetoChart({ overview, a, b }: { overview: Overview; a: number; b: number }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, top: 24, bottom: 40 },
      xAxis: {
        type: 'value',
        min: 0,
        max: 100,
        name: t('analytics.accountsShare'),
        nameLocation: 'middle',
        nameGap: 26,
        axisLabel: { formatter: '{value}%' },
      },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'line',
          name: t('analytics.valueShare'),
          showSymbol: false,
          areaStyle: { opacity: 0.15 },
          data: overview.pareto.map((p) => [pct(p.accounts), pct(p.value)]),
          markLine: {
            symbol: 'none',
            lineStyle: { type: 'dashed' },
            data: [
              { yAxis: pct(a), name: 'A' },
              { yAxis: pct(b), name: 'B' },
            ],
            label: { formatter: '{b}' },
          },
        },
      ],
    }),
    [overview, a, b, t],
  );
  return <Chart option={option} testId="chart-pareto" />;
}

/** Accounts per recency × frequency score: the RFM grid as a heat-map. */
export function RfmHeatmap({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const max = Math.max(1, ...overview.rfmGrid.map((c) => c.n));
    const scores = ['1', '2', '3', '4', '5'];
    return {
      tooltip: { position: 'top' },
      grid: { left: 56, right: 16, top: 16, bottom: 72 },
      xAxis: {
        type: 'category',
        data: scores,
        name: t('analytics.recencyScore'),
        nameLocation: 'middle',
        nameGap: 26,
      },
      yAxis: {
        type: 'category',
        data: scores,
        name: t('analytics.frequencyScore'),
        nameLocation: 'middle',
        nameGap: 32,
      },
      visualMap: {
        min: 0,
        max,
        calculable: true,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemHeight: 120,
      },
      series: [
        {
          type: 'heatmap',
          name: t('analytics.accounts'),
          label: { show: true },
          data: overview.rfmGrid.map((c) => [c.r - 1, c.f - 1, c.n]),
        },
      ],
    };
  }, [overview, t]);
  return <Chart option={option} testId="chart-rfm" />;
}

/** Current value against CLV per account, coloured by quadrant, with the split lines. */
export function ValueMatrixChart({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const quadrants = ['star', 'cash_cow', 'potential', 'low_value'] as const;
    const cuts = overview.valueMatrix.cuts;
    return {
      tooltip: { trigger: 'item' },
      legend: { top: 0 },
      grid: { left: 64, right: 16, top: 36, bottom: 44 },
      xAxis: { type: 'value', name: t('analytics.currentValue'), nameLocation: 'middle', nameGap: 28 },
      yAxis: { type: 'value', name: t('analytics.clv'), nameLocation: 'end' },
      series: quadrants.map((q, i) => ({
        type: 'scatter' as const,
        name: t(`analytics.quadrant.${q}`),
        symbolSize: 6,
        data: overview.valueMatrix.points
          .filter((p) => p.valueQuadrant === q)
          .map((p) => [yuan(p.currentValue), yuan(p.clv12m)]),
        ...(i === 0 && cuts
          ? {
              markLine: {
                symbol: 'none',
                silent: true,
                lineStyle: { type: 'dashed' as const, color: '#999' },
                label: { show: false },
                data: [{ xAxis: yuan(cuts.currentValueCut) }, { yAxis: yuan(cuts.clvCut) }],
              },
            }
          : {}),
      })),
    };
  }, [overview, t]);
  return <Chart option={option} testId="chart-value-matrix" height={340} />;
}

/** Accounts per lifecycle stage, in the order of the lifecycle. */
export function LifecycleFunnel({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}: {c}' },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          left: 24,
          right: 24,
          top: 8,
          bottom: 8,
          minSize: '20%',
          label: { formatter: '{b}: {c}' },
          data: overview.funnel.map((s) => ({ name: t(`analytics.stage.${s.stage}`), value: s.accounts })),
        },
      ],
    }),
    [overview, t],
  );
  return <Chart option={option} testId="chart-funnel" />;
}
