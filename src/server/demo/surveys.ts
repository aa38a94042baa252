import { sql } from 'drizzle-orm';
import { createInvitations } from '../domains/surveys/invitations.js';
import { answerSurvey } from '../domains/surveys/responses.js';
import { currentTemplate } from '../domains/surveys/templates.js';
import type { DemoStep } from './index.js';

/** At most this many demo responses (a sample of the delivered shipments). */
const MAX_SURVEYS = 800;

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(v)));

/**
 * Satisfaction surveys about a sample of the demo deliveries, answered through the real service with
 * back-dated clocks. Answers follow what happened to the shipment: a late delivery rates delivery
 * speed and information low, damage, loss or shortage rates cargo safety low, and both pull the
 * overall rating and the recommendation down — so the dashboards tell the shipments' story. About a
 * fifth of the invitations stay unanswered (the response rate); low scores open follow-up tasks.
 */
export const surveysDemo: DemoStep = {
  name: 'satisfaction surveys',
  run: async (ctx) => {
    const { db, random: r } = ctx;
    const res = await db.execute<{
      id: string;
      account_id: string;
      contact_id: string | null;
      email: string | null;
      delivered_at: Date;
      late: boolean;
      damaged: boolean;
    }>(sql`
      SELECT s.id, s.account_id, c.id AS contact_id, c.email, s.delivered_at,
        coalesce(s.delivered_at > s.promised_at, false) AS late,
        EXISTS (SELECT 1 FROM shipment_exceptions x WHERE x.shipment_id = s.id
          AND x.kind IN ('damage', 'loss', 'shortage')) AS damaged
      FROM shipments s
      LEFT JOIN LATERAL (SELECT id, email FROM contacts WHERE account_id = s.account_id AND archived_at IS NULL
        ORDER BY is_primary DESC, created_at LIMIT 1) c ON true
      WHERE s.status = 'delivered' AND s.delivered_at IS NOT NULL AND s.delivered_at < ${ctx.today}
      ORDER BY s.waybill`);
    if (!res.rows.length) return;
    const template = await currentTemplate(db);
    // every late or damaged delivery has a fair chance to be surveyed, on-time ones less
    const sample = res.rows.filter((s) => r.chance(s.late || s.damaged ? 0.3 : 0.06)).slice(0, MAX_SURVEYS);
    for (const s of sample) {
      const sentAt = new Date(new Date(s.delivered_at).getTime() + 6 * 3_600_000);
      const [inv] = await db.transaction((tx) =>
        createInvitations(tx, sentAt, 30, [
          {
            templateId: template.id,
            accountId: s.account_id,
            contactId: s.contact_id,
            shipmentId: s.id,
            trigger: 'delivery',
            channel: 'email',
            recipient: s.email,
            locale: 'zh-CN',
          },
        ]),
      );
      if (r.chance(0.2)) continue;
      const base = 3.6 + r.next() * 1.4;
      const dim = (penalty: number) => clamp(base - penalty + (r.next() - 0.5) * 1.2, 1, 5);
      const answers = {
        service_attitude: dim(0),
        delivery_speed: dim(s.late ? 2 : 0),
        cargo_safety: dim(s.damaged ? 2.6 : 0),
        price: dim(0.6),
        information: dim(s.late ? 1 : 0),
        overall: dim((s.late ? 1.2 : 0) + (s.damaged ? 1.5 : 0)),
        recommend: clamp(
          (base - 1) * 2.5 - (s.late ? 2.5 : 0) - (s.damaged ? 3 : 0) + (r.next() - 0.5) * 2,
          0,
          10,
        ),
        ...(s.late && r.chance(0.5)
          ? { comment: r.pick(['送货又晚了两天', '希望准时一些', '延误也没人通知']) }
          : {}),
        ...(s.damaged && r.chance(0.6) ? { comment: r.pick(['外箱破损严重', '货物受潮，请改进包装']) } : {}),
      };
      const answeredAt = new Date(sentAt.getTime() + r.int(1, 72) * 3_600_000);
      await answerSurvey(db, inv.token, answeredAt < ctx.today ? answeredAt : sentAt, answers, true);
    }
  },
};
