import { buildAccount } from './accountFactory.js';
import type { TestApp } from './testApp.js';

const DAY = 86_400_000;
let n = 0;

/** One shipment booked `daysAgo` days before now (negative: in the future), 70 % cost. */
export async function ship(
  t: TestApp,
  accountId: string,
  daysAgo: number,
  revenue = 10_000,
  status = 'delivered',
) {
  await t.database.pool.query(
    `INSERT INTO shipments (waybill, account_id, mode, origin, destination, status, booked_at, revenue_cents, cost_cents)
     VALUES ($1, $2, 'road_ftl', '上海', '北京', $3, $4, $5, $6)`,
    [`T${++n}`, accountId, status, new Date(Date.now() - daysAgo * DAY), revenue, Math.round(revenue * 0.7)],
  );
  return `T${n}`;
}

/**
 * 30 ordinary customers with different rhythms (every third stopped shipping months ago), so BG/NBD and
 * Gamma-Gamma have something to fit. Deterministic.
 */
export async function seedCustomers(t: TestApp) {
  let seed = 7;
  const next = () => {
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  };
  for (let i = 0; i < 30; i++) {
    const { account } = await buildAccount(t.database.db);
    const since = 120 + i * 10;
    const until = i % 3 === 0 ? since - 20 - Math.floor(next() * 60) : Math.floor(next() * 20);
    const rate = 4 + (i % 6) * 8;
    for (let d = since; d > until; d -= 1 + Math.floor(next() * 2 * rate))
      await ship(t, account.id, d, 5_000 + i * 1_000 + Math.floor(next() * 5_000));
  }
}
