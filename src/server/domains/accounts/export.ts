import { PassThrough, Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { sql } from 'drizzle-orm';
import type { TransportNeeds } from '../../../shared/customers/accountSchemas.js';
import { CUSTOMER_VOCABULARIES, type CustomerVocabulary } from '../../../shared/customers/labels.js';
import type { Locale } from '../../../shared/organization.js';
import type { DbOrTx } from '../../db/client.js';
import { escapeFormula } from '../imports/csv.js';
import type { ImportTarget } from '../imports/mapping.js';
import { writeXlsx } from '../imports/xlsx.js';
import type { AccountListQuery } from './listQuery.js';
import { accountPageWhere } from './listRepo.js';

/**
 * Export of the filtered account list as CSV (UTF-8 with BOM, formulas escaped) or XLSX, streamed in
 * keyset batches of EXPORT_BATCH rows so 100,000 accounts never sit in memory. Headers are in the
 * caller's language and are import headers: an exported file imports back (create or update by code)
 * and changes nothing. Each account comes with its primary contact.
 */

export const EXPORT_BATCH = 2_000;
export type ExportQuery = Omit<AccountListQuery, 'limit' | 'cursor'>;

type ExportRow = {
  id: string;
  code: string;
  nameZh: string | null;
  nameEn: string | null;
  creditCode: string | null;
  industry: string | null;
  size: string | null;
  province: string | null;
  city: string | null;
  address: string | null;
  source: string | null;
  ownerEmail: string | null;
  status: string;
  tier: string;
  lifecycleStage: string | null;
  tags: string[];
  creditTermsDays: number | null;
  transportNeeds: TransportNeeds;
  contactName: string | null;
  contactTitle: string | null;
  mobile: string | null;
  phone: string | null;
  email: string | null;
  wechatId: string | null;
  preferredChannel: string | null;
  sortKey: string | null;
};

type Value = string | number | null;
const label = (vocabulary: CustomerVocabulary, value: string | null | undefined, locale: Locale) => {
  if (!value) return null;
  const labels = CUSTOMER_VOCABULARIES[vocabulary][1] as Record<string, Record<Locale, string>>;
  return labels[value]?.[locale] ?? value;
};
const list = (items: string[], locale: Locale) => items.join(locale === 'zh-CN' ? '、' : '; ');

/** The exported columns: the import target each maps back to, its header and its value. */
const COLUMNS: [ImportTarget, Record<Locale, string>, (r: ExportRow, l: Locale) => Value][] = [
  ['code', { 'zh-CN': '客户编码', 'en-US': 'Code' }, (r) => r.code],
  ['nameZh', { 'zh-CN': '中文名称', 'en-US': 'Chinese name' }, (r) => r.nameZh],
  ['nameEn', { 'zh-CN': '英文名称', 'en-US': 'English name' }, (r) => r.nameEn],
  ['creditCode', { 'zh-CN': '统一社会信用代码', 'en-US': 'Credit code' }, (r) => r.creditCode],
  ['industry', { 'zh-CN': '行业', 'en-US': 'Industry' }, (r, l) => label('industry', r.industry, l)],
  ['size', { 'zh-CN': '规模', 'en-US': 'Size' }, (r, l) => label('size', r.size, l)],
  ['province', { 'zh-CN': '省份', 'en-US': 'Province' }, (r) => r.province],
  ['city', { 'zh-CN': '城市', 'en-US': 'City' }, (r) => r.city],
  ['address', { 'zh-CN': '地址', 'en-US': 'Address' }, (r) => r.address],
  ['source', { 'zh-CN': '来源', 'en-US': 'Source' }, (r, l) => label('source', r.source, l)],
  ['ownerEmail', { 'zh-CN': '负责人邮箱', 'en-US': 'Owner email' }, (r) => r.ownerEmail],
  ['status', { 'zh-CN': '客户状态', 'en-US': 'Status' }, (r, l) => label('status', r.status, l)],
  ['tier', { 'zh-CN': '客户等级', 'en-US': 'Tier' }, (r, l) => label('tier', r.tier, l)],
  [
    'lifecycleStage',
    { 'zh-CN': '生命周期阶段', 'en-US': 'Lifecycle stage' },
    (r, l) => label('lifecycleStage', r.lifecycleStage, l),
  ],
  ['tags', { 'zh-CN': '标签', 'en-US': 'Tags' }, (r, l) => list(r.tags, l)],
  ['creditTermsDays', { 'zh-CN': '账期天数', 'en-US': 'Credit terms days' }, (r) => r.creditTermsDays],
  [
    'transportModes',
    { 'zh-CN': '运输方式', 'en-US': 'Transport modes' },
    (r, l) =>
      list(
        r.transportNeeds.modes.map((m) => label('transportMode', m, l) ?? m),
        l,
      ),
  ],
  [
    'lanes',
    { 'zh-CN': '主要线路', 'en-US': 'Lanes' },
    (r) => r.transportNeeds.lanes.map((x) => `${x.origin}→${x.destination}`).join('; '),
  ],
  [
    'monthlyVolume',
    { 'zh-CN': '月均货量', 'en-US': 'Monthly volume' },
    (r) => r.transportNeeds.monthlyVolume?.amount ?? null,
  ],
  [
    'volumeUnit',
    { 'zh-CN': '货量单位', 'en-US': 'Volume unit' },
    (r, l) => label('volumeUnit', r.transportNeeds.monthlyVolume?.unit, l),
  ],
  ['contact.name', { 'zh-CN': '联系人', 'en-US': 'Contact name' }, (r) => r.contactName],
  ['contact.title', { 'zh-CN': '职务', 'en-US': 'Job title' }, (r) => r.contactTitle],
  ['contact.mobile', { 'zh-CN': '手机', 'en-US': 'Mobile' }, (r) => r.mobile],
  ['contact.phone', { 'zh-CN': '电话', 'en-US': 'Phone' }, (r) => r.phone],
  ['contact.email', { 'zh-CN': '邮箱', 'en-US': 'Email' }, (r) => r.email],
  ['contact.wechatId', { 'zh-CN': '微信号', 'en-US': 'WeChat ID' }, (r) => r.wechatId],
  [
    'contact.preferredChannel',
    { 'zh-CN': '首选渠道', 'en-US': 'Preferred channel' },
    (r, l) => label('preferredChannel', r.preferredChannel, l),
  ],
];

export const exportHeader = (locale: Locale) => COLUMNS.map(([, h]) => h[locale]);
export const exportTargets = () => COLUMNS.map(([t]) => t);

/** The filtered accounts in the list's order, EXPORT_BATCH at a time (keyset, so no OFFSET scans). */
export async function* exportBatches(
  db: DbOrTx,
  q: ExportQuery,
  actorId: string | null,
): AsyncGenerator<ExportRow[]> {
  let after: [string | number, string] | null = null;
  for (;;) {
    const { key, where, orderBy } = accountPageWhere(q, actorId, after, EXPORT_BATCH);
    const { rows } = await db.execute<ExportRow>(sql`
      SELECT a.id, a.code, a.name_zh AS "nameZh", a.name_en AS "nameEn", a.credit_code AS "creditCode",
             a.industry, a.size, a.province, a.city, a.address, a.source, u.email AS "ownerEmail", a.status,
             a.tier, a.lifecycle_stage AS "lifecycleStage", a.tags, a.credit_terms_days AS "creditTermsDays",
             a.transport_needs AS "transportNeeds", pc.name AS "contactName", pc.title AS "contactTitle",
             pc.mobile, pc.phone, pc.email, pc.wechat_id AS "wechatId", pc.preferred_channel AS "preferredChannel",
             (${key})::text AS "sortKey"
        FROM accounts a
        LEFT JOIN users u ON u.id = a.owner_id
        LEFT JOIN LATERAL (
          SELECT * FROM contacts c WHERE c.account_id = a.id AND c.archived_at IS NULL
           ORDER BY c.is_primary DESC, c.created_at LIMIT 1) pc ON true
       WHERE ${where}
       ORDER BY ${orderBy}
       LIMIT ${EXPORT_BATCH}`);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < EXPORT_BATCH) return;
    const last = rows[rows.length - 1];
    // the key as text keeps the timestamps' microseconds: rows created in one transaction share them
    after = [String(last.sortKey ?? ''), last.id];
  }
}

const values = (r: ExportRow, locale: Locale) => COLUMNS.map(([, , value]) => value(r, locale));

/** CSV, UTF-8 with BOM (Excel opens it as Unicode), CRLF, formula-like text prefixed with an apostrophe. */
export function exportCsv(db: DbOrTx, q: ExportQuery, actorId: string | null, locale: Locale): Readable {
  return Readable.from(
    (async function* () {
      yield `\uFEFF${stringify([exportHeader(locale)], { record_delimiter: '\r\n' })}`;
      for await (const batch of exportBatches(db, q, actorId)) {
        const rows = batch.map((r) =>
          values(r, locale).map((v) => (typeof v === 'string' ? escapeFormula(v) : v)),
        );
        yield stringify(rows, { record_delimiter: '\r\n' });
      }
    })(),
  );
}

/** XLSX through the streaming writer: strings are text cells, never formulas. */
export function exportXlsx(db: DbOrTx, q: ExportQuery, actorId: string | null, locale: Locale): PassThrough {
  const out = new PassThrough();
  async function* rows() {
    for await (const batch of exportBatches(db, q, actorId)) for (const r of batch) yield values(r, locale);
  }
  writeXlsx(out, exportHeader(locale), rows(), { sheetName: locale === 'zh-CN' ? '客户' : 'Accounts' }).catch(
    (err) => out.destroy(err),
  );
  return out;
}
