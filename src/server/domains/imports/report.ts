import { stringify } from 'csv-stringify/sync';
import { translate } from '../../../shared/i18n/messages.js';
import '../../../shared/customers/importMessages.js';
import '../../../shared/customers/messages.js';
import '../../../shared/i18n/logisticsMessages.js';
import type { Locale } from '../../../shared/organization.js';
import { escapeFormula } from './csv.js';
import type { StoredIssue } from './jobsTable.js';

/** Localised messages of import issues, and the error report a person downloads (CSV, UTF-8 with BOM). */

function messageParams(locale: Locale, issue: Pick<StoredIssue, 'code' | 'params'>) {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(issue.params ?? {})) {
    if (Array.isArray(v)) out[k] = v.join(', ');
    else if (typeof v === 'number' || typeof v === 'string') out[k] = v;
    else if (v !== null && v !== undefined) out[k] = JSON.stringify(v);
  }
  const mb = (n: unknown) => Math.round((Number(n) / 1024 / 1024) * 10) / 10;
  if (issue.code === 'file.too_large') {
    out.sizeMb = mb(out.byteLength);
    out.maxMb = mb(out.maxBytes);
  }
  if (typeof out.evidence === 'string') out.evidence = translate(locale, `import.evidence.${out.evidence}`);
  return out;
}

export function issueMessage(locale: Locale, issue: Pick<StoredIssue, 'code' | 'params'>): string {
  return translate(locale, issue.code, messageParams(locale, issue));
}

export interface LocalisedIssue extends StoredIssue {
  message: string;
}

export const localiseIssues = (locale: Locale, issues: readonly StoredIssue[]): LocalisedIssue[] =>
  issues.map((i) => ({ ...i, message: issueMessage(locale, i) }));

const REPORT_HEADER: Record<Locale, string[]> = {
  'zh-CN': ['行号', '列', '字段', '级别', '代码', '说明'],
  'en-US': ['Line', 'Column', 'Field', 'Severity', 'Code', 'Message'],
};
const SEVERITY: Record<Locale, Record<StoredIssue['severity'], string>> = {
  'zh-CN': { error: '错误', warning: '警告' },
  'en-US': { error: 'error', warning: 'warning' },
};

/** The report: file problems first, then row issues by line; a note when detail was capped. */
export function reportCsv(
  locale: Locale,
  fileIssues: readonly StoredIssue[],
  issues: readonly StoredIssue[],
  truncated: { cap: number } | null,
): string {
  const rows = [...fileIssues, ...issues].map((i) => [
    i.line ?? '',
    escapeFormula(i.column ?? ''),
    i.field ?? '',
    SEVERITY[locale][i.severity],
    i.code,
    escapeFormula(issueMessage(locale, i)),
  ]);
  if (truncated)
    rows.push([
      '',
      '',
      '',
      '',
      'import.report_truncated',
      issueMessage(locale, { code: 'import.report_truncated', params: truncated }),
    ]);
  return `\uFEFF${stringify([REPORT_HEADER[locale], ...rows], { record_delimiter: '\r\n' })}`;
}
