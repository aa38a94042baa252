/**
 * `logicrm import accounts FILE` and `logicrm import shipments FILE`: the same import as the API
 * (upload, dry run, run), from a shell.
 * Prints the counts as JSON; when rows have problems, writes the error report next to the file
 * (FILE.report.csv) and prints its path. Exits non-zero when the import stored nothing because of errors.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import type { Db } from '../server/db/client.js';
import type { EncodingChoice } from '../server/domains/imports/decode.js';
import { importEntity } from '../server/domains/imports/entities.js';
import { IMPORT_KINDS, type ImportKind } from '../server/domains/imports/entity.js';
import { dryRun, uploadImport } from '../server/domains/imports/jobService.js';
import * as jobs from '../server/domains/imports/jobsRepo.js';
import { IMPORT_MODES, type ImportMode } from '../server/domains/imports/jobsTable.js';
import { issueMessage, reportCsv } from '../server/domains/imports/report.js';
import { runJob } from '../server/domains/imports/runner.js';
import { findUserByEmail } from '../server/domains/users/repo.js';
import { type Actor, systemActor } from '../server/lib/actor.js';
import { can } from '../shared/permissions.js';
import { withDatabase } from './db.js';

export interface ImportCommandOptions {
  /** What the file holds; accounts by default. */
  kind?: ImportKind;
  mode: ImportMode;
  encoding: EncodingChoice;
  dryRun?: boolean;
  as?: string;
  /** Where the summary goes; default stdout. */
  write?: (text: string) => void;
}

async function actorFor(db: Db, email: string | undefined, kind: ImportKind): Promise<Actor> {
  if (!email) return systemActor('cli');
  const user = await findUserByEmail(db, email);
  if (!user?.active) throw new Error(`no active user with email ${email}`);
  if (!can(user.role, importEntity(kind).permission))
    throw new Error(`${email} (${user.role}) may not import ${kind}`);
  return { ...systemActor(user.email), kind: 'user', id: user.id, role: user.role, locale: user.locale };
}

/** Runs one import; returns the job as stored at the end. */
export async function runImportCommand(db: Db, file: string, options: ImportCommandOptions) {
  const write = options.write ?? ((t: string) => process.stdout.write(t));
  const kind = options.kind ?? 'accounts';
  const actor = await actorFor(db, options.as, kind);
  const bytes = readFileSync(file);
  const id = await uploadImport(db, actor, { kind, fileName: file, encoding: options.encoding, bytes });
  if (options.dryRun) await dryRun(db, actor, id, options.mode);
  else {
    if (!(await jobs.claimJob(db, id, options.mode))) throw new Error('the import job could not start');
    await runJob(db, actor, id, options.mode, (err) => console.error(err));
  }
  const job = (await jobs.findJob(db, id))!;
  const issues = await jobs.jobIssues(db, id);
  let report: string | null = null;
  if (issues.length > 0 || job.fileIssues.length > 0) {
    report = `${file}.report.csv`;
    const truncated = job.issueCount > jobs.IMPORT_ISSUE_CAP ? { cap: jobs.IMPORT_ISSUE_CAP } : null;
    writeFileSync(report, reportCsv(actor.locale, job.fileIssues, issues, truncated));
  }
  const summary = {
    job: job.id,
    kind,
    status: job.status,
    mode: options.mode,
    dryRun: options.dryRun === true,
    encoding: job.encoding,
    format: job.format,
    counts: job.counts,
    failure: job.failure ? issueMessage(actor.locale, job.failure) : null,
    fileIssues: job.fileIssues.map((i) => issueMessage(actor.locale, i)),
    report,
  };
  write(`${JSON.stringify(summary, null, 2)}\n`);
  return { job, summary };
}

const DESCRIPTIONS: Record<ImportKind, [string, string]> = {
  accounts: ['import accounts with their contacts (one row per account)', 'upsert (by account code)'],
  shipments: ['import shipments, one row per waybill (docs/shipment-import.md)', 'upsert (by waybill)'],
};

export function registerImportCommand(program: Command): void {
  const imports = program.command('import').description('import records from CSV or XLSX files');
  for (const kind of IMPORT_KINDS) {
    const [description, upsert] = DESCRIPTIONS[kind];
    imports
      .command(kind)
      .description(description)
      .argument('<file>', 'CSV (UTF-8, UTF-8 with BOM, GBK/GB18030) or XLSX file')
      .addOption(
        new Option('--mode <mode>', `create_only, ${upsert} or skip_bad_rows`)
          .choices(IMPORT_MODES)
          .default('create_only'),
      )
      .addOption(
        new Option('--encoding <encoding>', 'text encoding of a CSV')
          .choices(['auto', 'gbk', 'gb18030', 'utf-8'])
          .default('auto'),
      )
      .option('--dry-run', 'validate every row and report, store nothing')
      .option('--as <email>', 'import as this user (audit, ownership); default: the system')
      .action((file: string, o: Omit<ImportCommandOptions, 'write' | 'kind'>) =>
        withDatabase(async ({ db }) => {
          const { job } = await runImportCommand(db, file, { ...o, kind });
          const failed =
            job.status === 'failed' || (o.dryRun && (job.counts.bad > 0 || job.fileIssues.length > 0));
          if (failed)
            throw new Error(`import ${o.dryRun ? 'dry run found problems' : 'failed'}; see the report`);
        }),
      );
  }
}
