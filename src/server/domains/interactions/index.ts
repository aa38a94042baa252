import { and, desc, eq, lte } from 'drizzle-orm';
import { registerJob } from '../../jobs/registry.js';
import { ACCOUNT_REFERENCES } from '../accounts/merge.js';
import { TIMELINE_SOURCES } from '../accounts/timeline.js';
import { users } from '../users/table.js';
import { generateReturnVisits, runTaskReminders } from './jobs.js';
import { interactions } from './table.js';

export { interactionsRoutes } from './routes.js';
export { createTask, logInteraction } from './service.js';

ACCOUNT_REFERENCES.push(
  { table: 'interactions', column: 'account_id' },
  { table: 'tasks', column: 'account_id' },
);

TIMELINE_SOURCES.interactions = async (db, accountId, before, limit) => {
  const rows = await db
    .select({ i: interactions, who: users.name })
    .from(interactions)
    .leftJoin(users, eq(users.id, interactions.userId))
    .where(and(eq(interactions.accountId, accountId), lte(interactions.occurredAt, before)))
    .orderBy(desc(interactions.occurredAt))
    .limit(limit);
  return rows.map(({ i, who }) => ({
    key: `interactions:${i.id}`,
    at: i.occurredAt,
    source: 'interactions',
    kind: `interaction.${i.channel}`,
    actorLabel: who,
    data: {
      id: i.id,
      channel: i.channel,
      direction: i.direction,
      subject: i.subject,
      notes: i.notes,
      outcome: i.outcome,
      contactId: i.contactId,
    },
  }));
};

registerJob({
  name: 'tasks.remind',
  cron: '*/5 * * * *',
  handle: async (ctx) => {
    await runTaskReminders(ctx.database.db, ctx.clock.now());
  },
});

registerJob({
  name: 'tasks.returnVisits',
  // 01:00 in China
  cron: '0 17 * * *',
  handle: async (ctx) => {
    await generateReturnVisits(ctx.database.db, ctx.clock.now());
  },
});
