/**
 * Company names for duplicate detection.
 *
 * `normalizeCompanyName` keeps what tells two companies apart and drops what does not:
 *  - NFKC folds full-width letters, digits, brackets and the ideographic space to ASCII;
 *  - case, punctuation and repeated spaces go; spaces next to Chinese characters go (顺丰 速运 = 顺丰速运);
 *  - the region qualifier "(中国)" / "(China)" / "(PRC)" goes; other bracketed places stay, because
 *    XX物流(上海) and XX物流(深圳) are different legal entities;
 *  - trailing legal forms go, repeatedly: 股份有限公司, 有限责任公司, 有限公司, 股份公司, 公司, 集团 and
 *    Co., Ltd., Limited, Company, Inc., Incorporated, Corp., Corporation, LLC, PLC, GmbH, Pte, Pty, Group;
 *    a name is never stripped to nothing;
 *  - kept on purpose: branch words (分公司, Branch — a branch is its own account), industry words
 *    (物流, 供应链, 货运, Logistics, Freight — stripping them makes 华润物流 equal 华润), holding words
 *    (控股, Holdings) and leading place names (深圳市); trigram similarity still scores such pairs high.
 *
 * `trigramSimilarity` follows PostgreSQL pg_trgm's `similarity()`: each run of letters and digits is a
 * word, lower-cased and padded with two spaces before and one after; the score is shared distinct
 * trigrams ÷ all distinct trigrams of both, 0 when either side has none. Server code and SQL over the
 * stored normalised name therefore agree (the database must use a UTF-8 ctype other than plain "C", or
 * pg_trgm ignores Chinese characters).
 */

const CHINESE_LEGAL_SUFFIXES = ['股份有限公司', '有限责任公司', '有限公司', '股份公司', '公司', '集团'];

const LATIN_LEGAL_WORDS = new Set([
  'co',
  'company',
  'ltd',
  'limited',
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'llc',
  'plc',
  'gmbh',
  'pte',
  'pty',
  'group',
]);

const REGION_QUALIFIER = /\(\s*(?:中国|china|prc|p\.r\.c\.?)\s*\)/gu;
const HAN = '\\p{Script=Han}';
const SPACE_NEXT_TO_HAN = new RegExp(`(?<=${HAN})\\s+|\\s+(?=${HAN})`, 'gu');

function stripLegalForms(name: string): string {
  let current = name;
  for (;;) {
    let next = current;
    const chinese = CHINESE_LEGAL_SUFFIXES.find((s) => next.endsWith(s));
    if (chinese) next = next.slice(0, -chinese.length).trimEnd() || current;
    else {
      const words = next.split(' ');
      // "l.l.c." has become "l l c" by now
      if (words.length > 3 && words.slice(-3).join('') === 'llc') next = words.slice(0, -3).join(' ');
      else if (words.length > 1 && LATIN_LEGAL_WORDS.has(words[words.length - 1])) {
        next = words.slice(0, -1).join(' ');
      }
    }
    if (next === current) return current;
    current = next;
  }
}

/**
 * The form of a company name that duplicates are compared on.
 * @example normalizeCompanyName('阿里巴巴（中国）有限公司') === '阿里巴巴'
 * @example normalizeCompanyName('Kuehne + Nagel (China) Co., Ltd.') === 'kuehne nagel'
 */
export function normalizeCompanyName(name: string): string {
  const folded = name.normalize('NFKC').toLowerCase().replace(REGION_QUALIFIER, ' ');
  const words = folded
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(SPACE_NEXT_TO_HAN, '');
  return stripLegalForms(words);
}

/** pg_trgm's trigram set of a string (see the module comment). */
export function trigrams(text: string): Set<string> {
  const result = new Set<string>();
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    const chars = [' ', ' ', ...word, ' '];
    for (let i = 0; i + 2 < chars.length; i++) result.add(chars[i] + chars[i + 1] + chars[i + 2]);
  }
  return result;
}

/** pg_trgm `similarity(a, b)`: shared ÷ union of distinct trigrams, in [0, 1]. */
export function trigramSimilarity(a: string, b: string): number {
  const ta = trigrams(a);
  const tb = trigrams(b);
  if (ta.size === 0 || tb.size === 0) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / (ta.size + tb.size - shared);
}

/** Similarity of two company names after {@link normalizeCompanyName}. */
export function companyNameSimilarity(a: string, b: string): number {
  return trigramSimilarity(normalizeCompanyName(a), normalizeCompanyName(b));
}
