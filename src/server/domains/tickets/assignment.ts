import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { teams } from '../sla/table.js';
import { accountServiceAgents } from './table.js';

/**
 * Who gets a new ticket: the account's dedicated agent (set for strategic accounts), otherwise the
 * next active member of the team in round-robin order. The counter moves in one UPDATE, so two
 * tickets opened at once go to different people.
 */
export async function pickAssignee(
  tx: DbOrTx,
  accountId: string,
  teamId: string | null,
): Promise<{ assigneeId: string | null; teamId: string | null }> {
  const [dedicated] = await tx
    .select()
    .from(accountServiceAgents)
    .where(eq(accountServiceAgents.accountId, accountId));
  const team = teamId ?? dedicated?.teamId ?? (await defaultTeamId(tx));
  if (dedicated) {
    const { rows } = await tx.execute<{ ok: boolean }>(
      sql`SELECT active AS ok FROM users WHERE id = ${dedicated.agentId}`,
    );
    if (rows[0]?.ok) return { assigneeId: dedicated.agentId, teamId: team };
  }
  if (!team) return { assigneeId: null, teamId: null };
  const { rows } = await tx.execute<{ user_id: string | null }>(sql`
    WITH active AS (
      SELECT m.user_id, m.ord FROM teams t, unnest(t.member_ids) WITH ORDINALITY AS m(user_id, ord)
      JOIN users u ON u.id = m.user_id AND u.active
      WHERE t.id = ${team}
    ), bumped AS (
      UPDATE teams SET rr_next = rr_next + 1 WHERE id = ${team} RETURNING rr_next - 1 AS n
    )
    SELECT (SELECT user_id FROM active ORDER BY ord OFFSET ((SELECT n FROM bumped) % GREATEST((SELECT count(*) FROM active), 1)) LIMIT 1) AS user_id`);
  return { assigneeId: rows[0]?.user_id ?? null, teamId: team };
}

async function defaultTeamId(tx: DbOrTx): Promise<string | null> {
  const [t] = await tx.select({ id: teams.id }).from(teams).orderBy(teams.createdAt).limit(1);
  return t?.id ?? null;
}
