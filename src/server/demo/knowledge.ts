import { sql } from 'drizzle-orm';
import type { TicketCategory } from '../../shared/servicedesk/enums.js';
import type { UserDto } from '../../shared/users.js';
import { createArticle, linkArticle } from '../domains/knowledge/service.js';
import type { Actor } from '../lib/actor.js';
import type { DemoStep } from './index.js';

const ARTICLES: {
  category: TicketCategory;
  titleZh: string;
  titleEn: string;
  bodyZh: string;
  bodyEn: string;
  tags: string[];
}[] = [
  {
    category: 'delay',
    titleZh: '运单延误的处理与安抚话术',
    titleEn: 'Handling a delayed shipment',
    bodyZh:
      '# 先做什么\n\n- 在**运单**页面核对最新轨迹和承诺送达时间\n- 联系承运商确认新的预计送达时间\n\n# 怎么说\n\n先致歉，再告知新的预计送达时间，并承诺在送达后回访。',
    bodyEn:
      '# First\n\n- Check the latest tracking and the promised time on the **shipment** page\n- Ask the carrier for a new estimated delivery\n\n# What to say\n\nApologise, give the new estimate and promise a call once delivered.',
    tags: ['延误', '话术'],
  },
  {
    category: 'damage',
    titleZh: '货物破损理赔流程',
    titleEn: 'Claims for damaged cargo',
    bodyZh:
      '收到破损投诉后 24 小时内：\n\n- 请客户拍摄外箱和内件照片\n- 核对签收单上的异常批注\n- 赔偿金额超过申报价值时须经理审批',
    bodyEn:
      'Within 24 hours of a damage complaint:\n\n- Ask for photos of the carton and the contents\n- Check the proof of delivery for remarks\n- Compensation above the declared value needs a manager’s approval',
    tags: ['理赔', '破损'],
  },
  {
    category: 'loss',
    titleZh: '少件与丢失的查找步骤',
    titleEn: 'Tracing missing pieces',
    bodyZh: '- 查询最后一次扫描的网点\n- 请网点盘点并回传监控截图\n- 48 小时仍未找到则按丢失理赔',
    bodyEn:
      '- Find the last scan location\n- Ask the depot to count stock and send camera stills\n- Not found after 48 hours: handle as a loss claim',
    tags: ['丢失'],
  },
  {
    category: 'billing',
    titleZh: '运费账单与报价不符',
    titleEn: 'Invoice does not match the quote',
    bodyZh: '核对客户的服务协议和价格表；如报价未同步到结算系统，提交更正并告知客户预计更正日期。',
    bodyEn:
      'Check the service agreement and rate card; if the quote never reached billing, file a correction and tell the customer when it will be fixed.',
    tags: ['账单'],
  },
  {
    category: 'tracking_information',
    titleZh: '物流轨迹长时间未更新',
    titleEn: 'Tracking has not updated',
    bodyZh: '承运商接口中断时轨迹会停止更新。先在运单页面查看最后事件时间，再电话联系承运商调度。',
    bodyEn:
      'Tracking stops when a carrier’s interface is down. Check the last event time on the shipment page, then call the carrier’s dispatcher.',
    tags: ['轨迹'],
  },
];

/** Published knowledge-base articles by the first agent, linked to the tickets of their category. */
export const knowledgeDemo: DemoStep = {
  name: 'knowledge base: articles linked to tickets',
  run: async (ctx) => {
    const users = ctx.made.users as UserDto[];
    const author = users.find((u) => u.role === 'service');
    if (!author) return;
    const actor: Actor = { ...ctx.actor, kind: 'user', id: author.id, label: author.name, role: author.role };
    for (const [i, a] of ARTICLES.entries()) {
      const at = new Date(ctx.today.getTime() - (60 - i) * 86_400_000);
      const article = await createArticle(ctx.db, actor, at, { ...a, status: 'published' });
      const { rows } = await ctx.db.execute<{ id: string; created_at: string }>(
        sql`SELECT id, created_at FROM tickets WHERE category = ${a.category} ORDER BY number LIMIT 3`,
      );
      // linked while the agent worked the ticket, half an hour after it opened
      for (const t of rows)
        await linkArticle(
          ctx.db,
          actor,
          new Date(new Date(t.created_at).getTime() + 1_800_000),
          t.id,
          article.id,
        );
    }
  },
};
