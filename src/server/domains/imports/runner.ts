import type { Db } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { BulkConflict } from '../accounts/bulk.js';
import { importEntity } from './entities.js';
import { analyse, countsOf, loadJob, storedIssues, wrongStatus } from './jobService.js';
import * as jobs from './jobsRepo.js';
import type { ImportCounts, ImportMode } from './jobsTable.js';

/**
 * Runs an import job. Validation takes the first 60 % of the progress bar, the writes the rest. The
 * writes happen in one transaction: without "skip bad rows" any bad row stops the job before it, and
 * whatever fails inside rolls everything back — an import is stored whole or not at all.
 * Progress and a heartbeat go through the pool (outside the transaction), so others can follow.
 */

export interface RunOutcome {
  status: 'done' | 'failed';
  counts: ImportCounts;
  failure: { code: string; params?: Record<string, unknown> } | null;
}

const isUniqueViolation = (err: unknown) =>
  typeof err === 'object' && err !== null && 'code' in err && (err as { code: string }).code === '23505';

export async function runJob(
  db: Db,
  actor: Actor,
  id: string,
  mode: ImportMode,
  log?: (err: unknown) => void,
): Promise<RunOutcome> {
  const heartbeat = setInterval(() => void jobs.updateJob(db, id, {}).catch(() => {}), jobs.HEARTBEAT_MS);
  let lastProgress = 0;
  const progress = async (share: number) => {
    if (share - lastProgress < 0.02 && share < 1) return;
    lastProgress = share;
    await jobs.updateJob(db, id, { progress: Math.min(0.99, share) });
  };
  const fail = async (
    code: string,
    extra: Parameters<typeof jobs.finishJob>[2] = { status: 'failed' },
    params?: Record<string, unknown>,
  ) => {
    const failure = { code, ...(params ? { params } : {}) };
    await jobs.finishJob(db, id, { ...extra, status: 'failed', failure });
    return {
      status: 'failed' as const,
      counts: extra.counts ?? (await jobs.findJob(db, id))!.counts,
      failure,
    };
  };
  try {
    const job = (await jobs.findJob(db, id))!;
    const bytes = await jobs.jobBytes(db, id);
    if (!bytes) return await fail('import.file_gone');
    const analysis = await analyse(db, job, bytes, mode, (s) => progress(s * 0.5));
    if (!analysis.ok)
      return await fail('import.file_invalid', { status: 'failed', fileIssues: analysis.fileIssues });
    const { plan, opened, mapping } = analysis;
    const counts = countsOf(analysis);
    const issues = storedIssues(plan);
    const issueCount = plan.errors.length + plan.warnings.length;
    if (plan.errors.length > 0 && mode !== 'skip_bad_rows')
      return await fail(
        'import.bad_rows',
        { status: 'failed', counts, issues, issueCount },
        { count: counts.bad },
      );
    await progress(0.6);
    const entity = importEntity(job.kind);
    const written = await db.transaction((tx) =>
      entity.write(tx, actor, { checked: plan, file: opened, mapping, mode }, (share) =>
        progress(0.6 + 0.4 * share),
      ),
    );
    const final = { ...counts, ...written, skipped: mode === 'skip_bad_rows' ? counts.bad : 0 };
    await jobs.finishJob(db, id, { status: 'done', counts: final, issues, issueCount, failure: null });
    return { status: 'done', counts: final, failure: null };
  } catch (err) {
    if (err instanceof BulkConflict || isUniqueViolation(err)) return await fail('import.conflict');
    log?.(err);
    return await fail('import.failed');
  } finally {
    clearInterval(heartbeat);
  }
}

/** Claims the job and runs it in the background of this process; the caller follows it with GET. */
export async function startRun(
  db: Db,
  actor: Actor,
  id: string,
  mode: ImportMode,
  log: (err: unknown) => void,
) {
  const job = await loadJob(db, actor, id);
  if (!(await jobs.claimJob(db, id, mode))) throw wrongStatus(job.status);
  setImmediate(() => {
    runJob(db, actor, id, mode, log).catch(log);
  });
}
