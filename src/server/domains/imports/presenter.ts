import { z } from 'zod';
import type { Locale } from '../../../shared/organization.js';
import { importEntity } from './entities.js';
import { IMPORT_KINDS } from './entity.js';
import { IMPORT_ISSUE_CAP, type ImportJobSummary } from './jobsRepo.js';
import { IMPORT_MODES, IMPORT_STATUSES } from './jobsTable.js';
import { issueMessage, localiseIssues } from './report.js';

const issueSchema = z.object({
  severity: z.enum(['error', 'warning']),
  line: z.number().nullable(),
  column: z.string().nullable(),
  field: z.string().nullable(),
  code: z.string(),
  params: z.record(z.string(), z.unknown()).optional(),
  message: z.string(),
});

const countsSchema = z.object({
  total: z.number(),
  valid: z.number(),
  bad: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  skipped: z.number(),
});

export const importJobSchema = z.object({
  id: z.string(),
  kind: z.enum(IMPORT_KINDS),
  status: z.enum(IMPORT_STATUSES),
  mode: z.enum(IMPORT_MODES).nullable(),
  fileName: z.string(),
  byteSize: z.number(),
  format: z.enum(['csv', 'xlsx']),
  encodingChoice: z.string(),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  hasHeader: z.boolean(),
  header: z.array(z.string()),
  fingerprint: z.string().nullable(),
  mapping: z.array(z.object({ column: z.number(), header: z.string(), target: z.string().nullable() })),
  mappingSource: z.enum(['guessed', 'remembered', 'user']),
  /** Every field a column can be mapped to. */
  targets: z.array(z.string()),
  counts: countsSchema,
  progress: z.number(),
  fileIssues: z.array(issueSchema),
  issueCount: z.number(),
  /** True when more issues were found than the report keeps (IMPORT_ISSUE_CAP). */
  issuesTruncated: z.boolean(),
  failure: z.object({ code: z.string(), message: z.string() }).nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type ImportJobDto = z.infer<typeof importJobSchema>;
export const importIssueSchema = issueSchema;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toImportJobDto(job: ImportJobSummary, locale: Locale): ImportJobDto {
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    mode: job.mode,
    fileName: job.fileName,
    byteSize: job.byteSize,
    format: job.format,
    encodingChoice: job.encodingChoice,
    encoding: job.encoding,
    delimiter: job.delimiter,
    hasHeader: job.hasHeader,
    header: job.header,
    fingerprint: job.fingerprint,
    mapping: job.mapping,
    mappingSource: job.mappingSource,
    targets: [...importEntity(job.kind).targets],
    counts: job.counts,
    progress: job.progress,
    fileIssues: localiseIssues(locale, job.fileIssues),
    issueCount: job.issueCount,
    issuesTruncated: job.issueCount > IMPORT_ISSUE_CAP,
    failure: job.failure ? { code: job.failure.code, message: issueMessage(locale, job.failure) } : null,
    createdAt: job.createdAt.toISOString(),
    startedAt: iso(job.startedAt),
    finishedAt: iso(job.finishedAt),
  };
}
