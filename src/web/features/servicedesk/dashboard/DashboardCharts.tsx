import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { TICKET_STATUSES } from '../../../../shared/servicedesk/enums';
import { type ChartOption, useEChart } from '../../../components/useEChart';
import type { ServiceDeskKpis } from '../api';

const AGES = ['lt1d', 'd1to3', 'd3to7', 'gt7d'] as const;
const AGE_LABEL: Record<(typeof AGES)[number], string> = {
  lt1d: '< 1',
  d1to3: '1–3',
  d3to7: '3–7',
  gt7d: '> 7',
};

function Chart({ option, testId, height = 280 }: { option: ChartOption; testId: string; height?: number }) {
  const ref = useEChart(option);
  return <div ref={ref} data-testid={testId} style={{ width: '100%', height }} />;
}

/** Open tickets: by age in days, and by status, side by side on one chart. */
export function OpenTicketsChart({ open }: { open: ServiceDeskKpis['open'] }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const statuses = TICKET_STATUSES.filter((s) => open.byStatus[s]);
    return {
      tooltip: { trigger: 'axis' },
      grid: [
        { left: 40, right: '55%', top: 30, bottom: 30 },
        { left: '55%', right: 16, top: 30, bottom: 30 },
      ],
      xAxis: [
        { type: 'category', gridIndex: 0, data: AGES.map((a) => AGE_LABEL[a]), name: t('dashboard.ageDays') },
        { type: 'category', gridIndex: 1, data: statuses.map((s) => t(`ticketStatus.${s}`)) },
      ],
      yAxis: [
        { type: 'value', gridIndex: 0, minInterval: 1 },
        { type: 'value', gridIndex: 1, minInterval: 1 },
      ],
      series: [
        {
          type: 'bar',
          name: t('dashboard.ageDays'),
          xAxisIndex: 0,
          yAxisIndex: 0,
          data: AGES.map((a) => open.byAge[a] ?? 0),
          barMaxWidth: 40,
        },
        {
          type: 'bar',
          name: t('tickets.status'),
          xAxisIndex: 1,
          yAxisIndex: 1,
          data: statuses.map((s) => open.byStatus[s] ?? 0),
          barMaxWidth: 40,
          itemStyle: { color: '#13c2c2' },
        },
      ],
    };
  }, [open, t]);
  return <Chart option={option} testId="open-chart" />;
}

/** Complaints per 1,000 shipments booked in the period, per category. */
export function ComplaintRateChart({ complaints }: { complaints: ServiceDeskKpis['complaints'] }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, top: 20, bottom: 40 },
      xAxis: {
        type: 'category',
        data: complaints.byCategory.map((c) => t(`ticketCategory.${c.category}`)),
        axisLabel: { interval: 0, rotate: 20 },
      },
      yAxis: { type: 'value' },
      series: [
        {
          type: 'bar',
          name: t('dashboard.complaintRate'),
          data: complaints.byCategory.map((c) => c.per1000Shipments),
          barMaxWidth: 40,
          itemStyle: { color: '#fa8c16' },
        },
      ],
    }),
    [complaints, t],
  );
  return <Chart option={option} testId="complaint-rate-chart" />;
}

/** Root causes by count, with the cumulative share as a line (80/20 at a glance). */
export function ParetoChart({ pareto }: { pareto: ServiceDeskKpis['pareto'] }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 48, top: 36, bottom: 60 },
      xAxis: {
        type: 'category',
        data: pareto.map((p) => p.cause),
        axisLabel: { interval: 0, rotate: 25, width: 100, overflow: 'truncate' },
      },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
      ],
      series: [
        { type: 'bar', name: t('dashboard.count'), data: pareto.map((p) => p.count), barMaxWidth: 40 },
        {
          type: 'line',
          name: t('dashboard.cumulative'),
          yAxisIndex: 1,
          data: pareto.map((p) => Math.round(p.cumulativeShare * 1000) / 10),
          markLine: { silent: true, symbol: 'none', data: [{ yAxis: 80 }], lineStyle: { type: 'dashed' } },
        },
      ],
    }),
    [pareto, t],
  );
  return <Chart option={option} testId="pareto-chart" height={300} />;
}
