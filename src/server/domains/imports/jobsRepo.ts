import { and, desc, eq, getTableColumns, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  type ImportCounts,
  importFiles,
  importJobs,
  importMappings,
  type StoredIssue,
  type StoredMapping,
} from './jobsTable.js';

/** Storage of import jobs, their files and remembered mappings. */

export type ImportJobRow = typeof importJobs.$inferSelect;
export type ImportJobSummary = Omit<ImportJobRow, 'issues'>;

/** Row issues kept per job; the counts stay complete beyond it. */
export const IMPORT_ISSUE_CAP = 50_000;
/** A running job writes a heartbeat this often; one silent for STALE_AFTER_MS is dead. */
export const HEARTBEAT_MS = 10_000;
export const STALE_AFTER_MS = 30_000;

const { issues: _issues, ...summaryColumns } = getTableColumns(importJobs);

export async function insertJob(db: DbOrTx, row: typeof importJobs.$inferInsert, bytes: Buffer) {
  return db.transaction(async (tx) => {
    const [job] = await tx.insert(importJobs).values(row).returning({ id: importJobs.id });
    await tx.insert(importFiles).values({ jobId: job.id, bytes });
    return job.id;
  });
}

export async function findJob(db: DbOrTx, id: string): Promise<ImportJobSummary | undefined> {
  await failStaleJobs(db, id);
  return (await db.select(summaryColumns).from(importJobs).where(eq(importJobs.id, id)))[0];
}

export async function jobIssues(db: DbOrTx, id: string): Promise<StoredIssue[]> {
  const [r] = await db.select({ issues: importJobs.issues }).from(importJobs).where(eq(importJobs.id, id));
  return r?.issues ?? [];
}

export async function listJobs(db: DbOrTx, createdBy: string | null, limit: number, before: Date | null) {
  await failStaleJobs(db, null);
  return db
    .select(summaryColumns)
    .from(importJobs)
    .where(
      and(
        createdBy ? eq(importJobs.createdBy, createdBy) : sql`${importJobs.createdBy} IS NULL`,
        before ? lt(importJobs.createdAt, before) : undefined,
      ),
    )
    .orderBy(desc(importJobs.createdAt))
    .limit(limit + 1);
}

export async function jobBytes(db: DbOrTx, id: string): Promise<Buffer | undefined> {
  return (await db.select({ bytes: importFiles.bytes }).from(importFiles).where(eq(importFiles.jobId, id)))[0]
    ?.bytes;
}

export async function updateJob(db: DbOrTx, id: string, patch: Partial<typeof importJobs.$inferInsert>) {
  await db
    .update(importJobs)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(importJobs.id, id));
}

/** Moves a job to running unless it already runs or ended; false when another call got there first. */
export async function claimJob(db: DbOrTx, id: string, mode: ImportJobRow['mode']): Promise<boolean> {
  const rows = await db
    .update(importJobs)
    .set({
      status: 'running',
      mode,
      progress: 0,
      startedAt: new Date(),
      updatedAt: new Date(),
      failure: null,
    })
    .where(and(eq(importJobs.id, id), sql`${importJobs.status} IN ('uploaded', 'validated')`))
    .returning({ id: importJobs.id });
  return rows.length === 1;
}

export async function finishJob(
  db: DbOrTx,
  id: string,
  outcome: {
    status: 'done' | 'failed';
    counts?: ImportCounts;
    issues?: StoredIssue[];
    issueCount?: number;
    fileIssues?: StoredIssue[];
    failure?: { code: string; params?: Record<string, unknown> } | null;
  },
) {
  await db.transaction(async (tx) => {
    await updateJob(tx, id, {
      ...outcome,
      progress: outcome.status === 'done' ? 1 : undefined,
      finishedAt: new Date(),
    });
    await tx.delete(importFiles).where(eq(importFiles.jobId, id));
  });
}

/**
 * Jobs left running by a process that stopped (no heartbeat for STALE_AFTER_MS) are failed, their file
 * dropped: at server start for all, and before a job is shown. Nothing of theirs was stored — the
 * import runs in one transaction, which died with the process.
 */
export async function failStaleJobs(db: DbOrTx, id: string | null): Promise<number> {
  const { rows } = await db.execute<{ id: string }>(sql`
    UPDATE import_jobs SET status = 'failed', failure = '{"code":"import.interrupted"}'::jsonb,
           finished_at = now(), updated_at = now()
     WHERE status = 'running' AND updated_at < now() - make_interval(secs => ${STALE_AFTER_MS / 1000})
       AND (${id}::uuid IS NULL OR id = ${id}::uuid)
    RETURNING id`);
  if (rows.length > 0)
    await db.execute(
      sql`DELETE FROM import_files WHERE job_id = ANY(${sql.param(rows.map((r) => r.id))}::uuid[])`,
    );
  return rows.length;
}

/** The user's own mapping for the layout, else the latest anyone confirmed for it. */
export async function rememberedMapping(db: DbOrTx, userId: string | null, fingerprint: string) {
  const rows = await db
    .select({ mapping: importMappings.mapping, userId: importMappings.userId })
    .from(importMappings)
    .where(eq(importMappings.fingerprint, fingerprint))
    .orderBy(desc(importMappings.updatedAt))
    .limit(50);
  return (rows.find((r) => r.userId === userId) ?? rows[0])?.mapping ?? null;
}

export async function rememberMapping(
  db: DbOrTx,
  userId: string,
  fingerprint: string,
  mapping: StoredMapping[],
) {
  await db
    .insert(importMappings)
    .values({ userId, fingerprint, mapping })
    .onConflictDoUpdate({
      target: [importMappings.userId, importMappings.fingerprint],
      set: { mapping, updatedAt: new Date() },
    });
}
