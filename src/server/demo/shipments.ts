import { evaluatePartner } from '../domains/partners/scorecards.js';
import { addPartnerChild, createPartner } from '../domains/partners/service.js';
import { upsertShipmentBatch } from '../domains/shipments/service.js';
import { AppError } from '../lib/errors.js';
import type { DemoContext, DemoStep } from './index.js';

const DAY = 86_400_000;

/** Carriers with their reliability: share of on-time deliveries and of damaged cargo. */
const CARRIERS = [
  {
    code: 'SF-EXPRESS',
    nameZh: '顺丰速运',
    nameEn: 'SF Express',
    modes: ['express', 'air'],
    onTime: 0.97,
    damage: 0.004,
  },
  {
    code: 'ZTO-LTL',
    nameZh: '中通快运',
    nameEn: 'ZTO Freight',
    modes: ['road_ltl', 'express'],
    onTime: 0.9,
    damage: 0.012,
  },
  {
    code: 'DEPPON',
    nameZh: '德邦物流',
    nameEn: 'Deppon Logistics',
    modes: ['road_ltl', 'road_ftl'],
    onTime: 0.93,
    damage: 0.008,
  },
  {
    code: 'HUAYU-FTL',
    nameZh: '华宇整车运输',
    nameEn: 'Huayu FTL',
    modes: ['road_ftl'],
    onTime: 0.82,
    damage: 0.02,
  },
  {
    code: 'COSCO-SEA',
    nameZh: '中远海运',
    nameEn: 'COSCO Shipping',
    modes: ['sea'],
    onTime: 0.88,
    damage: 0.006,
  },
  {
    code: 'CR-RAIL',
    nameZh: '中铁快运',
    nameEn: 'China Railway Express',
    modes: ['rail'],
    onTime: 0.91,
    damage: 0.005,
  },
  {
    code: 'COLD-LINK',
    nameZh: '冷链通',
    nameEn: 'ColdLink',
    modes: ['cold_chain'],
    onTime: 0.86,
    damage: 0.025,
  },
] as const;

const OTHERS = [
  { code: 'WH-KUNSHAN', kind: 'warehouse', nameZh: '昆山保税仓', nameEn: 'Kunshan Bonded Warehouse' },
  { code: 'CB-YANGSHAN', kind: 'customs_broker', nameZh: '洋山报关行', nameEn: 'Yangshan Customs Brokerage' },
  { code: 'LM-CITY', kind: 'last_mile', nameZh: '同城配送', nameEn: 'CityDrop Last Mile' },
] as const;

/** Lanes with typical transit days by mode. */
const LANES = [
  ['上海', '北京', { road_ftl: 2, road_ltl: 3, express: 1, air: 1, rail: 2, cold_chain: 2 }],
  ['深圳', '上海', { road_ftl: 2, road_ltl: 3, express: 1, air: 1, rail: 3, cold_chain: 2 }],
  ['广州', '成都', { road_ftl: 3, road_ltl: 4, express: 2, air: 1, rail: 3, cold_chain: 3 }],
  ['苏州', '武汉', { road_ftl: 1, road_ltl: 2, express: 1, rail: 2, cold_chain: 2 }],
  ['宁波', '汉堡', { sea: 32 }],
  ['上海', '洛杉矶', { sea: 18, air: 2 }],
  ['西安', '乌鲁木齐', { road_ftl: 4, rail: 3, road_ltl: 5 }],
] as const;

async function partnersStep(ctx: DemoContext) {
  const carriers = [];
  for (const c of CARRIERS) {
    const p = await createPartner(ctx.db, ctx.actor, {
      code: c.code,
      kind: 'carrier',
      nameZh: c.nameZh,
      nameEn: c.nameEn,
      modes: [...c.modes],
    });
    const expires = new Date(ctx.today.getTime() + ctx.random.int(-20, 400) * DAY).toISOString().slice(0, 10);
    await addPartnerChild(ctx.db, ctx.actor, p.id, 'qualifications', {
      kind: '道路运输经营许可证',
      number: `RT-${ctx.random.int(100000, 999999)}`,
      expiresOn: expires,
    });
    await addPartnerChild(ctx.db, ctx.actor, p.id, 'contacts', {
      name: `${c.nameZh}客户经理`,
      isPrimary: true,
    });
    await addPartnerChild(ctx.db, ctx.actor, p.id, 'contracts', {
      number: `HT-${c.code}-${ctx.today.getUTCFullYear()}`,
      startsOn: `${ctx.today.getUTCFullYear() - 1}-01-01`,
    });
    carriers.push({ ...c, id: p.id });
  }
  for (const o of OTHERS) await createPartner(ctx.db, ctx.actor, { ...o });
  return carriers;
}

/**
 * How an account's shipping develops over the demo year, by construction, so that the analytics have
 * growing, stable, declining and lost customers to find: per account index, out of every ten accounts
 * two grow, two decline, one is lost (nothing in the last 200 days) and five ship steadily.
 */
export type DemoPattern = 'growing' | 'stable' | 'declining' | 'lost';
export const demoPattern = (index: number): DemoPattern =>
  (
    [
      'growing',
      'stable',
      'declining',
      'lost',
      'stable',
      'growing',
      'stable',
      'declining',
      'stable',
      'stable',
    ] as const
  )[index % 10];

/** Whether a shipment `daysAgo` is kept for this pattern (the draw happens for every pattern alike). */
function keeps(pattern: DemoPattern, daysAgo: number, draw: number): boolean {
  if (pattern === 'growing') return daysAgo <= 90 || (daysAgo <= 180 ? draw < 0.55 : draw < 0.25);
  if (pattern === 'declining') return daysAgo > 90 || draw < 0.2;
  if (pattern === 'lost') return daysAgo > 200 && draw < 0.3;
  return true;
}

/** A year of shipments for the demo accounts: delays and damage by carrier, transit by lane and mode. */
function shipmentRows(
  ctx: DemoContext,
  accounts: { code: string }[],
  carriers: Awaited<ReturnType<typeof partnersStep>>,
) {
  const rows: Record<string, unknown>[] = [];
  const now = ctx.today.getTime();
  let n = 0;
  for (const [index, account] of accounts.entries()) {
    const pattern = demoPattern(index);
    const perAccount = ctx.random.int(20, 200);
    const lanes = [ctx.random.pick(LANES), ctx.random.pick(LANES)];
    for (let i = 0; i < perAccount; i++) {
      const [origin, destination, transit] = ctx.random.pick(lanes);
      const modes = Object.keys(transit) as (keyof typeof transit)[];
      const mode = ctx.random.pick(modes);
      const carrier = ctx.random.pick(carriers.filter((c) => (c.modes as readonly string[]).includes(mode)));
      if (!carrier) continue;
      const daysAgo = ctx.random.int(1, 365);
      if (!keeps(pattern, daysAgo, ctx.random.next())) continue;
      const booked = now - daysAgo * DAY - ctx.random.int(0, 86_399) * 1000;
      const picked = booked + ctx.random.int(2, 30) * 3_600_000;
      const days = transit[mode] as number;
      const promised = picked + days * DAY + 6 * 3_600_000;
      const late = !ctx.random.chance(carrier.onTime);
      const delivered = late
        ? promised + ctx.random.int(2, 24 * Math.max(2, days / 4)) * 3_600_000
        : promised - ctx.random.int(0, 20) * 3_600_000;
      const cancelled = ctx.random.chance(0.02);
      const done = !cancelled && delivered < now;
      const iso = (ms: number) => new Date(ms).toISOString();
      const weight = ctx.random.int(5, mode === 'express' ? 50 : 20_000);
      const revenue = Math.round(weight * (mode === 'air' ? 1200 : mode === 'express' ? 900 : 60) + 5000);
      rows.push({
        waybill: `HT${String(++n).padStart(9, '0')}`,
        accountCode: account.code,
        carrierCode: carrier.code,
        mode,
        origin,
        destination,
        status: cancelled ? 'cancelled' : done ? 'delivered' : picked < now ? 'in_transit' : 'booked',
        bookedAt: iso(booked),
        pickedUpAt: !cancelled && picked < now ? iso(picked) : undefined,
        promisedAt: iso(promised),
        deliveredAt: done ? iso(Math.max(delivered, picked + 3_600_000)) : undefined,
        pieces: ctx.random.int(1, 40),
        weightKg: weight,
        revenueCents: revenue,
        costCents: Math.round(revenue * (0.65 + ctx.random.next() * 0.3)),
        currency: 'CNY',
        exceptions: [
          ...(done && ctx.random.chance(carrier.damage)
            ? [{ kind: ctx.random.pick(['damage', 'loss', 'shortage'] as const) }]
            : []),
          ...(done && late ? [{ kind: 'delay' as const }] : []),
        ],
      });
    }
  }
  return rows;
}

/** Carriers, warehouses, brokers and last-mile firms; with the demo accounts, a year of shipments and scorecards. */
export const shipmentsDemo: DemoStep = {
  name: 'partners and shipments',
  run: async (ctx) => {
    const carriers = await partnersStep(ctx);
    ctx.made.carriers = carriers;
    const accounts = ctx.made.accounts as { code: string }[] | undefined;
    if (!accounts?.length) return;
    const rows = shipmentRows(ctx, accounts, carriers);
    for (let i = 0; i < rows.length; i += 5000)
      await upsertShipmentBatch(ctx.db, ctx.actor, rows.slice(i, i + 5000), false);
    const month = new Date(Date.UTC(ctx.today.getUTCFullYear(), ctx.today.getUTCMonth(), 1));
    for (let back = 3; back >= 1; back--) {
      const start = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() - back, 1))
        .toISOString()
        .slice(0, 10);
      for (const c of carriers) {
        await evaluatePartner(ctx.db, ctx.actor, c.id, {
          periodKind: 'month',
          periodStart: start,
          serviceRating: ctx.random.int(c.onTime > 0.9 ? 3 : 1, 5),
          priceRating: ctx.random.int(2, 5),
        }).catch((err) => {
          // a carrier without deliveries that month is not evaluated
          if (!(err instanceof AppError)) throw err;
        });
      }
    }
  },
};
