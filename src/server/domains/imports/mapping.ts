import { createHash } from 'node:crypto';
import type { TableRecord } from './table.js';

/**
 * Columns of an import file to the fields they fill. One row is one account with at most one contact.
 * Headers are compared after {@link headerKey}: NFKC, lower case, without spaces, brackets and
 * punctuation, and without "必填"/"required" marks — so "账期（天）*" and "账期(天)" are one header.
 */

export const IMPORT_TARGETS = [
  'code',
  /** A company name in either script: goes to nameZh when it has Chinese characters, else to nameEn. */
  'name',
  'nameZh',
  'nameEn',
  'creditCode',
  'industry',
  'size',
  'province',
  'city',
  'address',
  'source',
  'ownerEmail',
  'status',
  'tier',
  'lifecycleStage',
  'tags',
  'creditTermsDays',
  'transportModes',
  'lanes',
  'monthlyVolume',
  'volumeUnit',
  'contact.name',
  'contact.title',
  'contact.mobile',
  'contact.phone',
  'contact.email',
  'contact.wechatId',
  'contact.preferredChannel',
] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];

/** Known headers per target, '|'-separated; compared after headerKey(). */
const ALIAS_LISTS: Record<ImportTarget, string> = {
  code: '客户编码|客户代码|客户编号|编码|代码|编号|code|accountcode|customercode|customerno',
  name: '客户名称|公司名称|企业名称|单位名称|客户|名称|客户全称|公司全称|name|companyname|accountname|customername|company|customer',
  nameZh: '中文名称|中文名|客户中文名称|namezh|chinesename|namecn',
  nameEn: '英文名称|英文名|客户英文名称|nameen|englishname',
  creditCode: '统一社会信用代码|社会信用代码|信用代码|税号|creditcode|uscc|unifiedsocialcreditcode|taxid',
  industry: '行业|所属行业|industry',
  size: '规模|企业规模|公司规模|人员规模|size|companysize',
  province: '省|省份|所在省份|province|state',
  city: '城市|市|所在城市|city',
  address: '地址|详细地址|公司地址|办公地址|address',
  source: '来源|客户来源|source|leadsource',
  ownerEmail: '负责人|负责人邮箱|客户经理|客户经理邮箱|销售|业务员|owner|owneremail|accountmanager|salesrep',
  status: '状态|客户状态|status',
  tier: '等级|客户等级|服务等级|客户级别|tier|servicetier|level',
  lifecycleStage: '生命周期|生命周期阶段|lifecycle|lifecyclestage',
  tags: '标签|客户标签|tags|tag|labels',
  creditTermsDays:
    '账期|账期天|账期天数|信用期|付款账期|credittermsdays|creditterms|paymentterms|paymenttermsdays',
  transportModes: '运输方式|运输需求|业务类型|服务类型|transportmodes|modes|mode|services',
  lanes: '主要线路|线路|主要流向|流向|lanes|mainlanes|lane',
  monthlyVolume: '月均货量|预计月货量|月货量|货量|monthlyvolume|volume|expectedmonthlyvolume',
  volumeUnit: '货量单位|计量单位|volumeunit|unit',
  'contact.name': '联系人|联系人姓名|姓名|contact|contactname|contactperson',
  'contact.title': '职务|职位|联系人职务|title|jobtitle|position',
  'contact.mobile': '手机|手机号|手机号码|联系人手机|移动电话|mobile|mobilephone|cellphone|cell',
  'contact.phone': '电话|座机|固定电话|联系电话|办公电话|phone|telephone|tel|officephone',
  'contact.email': '邮箱|电子邮件|电子邮箱|联系人邮箱|email|mail|emailaddress',
  'contact.wechatId': '微信|微信号|联系人微信|wechat|wechatid|weixin',
  'contact.preferredChannel': '首选渠道|首选联系方式|联系方式偏好|preferredchannel|channel',
};

export const HEADER_ALIASES = Object.fromEntries(
  IMPORT_TARGETS.map((t) => [t, ALIAS_LISTS[t].split('|')]),
) as unknown as Readonly<Record<ImportTarget, readonly string[]>>;

/** The comparable form of a header. */
export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/必填|选填|required|optional/g, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

export interface ColumnMapping<T extends string = ImportTarget> {
  /** 0-based column index. */
  column: number;
  header: string;
  target: T | null;
}

/**
 * The header guesser of one kind of import, from its known headers per target ('|'-separated):
 * guessTarget names the target of one header, guessMapping maps a whole header row — a target goes to
 * the first column that names it, later ones stay unmapped.
 */
export function headerGuesser<T extends string>(aliasLists: Record<T, string>) {
  const byKey = new Map<string, T>();
  for (const target of Object.keys(aliasLists) as T[])
    for (const alias of aliasLists[target].split('|')) byKey.set(headerKey(alias), target);
  const guessTarget = (header: string): T | null => byKey.get(headerKey(header)) ?? null;
  const guessMapping = (header: readonly string[]): ColumnMapping<T>[] => {
    const taken = new Set<T>();
    return header.map((h, column) => {
      const guess = guessTarget(h);
      const target = guess && !taken.has(guess) ? guess : null;
      if (target) taken.add(target);
      return { column, header: h, target };
    });
  };
  return { guessTarget, guessMapping };
}

export const { guessTarget, guessMapping } = headerGuesser<ImportTarget>(ALIAS_LISTS);

/**
 * Identifies a file layout so the mapping a user confirmed can be offered again: SHA-256 of the sorted,
 * distinct header keys. Column order, case, spaces and brackets do not change it.
 */
export function layoutFingerprint(header: readonly string[]): string {
  const keys = [...new Set(header.map(headerKey).filter(Boolean))].sort();
  return createHash('sha256').update(keys.join('\u001f')).digest('hex');
}

/**
 * A first record is a header when one of its cells is a known header, or when it has no empty, repeated
 * or number-, email- or phone-like cells while the next record does.
 */
export function looksLikeHeader(
  first: readonly string[],
  next?: readonly string[],
  guess: (header: string) => string | null = guessTarget,
): boolean {
  if (first.some((cell) => guess(cell) !== null)) return true;
  const dataLike = (cell: string) => /^[\d\s+().,-]+$/.test(cell.trim()) || cell.includes('@');
  const clean =
    first.every((c) => c.trim() !== '') && new Set(first).size === first.length && !first.some(dataLike);
  return clean && next?.some(dataLike) === true;
}

export interface HeaderSplit {
  hasHeader: boolean;
  /** The header's cells, or #1, #2, … when the file has none. */
  header: string[];
  rows: TableRecord[];
}

/** Separates the header from the data; `hasHeader` forces the decision; `guess` knows the headers. */
export function splitHeader(
  records: readonly TableRecord[],
  hasHeader?: boolean,
  guess?: (header: string) => string | null,
  /** The widest record of the file, when `records` are only its first ones. */
  fileWidth?: number,
): HeaderSplit {
  const [first, second] = records;
  const withHeader = hasHeader ?? (first !== undefined && looksLikeHeader(first.cells, second?.cells, guess));
  // a loop, not Math.max(...): a million-row file's lengths are too many arguments for the call stack
  let width = fileWidth ?? 0;
  for (const r of records) if (r.cells.length > width) width = r.cells.length;
  if (withHeader && first) {
    const header = Array.from({ length: width }, (_, i) => first.cells[i]?.trim() || `#${i + 1}`);
    return { hasHeader: true, header, rows: records.slice(1) };
  }
  return {
    hasHeader: false,
    header: Array.from({ length: width }, (_, i) => `#${i + 1}`),
    rows: [...records],
  };
}

export const MAPPING_ISSUE_CODES = [
  'mapping.nothing_mapped',
  'mapping.name_missing',
  'mapping.code_missing',
  'mapping.duplicate_target',
  'mapping.unknown_target',
  'mapping.contact_name_missing',
  'mapping.required_missing',
] as const;
export type MappingIssueCode = (typeof MAPPING_ISSUE_CODES)[number];

export interface MappingIssue {
  code: MappingIssueCode;
  /** The columns concerned, by header. */
  headers?: string[];
  target?: string;
}

/**
 * Checks a mapping before any row is looked at: something must be mapped, a company name must be,
 * the account code must be when rows are matched by code (create-or-update), no target twice, and
 * contact fields need the contact's name.
 */
export function validateMapping(
  mapping: readonly { header: string; target: string | null }[],
  options: { requireCode?: boolean } = {},
): MappingIssue[] {
  const issues: MappingIssue[] = [];
  const byTarget = new Map<string, string[]>();
  for (const { header, target } of mapping) {
    if (target === null) continue;
    if (!(IMPORT_TARGETS as readonly string[]).includes(target)) {
      issues.push({ code: 'mapping.unknown_target', headers: [header], target });
      continue;
    }
    byTarget.set(target, [...(byTarget.get(target) ?? []), header]);
  }
  if (byTarget.size === 0) return [...issues, { code: 'mapping.nothing_mapped' }];
  for (const [target, headers] of byTarget) {
    if (headers.length > 1) issues.push({ code: 'mapping.duplicate_target', headers, target });
  }
  if (!['name', 'nameZh', 'nameEn'].some((t) => byTarget.has(t)))
    issues.push({ code: 'mapping.name_missing' });
  if (options.requireCode && !byTarget.has('code')) issues.push({ code: 'mapping.code_missing' });
  const contactFields = [...byTarget.keys()].filter((t) => t.startsWith('contact.') && t !== 'contact.name');
  if (contactFields.length > 0 && !byTarget.has('contact.name')) {
    issues.push({
      code: 'mapping.contact_name_missing',
      headers: contactFields.flatMap((t) => byTarget.get(t) ?? []),
    });
  }
  return issues;
}
