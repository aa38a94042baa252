import {
  type CountryCode,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
} from 'libphonenumber-js/max';

/**
 * Phone numbers to E.164. Uses the `max` metadata (≈145 kB) because a contact's mobile must be told
 * apart from a landline, which the default `min` metadata cannot do.
 */

export const PHONE_REASONS = [
  'phone.empty',
  'phone.too_short',
  'phone.too_long',
  'phone.invalid_country',
  'phone.invalid',
  'phone.not_mobile',
] as const;
export type PhoneReason = (typeof PHONE_REASONS)[number];

export type PhoneKind = 'mobile' | 'any';

export type PhoneResult =
  | {
      ok: true;
      /** E.164, e.g. +8613812345678. */
      e164: string;
      /** ISO 3166 country, when the number belongs to one. */
      country?: string;
      /** libphonenumber type: MOBILE, FIXED_LINE, FIXED_LINE_OR_MOBILE, TOLL_FREE, … */
      type?: string;
      /** Extension typed after the number (ext., x, 转, 分机); not part of E.164. */
      extension?: string;
    }
  | { ok: false; reason: PhoneReason };

export interface PhoneOptions {
  /** Country assumed for numbers without a country code; mainland China unless told. */
  defaultCountry?: CountryCode;
  /** `mobile` rejects numbers known to be something else (landlines, toll-free, …). */
  kind?: PhoneKind;
}

const MOBILE_TYPES = new Set(['MOBILE', 'FIXED_LINE_OR_MOBILE']);

/** Full-width digits and punctuation, Chinese extension words, and the 0086 / 86 prefixes people write. */
function clean(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/\s*(转|分机|分机号)\s*/g, ' ext. ')
    .trim();
}

/**
 * Normalises a typed phone number: mainland numbers with or without +86 / 0086 / 86, with spaces, dashes
 * and brackets; international numbers with + or 00.
 * @example normalizePhone('0086 138-1234-5678') // { ok: true, e164: '+8613812345678', country: 'CN', type: 'MOBILE' }
 */
export function normalizePhone(input: string, options: PhoneOptions = {}): PhoneResult {
  const defaultCountry = options.defaultCountry ?? 'CN';
  const mainland = defaultCountry === 'CN' ? mainlandDigits(input) : null;
  const known = mainland ? mainlandByPrefix.get(mainland.slice(0, MAINLAND_PREFIX)) : undefined;
  if (mainland && known) return ofKind({ ...known, e164: `+86${mainland}` }, options.kind);
  const result = parsePhone(input, defaultCountry, options.kind);
  if (mainland && result.ok && result.e164 === `+86${mainland}` && !result.extension)
    mainlandByPrefix.set(mainland.slice(0, MAINLAND_PREFIX), { ...result });
  return result;
}

function parsePhone(input: string, defaultCountry: CountryCode, kind: PhoneKind | undefined): PhoneResult {
  const text = clean(input);
  if (!/\d/.test(text)) return { ok: false, reason: 'phone.empty' };
  const parsed = parsePhoneNumberFromString(text, defaultCountry);
  // with `max` metadata a number is valid exactly when it has a type; isValid() would work that out again
  const type = parsed?.getType();
  if (!parsed || (type === undefined && !parsed.isValid())) {
    const length = validatePhoneNumberLength(text, defaultCountry);
    if (length === 'TOO_SHORT' || length === 'NOT_A_NUMBER') return { ok: false, reason: 'phone.too_short' };
    if (length === 'TOO_LONG') return { ok: false, reason: 'phone.too_long' };
    if (length === 'INVALID_COUNTRY') return { ok: false, reason: 'phone.invalid_country' };
    return { ok: false, reason: 'phone.invalid' };
  }
  return ofKind(
    {
      ok: true,
      e164: parsed.number,
      ...(parsed.country ? { country: parsed.country } : {}),
      ...(type ? { type } : {}),
      ...(parsed.ext ? { extension: parsed.ext } : {}),
    },
    kind,
  );
}

/** `mobile` refuses numbers known to be something else. */
function ofKind(result: PhoneResult & { ok: true }, kind: PhoneKind | undefined): PhoneResult {
  if (kind === 'mobile' && result.type !== undefined && !MOBILE_TYPES.has(result.type))
    return { ok: false, reason: 'phone.not_mobile' };
  return result;
}

/** A mainland number typed plainly (11 digits starting with 1, or +86 and those): its 11 digits. */
function mainlandDigits(input: string): string | null {
  const digits = PLAIN_MAINLAND.exec(input.trim())?.[1];
  return digits && !CARRIER_PREFIX.test(digits) ? digits : null;
}

const PLAIN_MAINLAND = /^(?:\+86)?(1\d{10})$/;
/** Carrier-selection codes libphonenumber may strip from a mainland number (CN's national prefix for parsing). */
const CARRIER_PREFIX = /^1(?:[12]|79)/;
const MAINLAND_PREFIX = 5;
/**
 * Parses of plainly typed mainland numbers by their first five digits. An 11-digit mainland number's
 * validity and type depend on those digits only (the metadata's mobile patterns are a prefix of at most
 * five digits and a fixed count of further digits; no other type has 11 digits starting with 1), so a
 * parse is reused for every number of its prefix: an import of 100,000 mobiles parses each prefix once
 * instead of every number. phone.test.ts checks it against libphonenumber for every prefix.
 */
const mainlandByPrefix = new Map<string, PhoneResult & { ok: true }>();

/** E.164 or null; for evidence matching where the reason does not matter. */
export function toE164(input: string, defaultCountry: CountryCode = 'CN'): string | null {
  const r = normalizePhone(input, { defaultCountry });
  return r.ok ? r.e164 : null;
}
