import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  index,
  jsonb,
  pgTable,
  real,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tstz } from '../../db/columns.js';
import type { ImportKind } from './entity.js';

/**
 * Import jobs: one uploaded file on its way from upload through mapping and dry run to the import.
 * The file's bytes live in import_files until the job ends (done or failed), so any server process can
 * run the job. Row issues are kept on the job (at most IMPORT_ISSUE_CAP of them) for the report.
 */

export const IMPORT_STATUSES = ['uploaded', 'validated', 'running', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export const IMPORT_MODES = ['create_only', 'upsert', 'skip_bad_rows'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export interface ImportCounts {
  total: number;
  valid: number;
  bad: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

export const emptyCounts = (): ImportCounts => ({
  total: 0,
  valid: 0,
  bad: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
  skipped: 0,
});

/** One stored issue: a row error or warning, or (line null) a problem of the whole file. */
export interface StoredIssue {
  severity: 'error' | 'warning';
  line: number | null;
  column: string | null;
  field: string | null;
  code: string;
  params?: Record<string, unknown>;
}

export interface StoredMapping {
  column: number;
  header: string;
  target: string | null;
}

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<ImportKind>().notNull().default('accounts'),
    status: text('status').$type<ImportStatus>().notNull().default('uploaded'),
    mode: text('mode').$type<ImportMode>(),
    fileName: text('file_name').notNull(),
    byteSize: bigint('byte_size', { mode: 'number' }).notNull(),
    /** What the caller chose (auto, gbk, utf-8 …) and what was detected or used. */
    encodingChoice: text('encoding_choice').notNull().default('auto'),
    encoding: text('encoding'),
    format: text('format').$type<'csv' | 'xlsx'>().notNull(),
    delimiter: text('delimiter'),
    hasHeader: boolean('has_header').notNull().default(true),
    header: jsonb('header').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    fingerprint: text('fingerprint'),
    mapping: jsonb('mapping').$type<StoredMapping[]>().notNull().default(sql`'[]'::jsonb`),
    /** Where the mapping came from: guessed from headers, remembered for the layout, or set by the user. */
    mappingSource: text('mapping_source').$type<'guessed' | 'remembered' | 'user'>().notNull(),
    counts: jsonb('counts').$type<ImportCounts>().notNull(),
    progress: real('progress').notNull().default(0),
    /** Problems of the whole file (encoding, mapping): the file cannot be imported as it is. */
    fileIssues: jsonb('file_issues').$type<StoredIssue[]>().notNull().default(sql`'[]'::jsonb`),
    /** Row errors and warnings of the last dry run or run, at most IMPORT_ISSUE_CAP. */
    issues: jsonb('issues').$type<StoredIssue[]>().notNull().default(sql`'[]'::jsonb`),
    issueCount: bigint('issue_count', { mode: 'number' }).notNull().default(0),
    /** Why a job failed: a message code and its params. */
    failure: jsonb('failure').$type<{ code: string; params?: Record<string, unknown> }>(),
    createdBy: uuid('created_by'),
    createdByLabel: text('created_by_label').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    startedAt: tstz('started_at'),
    finishedAt: tstz('finished_at'),
  },
  (t) => [
    index('import_jobs_creator_idx').on(t.createdBy, t.createdAt),
    index('import_jobs_running_idx').on(t.status).where(sql`status = 'running'`),
  ],
);

/** The uploaded bytes, deleted when the job ends. */
export const importFiles = pgTable('import_files', {
  jobId: uuid('job_id')
    .primaryKey()
    .references(() => importJobs.id, { onDelete: 'cascade' }),
  bytes: bytea('bytes').notNull(),
});

/** The mapping a user confirmed for a file layout (layoutFingerprint of the header). */
export const importMappings = pgTable(
  'import_mappings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    fingerprint: text('fingerprint').notNull(),
    mapping: jsonb('mapping').$type<StoredMapping[]>().notNull(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('import_mappings_user_fingerprint_key').on(t.userId, t.fingerprint),
    index('import_mappings_fingerprint_idx').on(t.fingerprint, t.updatedAt),
  ],
);
