import { eq, sql } from 'drizzle-orm';
import type { AccountDto } from '../../shared/customers/accountDto.js';
import type { TicketCategory, TicketKind } from '../../shared/servicedesk/enums.js';
import { INTERACTION_CHANNELS } from '../../shared/servicedesk/interactionSchemas.js';
import type { UserDto } from '../../shared/users.js';
import { createTask, logInteraction } from '../domains/interactions/index.js';
import { teams } from '../domains/sla/table.js';
import { recordCustomerMessage, replyToTicket } from '../domains/tickets/conversation.js';
import { openTicket } from '../domains/tickets/index.js';
import { changeStatus, confirmResolution } from '../domains/tickets/lifecycle.js';
import { accountServiceAgents } from '../domains/tickets/table.js';
import type { Actor } from '../lib/actor.js';
import type { DemoStep } from './index.js';

/** What a shipments demo step leaves in ctx.made.shipments (once shipments are merged). */
interface DemoShipment {
  id: string;
  accountId: string;
  waybill?: string;
  deliveredAt?: string | Date | null;
  promisedAt?: string | Date | null;
  exceptions?: string[];
}

const SUBJECTS: Record<TicketCategory, string[]> = {
  delay: ['货物延误两天未送达', '承诺次日达实际第三天送达'],
  damage: ['外箱破损，内件受潮', '冷链货物温度超标'],
  loss: ['少收两件货', '整票货物丢失'],
  wrong_delivery: ['货物送错收货地址', '签收人不是我方员工'],
  billing: ['运费账单与报价不符', '重复扣费'],
  service_attitude: ['司机态度恶劣', '客服电话无人接听'],
  tracking_information: ['物流轨迹三天未更新', '轨迹显示已签收但未收到'],
  other: ['希望增加周末提货', '咨询发票开具'],
};
const CAUSES: Record<string, string> = {
  delay: '中转站积压',
  damage: '装卸操作不当',
  loss: '分拣错误',
  wrong_delivery: '地址录入错误',
  billing: '报价未同步到结算系统',
  tracking_information: '承运商接口中断',
};

const asActor = (u: UserDto): Actor => ({
  kind: 'user',
  id: u.id,
  label: u.name,
  role: u.role,
  accountId: null,
  ip: null,
  requestId: null,
  locale: u.locale,
});

/**
 * Tickets, interactions and tasks for the demo accounts, through the services with back-dated
 * clocks: the SLA deadlines, escalations and KPIs are the real ones. When a shipments step ran
 * first, late shipments become delay complaints and damaged ones claims.
 */
export const serviceDeskDemo: DemoStep = {
  name: 'service desk: tickets, interactions, tasks',
  run: async (ctx) => {
    const { db, random: r, today } = ctx;
    const users = ctx.made.users as UserDto[];
    const agents = users.filter((u) => u.role === 'service');
    const manager = users.find((u) => u.role === 'manager');
    const accounts = (ctx.made.accounts as AccountDto[]).filter((a) => a.status === 'active');
    const [team] = await db.select().from(teams).limit(1);
    await db
      .update(teams)
      .set({
        memberIds: agents.map((a) => a.id),
        leadId: agents[0]?.id ?? null,
        managerId: manager?.id ?? null,
      })
      .where(eq(teams.id, team.id));
    for (const a of accounts.filter((x) => x.tier === 'strategic'))
      await db
        .insert(accountServiceAgents)
        .values({ accountId: a.id, agentId: agents[0].id, teamId: team.id });

    const day = 86_400_000;
    const shipments = (ctx.made.shipments as DemoShipment[] | undefined) ?? [];
    const late = shipments.filter(
      (s) => s.deliveredAt && s.promisedAt && new Date(s.deliveredAt) > new Date(s.promisedAt),
    );
    const damaged = shipments.filter((s) =>
      s.exceptions?.some((e) => ['damage', 'loss', 'shortage'].includes(e)),
    );
    const plans: { accountId: string; kind: TicketKind; category: TicketCategory; shipmentIds: string[] }[] =
      [
        ...late.slice(0, 20).map((s) => ({
          accountId: s.accountId,
          kind: 'complaint' as const,
          category: 'delay' as const,
          shipmentIds: [s.id],
        })),
        ...damaged.slice(0, 10).map((s) => ({
          accountId: s.accountId,
          kind: 'claim' as const,
          category: 'damage' as const,
          shipmentIds: [s.id],
        })),
      ];
    const categories = Object.keys(SUBJECTS) as TicketCategory[];
    while (plans.length < 30) {
      const category = r.pick(categories);
      const kind: TicketKind =
        category === 'other'
          ? r.pick(['inquiry', 'suggestion'] as const)
          : category === 'loss' || category === 'damage'
            ? 'claim'
            : 'complaint';
      plans.push({ accountId: r.pick(accounts).id, kind, category, shipmentIds: [] });
    }

    for (const [i, p] of plans.entries()) {
      const agent = asActor(r.pick(agents));
      let now = new Date(today.getTime() - r.int(0, 45) * day - r.int(0, 8) * 3_600_000);
      const t = await openTicket(db, agent, now, {
        ...p,
        severity: r.pick(['low', 'medium', 'medium', 'high', 'critical'] as const),
        subject: r.pick(SUBJECTS[p.category]),
        description: '客户来电反映，详情见通话记录。',
        channel: r.pick(['phone', 'email', 'wechat', 'portal'] as const),
      });
      const owner = users.find((u) => u.id === t.assigneeId);
      const actor = owner ? asActor(owner) : agent;
      const stage = i % 5; // 0 new, 1 answered, 2 waiting on customer, 3 resolved, 4 closed
      if (stage === 0 || now.getTime() > today.getTime() - day) continue;
      now = new Date(now.getTime() + r.int(10, 240) * 60_000);
      await replyToTicket(db, actor, now, t.id, {
        body: '您好，我们已收到您的反馈，正在核实。',
        internal: false,
        awaitingCustomer: stage === 2,
      });
      if (stage === 2) continue;
      now = new Date(now.getTime() + r.int(1, 30) * 3_600_000);
      await recordCustomerMessage(db, actor, now, t.id, '客户补充了签收单照片。');
      if (stage === 1) continue;
      const resolved = await changeStatus(db, actor, new Date(now.getTime() + 3_600_000), t.id, {
        version: t.version,
        status: 'resolved',
        resolution: '已与承运商核实并向客户说明，费用按协议减免。',
        rootCause: CAUSES[p.category],
      });
      if (stage === 4)
        await confirmResolution(db, actor, new Date(now.getTime() + 26 * 3_600_000), t.id, {
          version: resolved.version,
          accepted: true,
        });
    }

    for (const a of accounts.slice(0, 25)) {
      const [contact] = (
        await db.execute<{ id: string }>(
          sql`SELECT id FROM contacts WHERE account_id = ${a.id} ORDER BY is_primary DESC LIMIT 1`,
        )
      ).rows;
      const who = users.find((u) => u.id === a.ownerId) ?? agents[0];
      for (let k = 0; k < r.int(1, 2); k++)
        await logInteraction(db, asActor(who), today, {
          accountId: a.id,
          contactId: contact?.id,
          channel: r.pick(INTERACTION_CHANNELS),
          direction: r.pick(['inbound', 'outbound'] as const),
          subject: r.pick(['季度业务回顾', '新线路报价沟通', '旺季运力预订', '账期确认', '投诉处理回访']),
          notes: '客户对时效基本满意，关注旺季运力。',
          outcome: r.pick(['已跟进', '待报价', '客户满意', '需经理介入']),
          occurredAt: new Date(today.getTime() - r.int(1, 90) * day).toISOString(),
        });
      if (r.chance(0.4))
        await createTask(db, asActor(who), today, {
          kind: r.chance(0.5) ? 'return_visit' : 'follow_up',
          title: `${r.pick(['电话回访', '上门拜访', '发送报价'])}：${a.nameZh ?? a.code}`,
          notes: '',
          accountId: a.id,
          contactId: contact?.id,
          dueAt: new Date(today.getTime() + r.int(-3, 14) * day).toISOString(),
          assigneeId: who.id,
        });
    }
  },
};
