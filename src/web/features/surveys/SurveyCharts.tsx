import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type ChartOption, useEChart } from '../../components/useEChart';
import type { SurveyResults } from './api';

const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

function Chart({ option, testId, height = 260 }: { option: ChartOption; testId: string; height?: number }) {
  const ref = useEChart(option);
  return <div ref={ref} data-testid={testId} style={{ width: '100%', height }} />;
}

/** The CSI (0–100) as a gauge. */
export function CsiGauge({ csi }: { csi: number | null }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(
    () => ({
      series: [
        {
          type: 'gauge',
          min: 0,
          max: 100,
          progress: { show: true, width: 14 },
          axisLine: { lineStyle: { width: 14 } },
          detail: {
            valueAnimation: false,
            formatter: (v: number) => (csi === null ? '—' : v.toFixed(1)),
            fontSize: 28,
          },
          title: { offsetCenter: [0, '75%'] },
          data: [{ value: round(csi) ?? 0, name: t('surveys.csi') }],
        },
      ],
    }),
    [csi, t],
  );
  return <Chart option={option} testId="csi-gauge" />;
}

/** Mean score (0–100) per dimension, with its weight in the tooltip. */
export function DimensionBars({ r }: { r: SurveyResults }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 150, right: 24, top: 16, bottom: 24 },
      xAxis: { type: 'value', min: 0, max: 100 },
      yAxis: { type: 'category', data: r.dimensions.map((d) => t(`surveys.dimension.${d.dimension}`)) },
      series: [
        { type: 'bar', name: t('surveys.ipaPerformance'), data: r.dimensions.map((d) => round(d.score)) },
      ],
    }),
    [r, t],
  );
  return <Chart option={option} testId="dimension-bars" />;
}

/** How many answered each 0–10 score; detractors red, passives grey, promoters green. */
export function NpsDistribution({ r }: { r: SurveyResults }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 16, bottom: 24 },
      xAxis: { type: 'category', data: r.nps.distribution.map((_, i) => String(i)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: t('surveys.responses'),
          data: r.nps.distribution.map((n, i) => ({
            value: n,
            itemStyle: { color: i <= 6 ? '#ff4d4f' : i <= 8 ? '#bfbfbf' : '#52c41a' },
          })),
        },
      ],
    }),
    [r, t],
  );
  return <Chart option={option} testId="nps-distribution" />;
}

/** CSI and NPS by month, responses as bars. */
export function SurveyTrend({ r }: { r: SurveyResults }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 48, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: r.trend.map((m) => m.month) },
      yAxis: [
        { type: 'value', min: -100, max: 100 },
        { type: 'value', splitLine: { show: false } },
      ],
      series: [
        { type: 'line', name: t('surveys.csi'), data: r.trend.map((m) => round(m.csi)), connectNulls: true },
        { type: 'line', name: t('surveys.nps'), data: r.trend.map((m) => round(m.nps)), connectNulls: true },
        {
          type: 'bar',
          name: t('surveys.responses'),
          yAxisIndex: 1,
          data: r.trend.map((m) => m.responses),
          itemStyle: { opacity: 0.35 },
          barMaxWidth: 36,
        },
      ],
    }),
    [r, t],
  );
  return <Chart option={option} testId="survey-trend" height={300} />;
}

/**
 * Importance–performance matrix: x = the dimension's weight (the importance the chosen method
 * gives it), y = its score; the lines at the means split it into four quadrants.
 */
export function ImportancePerformance({ r }: { r: SurveyResults }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const rated = r.dimensions.filter((d) => d.score !== null);
    const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);
    return {
      tooltip: { trigger: 'item' },
      grid: { left: 48, right: 24, top: 24, bottom: 40 },
      xAxis: { type: 'value', name: t('surveys.ipaImportance'), nameLocation: 'middle', nameGap: 26, min: 0 },
      yAxis: { type: 'value', name: t('surveys.ipaPerformance'), min: 0, max: 100 },
      series: [
        {
          type: 'scatter',
          symbolSize: 16,
          label: { show: true, position: 'right', formatter: (p: { name: string }) => p.name },
          data: rated.map((d) => ({
            name: t(`surveys.dimension.${d.dimension}`),
            value: [Math.round(d.weight * 1000) / 1000, round(d.score)],
          })),
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { type: 'dashed' },
            data: [
              { xAxis: mean(rated.map((d) => d.weight)) },
              { yAxis: mean(rated.map((d) => d.score as number)) },
            ],
          },
        },
      ],
    };
  }, [r, t]);
  return <Chart option={option} testId="ipa-quadrant" height={300} />;
}
