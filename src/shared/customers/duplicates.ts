import { validateCreditCode } from './creditCode.js';
import { emailDomain, isFreeMailDomain } from './email.js';
import { normalizeCompanyName, trigramSimilarity } from './names.js';
import { toE164 } from './phone.js';

/**
 * Evidence that two accounts are the same customer, for the warning on create and import and for the
 * duplicates screen. Pure: the server finds candidates with SQL over the stored keys of
 * {@link duplicateKeys} and then explains each pair with {@link compareAccounts}.
 *
 * Weights (score capped to 0–100):
 *   same credit code 100 · same normalised name 80 · same phone 50 per number (at most 2 counted) ·
 *   same non-free email domain with names at least `nameThreshold` similar 40.
 * Two different valid credit codes are two legal entities: −60 (e.g. branches sharing a switchboard).
 * Scores of 80 and above read "likely duplicate", 40–79 "possible duplicate".
 */

export interface AccountLike {
  nameZh?: string | null;
  nameEn?: string | null;
  creditCode?: string | null;
  /** The account's and its contacts' phone numbers, in any form people type. */
  phones?: readonly (string | null | undefined)[];
  /** Email addresses or bare domains of the account's contacts. */
  emails?: readonly (string | null | undefined)[];
}

export interface DuplicateKeys {
  creditCode: string | null;
  /** Distinct normalised names (Chinese and Latin). */
  names: string[];
  /** Distinct E.164 numbers; invalid ones dropped. */
  phones: string[];
  /** Distinct email domains, free-mail providers dropped. */
  emailDomains: string[];
}

export type DuplicateEvidence =
  | { kind: 'same_credit_code'; value: string }
  | { kind: 'same_name'; value: string }
  | { kind: 'same_phone'; value: string }
  | { kind: 'same_email_domain'; value: string; similarity: number }
  | { kind: 'different_credit_code'; value: [string, string] };

export interface DuplicateAssessment {
  score: number;
  evidence: DuplicateEvidence[];
}

export const DUPLICATE_WEIGHTS = {
  same_credit_code: 100,
  same_name: 80,
  same_phone: 50,
  same_email_domain: 40,
  different_credit_code: -60,
} as const satisfies Record<DuplicateEvidence['kind'], number>;

export const LIKELY_DUPLICATE_SCORE = 80;
export const POSSIBLE_DUPLICATE_SCORE = 40;
const MAX_PHONES_COUNTED = 2;

const distinct = (values: Iterable<string>) => [...new Set(values)];
const present = (v: string | null | undefined): v is string => typeof v === 'string' && v.trim() !== '';

export function duplicateKeys(account: AccountLike): DuplicateKeys {
  const credit = present(account.creditCode) ? validateCreditCode(account.creditCode) : null;
  return {
    creditCode: credit?.ok ? credit.code : null,
    names: distinct([account.nameZh, account.nameEn].filter(present).map(normalizeCompanyName)).filter(
      Boolean,
    ),
    phones: distinct((account.phones ?? []).filter(present).flatMap((p) => toE164(p.split(';')[0]) ?? [])),
    emailDomains: distinct(
      (account.emails ?? [])
        .filter(present)
        .map((e) => (e.includes('@') ? emailDomain(e) : e.trim().toLowerCase()))
        .filter((d) => d !== '' && !isFreeMailDomain(d)),
    ),
  };
}

/** Highest trigram similarity between any name of one and any name of the other. */
function bestNameSimilarity(a: DuplicateKeys, b: DuplicateKeys): number {
  let best = 0;
  for (const x of a.names) for (const y of b.names) best = Math.max(best, trigramSimilarity(x, y));
  return best;
}

/**
 * Why two accounts look like the same customer, and how strongly.
 * @example compareAccounts({ nameZh: '顺丰速运有限公司' }, { nameZh: '顺丰速运（中国）有限公司' })
 *   // { score: 80, evidence: [{ kind: 'same_name', value: '顺丰速运' }] }
 */
export function compareAccounts(
  a: AccountLike | DuplicateKeys,
  b: AccountLike | DuplicateKeys,
  options: { nameThreshold?: number } = {},
): DuplicateAssessment {
  const ka = 'names' in a ? a : duplicateKeys(a);
  const kb = 'names' in b ? b : duplicateKeys(b);
  const evidence: DuplicateEvidence[] = [];

  if (ka.creditCode && kb.creditCode) {
    if (ka.creditCode === kb.creditCode) evidence.push({ kind: 'same_credit_code', value: ka.creditCode });
    else evidence.push({ kind: 'different_credit_code', value: [ka.creditCode, kb.creditCode] });
  }
  for (const name of ka.names) if (kb.names.includes(name)) evidence.push({ kind: 'same_name', value: name });
  for (const phone of ka.phones)
    if (kb.phones.includes(phone)) evidence.push({ kind: 'same_phone', value: phone });
  const threshold = options.nameThreshold ?? 0.5;
  const similarity = bestNameSimilarity(ka, kb);
  if (similarity >= threshold) {
    for (const domain of ka.emailDomains) {
      if (kb.emailDomains.includes(domain))
        evidence.push({ kind: 'same_email_domain', value: domain, similarity });
    }
  }
  return { score: scoreOf(evidence), evidence };
}

function scoreOf(evidence: DuplicateEvidence[]): number {
  let score = 0;
  let phones = 0;
  const counted = new Set<DuplicateEvidence['kind']>();
  for (const e of evidence) {
    if (e.kind === 'same_phone') {
      if (phones++ < MAX_PHONES_COUNTED) score += DUPLICATE_WEIGHTS.same_phone;
    } else if (!counted.has(e.kind)) {
      counted.add(e.kind);
      score += DUPLICATE_WEIGHTS[e.kind];
    }
  }
  return Math.max(0, Math.min(100, score));
}
