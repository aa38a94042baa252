import { describe, expect, it } from 'vitest';
import { translate } from '../../../shared/i18n/messages.js';
import { CELL_VALUE_CODES } from './cellValues.js';
import { DECODE_REASONS } from './decode.js';
import { MAPPING_ISSUE_CODES } from './mapping.js';
import { IMPORT_ROW_CODES } from './plan.js';
import { issueMessage, reportCsv } from './report.js';
import { TABLE_ISSUE_CODES } from './table.js';

const JOB_CODES = [
  'import.duplicate_code',
  'import.duplicate_credit_code',
  'import.bad_rows',
  'import.file_invalid',
  'import.interrupted',
  'import.conflict',
  'import.failed',
  'import.wrong_status',
  'import.file_gone',
  'import.report_truncated',
];

describe('import messages', () => {
  const codes = [
    ...DECODE_REASONS,
    ...TABLE_ISSUE_CODES,
    ...MAPPING_ISSUE_CODES,
    ...CELL_VALUE_CODES,
    ...IMPORT_ROW_CODES,
    ...JOB_CODES,
  ];
  it.each(codes)('%s has a message in both languages', (code) => {
    const zh = translate('zh-CN', code);
    const en = translate('en-US', code);
    expect(zh).not.toBe(code);
    expect(en).not.toBe(code);
    expect(zh).not.toBe(en);
  });

  it('fills params: sizes in MB, lists, evidence in the caller’s language', () => {
    expect(
      issueMessage('en-US', { code: 'file.too_large', params: { maxBytes: 31457280, byteLength: 52428800 } }),
    ).toBe('The file is too large (50 MB; at most 30 MB).');
    expect(
      issueMessage('zh-CN', {
        code: 'mapping.duplicate_target',
        params: { headers: ['手机', '电话'], target: 'contact.mobile' },
      }),
    ).toBe('列 手机, 电话 都对应到 contact.mobile，请只保留一列。');
    expect(
      issueMessage('en-US', {
        code: 'import.likely_duplicate',
        params: { code: 'C1', name: 'Acme', evidence: 'same_name' },
      }),
    ).toBe('Looks like the existing account C1 Acme (same company name).');
  });

  it('writes the report with a BOM, formula-safe cells and a truncation note', () => {
    const csv = reportCsv(
      'en-US',
      [],
      [{ severity: 'error', line: 2, column: '=evil', field: 'code', code: 'import.code_required' }],
      { cap: 50_000 },
    );
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('\uFEFFLine,Column,Field,Severity,Code,Message');
    expect(lines[1]).toMatch(/^2,'=evil,code,error,import\.code_required,/);
    expect(lines[2]).toContain('Only the first 50000 issues are kept');
  });
});
