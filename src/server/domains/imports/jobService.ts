import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/errors.js';
import type { EncodingChoice } from './decode.js';
import { importEntity } from './entities.js';
import type { CheckedImport, ImportEntity, ImportKind } from './entity.js';
import * as jobs from './jobsRepo.js';
import { emptyCounts, type ImportMode, type StoredIssue, type StoredMapping } from './jobsTable.js';
import { type ColumnMapping, headerKey } from './mapping.js';
import { type OpenedFile, openImportFile } from './prepare.js';
import type { FileIssue } from './readImportFile.js';
import type { RowIssue } from './rowValidation.js';

/**
 * Import jobs up to the run: upload (the file is read up to its header, the mapping guessed or taken
 * from the one remembered for this layout), mapping changes (remembered for the user), and the dry run
 * (every row validated, then checked against the database, nothing stored).
 */

export const MAX_IMPORT_BYTES = 30 * 1024 * 1024;

export const fileIssue = (i: FileIssue): StoredIssue => {
  const { code, ...rest } = i as FileIssue & { line?: number; params?: Record<string, unknown> };
  const params = {
    ...(rest.params ?? {}),
    ...('headers' in rest ? { headers: rest.headers } : {}),
    ...('target' in rest ? { target: rest.target } : {}),
  };
  return {
    severity: 'error',
    line: rest.line ?? null,
    column: null,
    field: null,
    code,
    ...(Object.keys(params).length ? { params } : {}),
  };
};
export const rowIssue = (severity: StoredIssue['severity'], i: RowIssue): StoredIssue => ({ severity, ...i });

/** A stored mapping applied to a header: by column when the header is the same, else by header name. */
function applyStored(header: string[], stored: StoredMapping[]): ColumnMapping<string>[] {
  const same = stored.length === header.length && stored.every((m, i) => m.header === header[i]);
  if (same) return header.map((h, column) => ({ column, header: h, target: stored[column].target ?? null }));
  const byKey = new Map(stored.map((m) => [headerKey(m.header), m.target]));
  return header.map((h, column) => ({ column, header: h, target: byKey.get(headerKey(h)) ?? null }));
}

/** The reading options of a job's file: its kind's limits and headers, the encoding and header choice. */
export const openOptions = (entity: ImportEntity, encoding: EncodingChoice, hasHeader?: boolean) => ({
  ...entity.limits,
  encoding,
  hasHeader,
  guessTarget: entity.guessTarget,
});

function assertMayUse(actor: Actor, job: { createdBy: string | null }) {
  if (job.createdBy !== actor.id && actor.role !== 'admin') throw notFound('importJob');
}

export async function loadJob(db: DbOrTx, actor: Actor, id: string) {
  const job = await jobs.findJob(db, id);
  if (!job) throw notFound('importJob');
  assertMayUse(actor, job);
  return job;
}

export interface UploadInput {
  /** What the file holds; accounts by default. */
  kind?: ImportKind;
  fileName: string;
  encoding: EncodingChoice;
  bytes: Buffer;
}

export async function uploadImport(db: Db, actor: Actor, input: UploadInput) {
  const entity = importEntity(input.kind ?? 'accounts');
  const maxBytes = entity.limits.maxBytes ?? MAX_IMPORT_BYTES;
  if (input.bytes.byteLength > maxBytes)
    throw new AppError('BODY_TOO_LARGE', { params: { limit: `${maxBytes / 1024 / 1024} MB` } });
  const opened = await openImportFile(input.bytes, { ...openOptions(entity, input.encoding), keepRows: 0 });
  const base = {
    kind: entity.kind,
    fileName: input.fileName,
    byteSize: input.bytes.byteLength,
    encodingChoice: input.encoding,
    format: opened.format,
    counts: emptyCounts(),
    createdBy: actor.id,
    createdByLabel: actor.label,
  };
  if (!opened.ok) {
    return jobs.insertJob(
      db,
      { ...base, mappingSource: 'guessed', fileIssues: opened.issues.map(fileIssue) },
      input.bytes,
    );
  }
  // a layout remembered for another kind of import (same headers) is not this kind's
  const stored = await jobs.rememberedMapping(db, actor.id, opened.fingerprint);
  const remembered = stored?.every((m) => m.target === null || entity.targets.includes(m.target))
    ? stored
    : null;
  const mapping = remembered ? applyStored(opened.header, remembered) : entity.guessMapping(opened.header);
  return jobs.insertJob(
    db,
    {
      ...base,
      ...fileFacts(opened),
      mapping,
      mappingSource: remembered ? 'remembered' : 'guessed',
      fileIssues: entity.validateMapping(mapping, {}).map(fileIssue),
      counts: { ...emptyCounts(), total: opened.total },
    },
    input.bytes,
  );
}

const fileFacts = (f: OpenedFile) => ({
  encoding: f.encoding ?? null,
  delimiter: f.delimiter ?? null,
  hasHeader: f.hasHeader,
  header: f.header,
  fingerprint: f.fingerprint,
});

const EDITABLE = new Set(['uploaded', 'validated']);

export interface MappingInput {
  mapping?: { column: number; target: string | null }[];
  hasHeader?: boolean;
  encoding?: EncodingChoice;
}

/** Changes the mapping (remembered for this layout), whether the first row is a header, or the encoding. */
export async function changeMapping(db: Db, actor: Actor, id: string, input: MappingInput) {
  const job = await loadJob(db, actor, id);
  if (!EDITABLE.has(job.status)) throw wrongStatus(job.status);
  const bytes = await jobs.jobBytes(db, id);
  if (!bytes) throw wrongStatus(job.status);
  const entity = importEntity(job.kind);
  const encoding = input.encoding ?? (job.encodingChoice as EncodingChoice);
  const opened = await openImportFile(bytes, {
    ...openOptions(entity, encoding, input.hasHeader ?? job.hasHeader),
    keepRows: 0,
  });
  if (!opened.ok) {
    await jobs.updateJob(db, id, {
      encodingChoice: encoding,
      fileIssues: opened.issues.map(fileIssue),
      status: 'uploaded',
    });
    return;
  }
  let mapping =
    job.fingerprint === opened.fingerprint
      ? applyStored(opened.header, job.mapping)
      : entity.guessMapping(opened.header);
  if (input.mapping) {
    const byColumn = new Map(input.mapping.map((m) => [m.column, m.target]));
    mapping = mapping.map((m) =>
      byColumn.has(m.column) ? { ...m, target: byColumn.get(m.column) ?? null } : m,
    );
  }
  const issues = entity.validateMapping(mapping, {});
  await jobs.updateJob(db, id, {
    ...fileFacts(opened),
    encodingChoice: encoding,
    mapping,
    mappingSource: input.mapping ? 'user' : job.mappingSource,
    fileIssues: issues.map(fileIssue),
    status: 'uploaded',
    counts: { ...emptyCounts(), total: opened.total },
  });
  if (input.mapping && issues.length === 0 && actor.kind === 'user' && actor.id)
    await jobs.rememberMapping(db, actor.id, opened.fingerprint, mapping);
}

export const wrongStatus = (status: string) =>
  new AppError('VALIDATION_FAILED', { fields: { status: 'import.wrong_status' }, params: { status } });

export type Analysis =
  | { ok: false; fileIssues: StoredIssue[]; total: number }
  | { ok: true; opened: OpenedFile; mapping: ColumnMapping<string>[]; plan: CheckedImport };

/** The dry run's work, also the run's first step: read, validate every row, check against the database. */
export async function analyse(
  db: DbOrTx,
  job: jobs.ImportJobSummary,
  bytes: Buffer,
  mode: ImportMode,
  onProgress?: (share: number) => Promise<void>,
): Promise<Analysis> {
  const entity = importEntity(job.kind);
  const opened = await openImportFile(
    bytes,
    openOptions(entity, job.encodingChoice as EncodingChoice, job.hasHeader),
  );
  if (!opened.ok) return { ok: false, fileIssues: opened.issues.map(fileIssue), total: 0 };
  const mapping = applyStored(opened.header, job.mapping);
  const mappingIssues = entity.validateMapping(mapping, { mode });
  if (mappingIssues.length > 0)
    return { ok: false, fileIssues: mappingIssues.map(fileIssue), total: opened.rows.length };
  const plan = await entity.check(db, opened, mapping, mode, onProgress);
  return { ok: true, opened, mapping, plan };
}

export function countsOf(analysis: Extract<Analysis, { ok: true }>) {
  const total = analysis.opened.rows.length;
  const bad = analysis.plan.badLines.length;
  return { ...emptyCounts(), total, bad, valid: total - bad };
}

export const storedIssues = (plan: CheckedImport): StoredIssue[] =>
  [...plan.errors.map((e) => rowIssue('error', e)), ...plan.warnings.map((w) => rowIssue('warning', w))]
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
    .slice(0, jobs.IMPORT_ISSUE_CAP);

export async function dryRun(db: Db, actor: Actor, id: string, mode: ImportMode) {
  const job = await loadJob(db, actor, id);
  if (!EDITABLE.has(job.status)) throw wrongStatus(job.status);
  const bytes = await jobs.jobBytes(db, id);
  if (!bytes) throw wrongStatus(job.status);
  const analysis = await analyse(db, job, bytes, mode);
  if (!analysis.ok) {
    await jobs.updateJob(db, id, {
      fileIssues: analysis.fileIssues,
      issues: [],
      issueCount: 0,
      status: 'uploaded',
      mode,
    });
    return;
  }
  const { plan } = analysis;
  await jobs.updateJob(db, id, {
    status: 'validated',
    mode,
    counts: countsOf(analysis),
    fileIssues: [],
    issues: storedIssues(plan),
    issueCount: plan.errors.length + plan.warnings.length,
  });
}

export const importTargets = (kind: ImportKind = 'accounts') => [...importEntity(kind).targets];
