import type { KpiCut, OnTimeRule } from './api';

export interface DrillTarget {
  from: string;
  to: string;
  cut: KpiCut;
  key: string;
  rule: OnTimeRule;
}

/**
 * The shipment-list URL behind a dashboard number: the same period, the same slice and, for rates,
 * the same outcome. Delivery measures count by delivery time, volume by booking time (as the KPIs do).
 */
export function drillUrl(
  t: DrillTarget,
  what: 'volume' | 'delivered' | 'late' | 'cargoIssue',
): string | null {
  const p = new URLSearchParams({ from: t.from, to: t.to });
  if (t.cut === 'account') p.set('accountId', t.key);
  if (t.cut === 'carrier') {
    // Shipments without a carrier have no filter of their own in the list.
    if (!t.key) return null;
    p.set('carrierId', t.key);
  }
  if (t.cut === 'mode') p.set('mode', t.key);
  if (t.cut === 'lane') {
    const [origin, destination] = t.key.split(' → ');
    if (origin) p.set('origin', origin);
    if (destination) p.set('destination', destination);
  }
  if (what === 'volume') return `/shipments?${p}`;
  p.set('dateField', 'delivered');
  if (what === 'delivered') p.set('status', 'delivered');
  if (what === 'late') {
    p.set('outcome', 'late');
    p.set('rule', t.rule);
  }
  if (what === 'cargoIssue') p.set('outcome', 'cargoIssue');
  return `/shipments?${p}`;
}
