import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client';
import { downloadFile } from '../../api/download';
import { queryKeys } from '../../api/keys';
import type { Page } from '../../api/types';
import type { ImportKind } from './entities';

/** The import jobs API (/imports): upload, mapping, dry run, run, report; shapes as the server answers. */

export const IMPORT_MODES = ['create_only', 'upsert', 'skip_bad_rows'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];
export type ImportStatus = 'uploaded' | 'validated' | 'running' | 'done' | 'failed';
export const ENCODING_CHOICES = ['auto', 'utf-8', 'gbk', 'gb18030'] as const;
export type EncodingChoice = (typeof ENCODING_CHOICES)[number];

export interface ImportIssue {
  severity: 'error' | 'warning';
  line: number | null;
  column: string | null;
  field: string | null;
  code: string;
  message: string;
}

export interface ImportCounts {
  total: number;
  valid: number;
  bad: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

export interface ImportJob {
  id: string;
  kind: ImportKind;
  status: ImportStatus;
  mode: ImportMode | null;
  fileName: string;
  byteSize: number;
  format: 'csv' | 'xlsx';
  encodingChoice: string;
  encoding: string | null;
  delimiter: string | null;
  hasHeader: boolean;
  header: string[];
  mapping: { column: number; header: string; target: string | null }[];
  mappingSource: 'guessed' | 'remembered' | 'user';
  targets: string[];
  counts: ImportCounts;
  progress: number;
  fileIssues: ImportIssue[];
  issueCount: number;
  issuesTruncated: boolean;
  failure: { code: string; message: string } | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface ImportPreview {
  header: string[];
  rows: { line: number; cells: string[] }[];
}

export interface DryRunResult {
  job: ImportJob;
  issues: ImportIssue[];
}

const keys = queryKeys.imports;
const PREVIEW_ROWS = 8;
/** How many issues the dry run shows on screen; the downloadable report has all that were kept. */
const DRY_RUN_ISSUES = 500;
/** How often a running import is asked for its progress. */
const POLL_MS = 500;

export const isEditable = (job: ImportJob) => job.status === 'uploaded' || job.status === 'validated';
export const hasMappingIssues = (job: ImportJob) => job.fileIssues.some((i) => i.code.startsWith('mapping.'));
export const hasFileIssues = (job: ImportJob) => job.fileIssues.some((i) => !i.code.startsWith('mapping.'));

export function useImportJobs(cursor: string | null) {
  return useQuery({
    queryKey: keys.list(cursor),
    queryFn: () => api<Page<ImportJob>>('GET', withQuery('/imports', { limit: 20, cursor })),
    placeholderData: keepPreviousData,
  });
}

/** One job; asked again every POLL_MS while it runs. */
export function useImportJob(id: string | undefined) {
  return useQuery({
    queryKey: keys.detail(id ?? ''),
    queryFn: () => api<ImportJob>('GET', `/imports/${id}`),
    enabled: id !== undefined,
    refetchInterval: (q) => (q.state.data?.status === 'running' ? POLL_MS : false),
  });
}

/** The first rows as the server reads them now (encoding, header row): refetched when those change. */
export function useImportPreview(job: ImportJob) {
  return useQuery({
    queryKey: keys.preview(job.id, job.encodingChoice, job.hasHeader),
    queryFn: () => api<ImportPreview>('GET', withQuery(`/imports/${job.id}/preview`, { rows: PREVIEW_ROWS })),
    enabled: isEditable(job),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useUploadImport(uploadPath: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, encoding }: { file: File; encoding: EncodingChoice }) =>
      api<ImportJob>('POST', withQuery(uploadPath, { filename: file.name, encoding }), file),
    onSuccess: (job) => {
      qc.setQueryData(keys.detail(job.id), job);
      void qc.invalidateQueries({ queryKey: keys.lists });
    },
  });
}

export interface MappingChange {
  mapping?: { column: number; target: string | null }[];
  hasHeader?: boolean;
  encoding?: EncodingChoice;
}

/** Changes the mapping, header row or encoding; earlier dry runs no longer hold. */
export function useChangeMapping(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (change: MappingChange) => api<ImportJob>('PUT', `/imports/${id}/mapping`, change),
    onSuccess: (job) => {
      qc.setQueryData(keys.detail(id), job);
      qc.removeQueries({ queryKey: keys.dryRuns(id) });
    },
  });
}

/** The dry run in a mode; kept until the mapping changes, asked again with "check again". */
export function useDryRun(job: ImportJob, mode: ImportMode, enabled: boolean) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: keys.dryRun(job.id, mode),
    queryFn: async () => {
      const result = await api<DryRunResult>('POST', `/imports/${job.id}/dry-run`, {
        mode,
        limit: DRY_RUN_ISSUES,
      });
      qc.setQueryData(keys.detail(job.id), result.job);
      return result;
    },
    enabled: enabled && isEditable(job),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

export function useRunImport(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (mode: ImportMode) => api<ImportJob>('POST', `/imports/${id}/run`, { mode }),
    onSuccess: (job) => {
      qc.setQueryData(keys.detail(id), job);
      void qc.invalidateQueries({ queryKey: keys.lists });
    },
  });
}

export const downloadReport = (job: ImportJob) =>
  downloadFile(`/imports/${job.id}/report`, `${job.fileName.replace(/\.[^.]*$/, '')}-report.csv`);
