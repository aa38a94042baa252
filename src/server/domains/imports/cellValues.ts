import { type CustomerVocabulary, matchVocabularyValue } from '../../../shared/customers/labels.js';

/**
 * What people write in spreadsheet cells, turned into the values the account schemas take. A value
 * that cannot be read is passed on unchanged (or reported with its own code), so the schema's error
 * names what the user actually wrote.
 */

export const CELL_VALUE_CODES = [
  'import.not_a_number',
  'import.lane_format',
  'import.volume_unit_missing',
] as const;
export type CellValueCode = (typeof CELL_VALUE_CODES)[number];

export type CellValue<T> = { ok: true; value: T | undefined } | { ok: false; code: CellValueCode };

const blank = (cell: string) => cell.trim() === '';

/** Items of a list cell: 冷链、快递 / cold chain, express / a;b / a|b, trimmed, blanks and repeats dropped. */
export function splitList(cell: string): string[] {
  const items = cell
    .normalize('NFKC')
    .split(/[,;|、\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
  return [...new Set(items)];
}

/** A vocabulary value from its stored value or label in either language; the raw text when unknown. */
export function vocabularyValue(vocabulary: CustomerVocabulary, cell: string): string | undefined {
  if (blank(cell)) return undefined;
  return matchVocabularyValue(vocabulary, cell) ?? cell.trim();
}

/** "1,200", "30天", "45 days", "１５" → number; thousands separators and a day unit are allowed. */
export function numberValue(cell: string, unit?: RegExp): CellValue<number> {
  if (blank(cell)) return { ok: true, value: undefined };
  // NFKC for full-width digits; plain ASCII (most cells) is left as it is
  let text = (/^[\x20-\x7e]*$/.test(cell) ? cell : cell.normalize('NFKC'))
    .trim()
    .replace(/,(?=\d{3}\b)/g, '');
  if (unit) text = text.replace(unit, '').trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) return { ok: false, code: 'import.not_a_number' };
  return { ok: true, value: Number(text) };
}

export const DAYS_UNIT = /\s*(天|日|days?|d)$/i;

const LANE_ARROW = /\s*(?:->|→|⇒|=>|—|–|>|至|到|~|-)\s*/;

/** "上海→洛杉矶; 深圳-北京" → lanes; a lane must have exactly one origin and one destination. */
export function lanesValue(cell: string): CellValue<{ origin: string; destination: string }[]> {
  if (blank(cell)) return { ok: true, value: undefined };
  const lanes = [];
  for (const item of cell.normalize('NFKC').split(/[,;|、\n]/)) {
    if (item.trim() === '') continue;
    const ends = item.trim().split(LANE_ARROW);
    if (ends.length !== 2 || ends.some((e) => e.trim() === ''))
      return { ok: false, code: 'import.lane_format' };
    lanes.push({ origin: ends[0].trim(), destination: ends[1].trim() });
  }
  return { ok: true, value: lanes };
}

/**
 * Monthly volume with its unit, from one cell ("30 TEU", "500吨", "1,200票") or an amount and a unit
 * column. An amount without any unit is `import.volume_unit_missing`.
 */
export function volumeValue(amountCell: string, unitCell = ''): CellValue<{ amount: number; unit: string }> {
  if (blank(amountCell)) return { ok: true, value: undefined };
  const text = amountCell.normalize('NFKC').trim();
  const match = /^([+-]?[\d,]*\.?\d+)\s*(.*)$/.exec(text);
  if (!match) return { ok: false, code: 'import.not_a_number' };
  const amount = numberValue(match[1]);
  if (!amount.ok || amount.value === undefined) return { ok: false, code: 'import.not_a_number' };
  const unitText = blank(unitCell) ? match[2] : unitCell;
  if (blank(unitText)) return { ok: false, code: 'import.volume_unit_missing' };
  return { ok: true, value: { amount: amount.value, unit: vocabularyValue('volumeUnit', unitText) ?? '' } };
}

const HAN = /\p{Script=Han}/u;

/** A name in the `name` column goes to nameZh when it has Chinese characters, else to nameEn. */
export const isChineseName = (name: string) => HAN.test(name);
