import { z } from 'zod';
import { validateCreditCode } from './creditCode.js';
import { parseEmail } from './email.js';
import {
  ACCOUNT_SOURCES,
  ACCOUNT_STATUSES,
  COMPANY_SIZES,
  CONTACT_CHANNELS,
  INDUSTRIES,
  LIFECYCLE_STAGES,
  SERVICE_TIERS,
  TRANSPORT_MODES,
  VOLUME_UNITS,
} from './labels.js';
import { normalizePhone, type PhoneKind } from './phone.js';

/**
 * Input schemas of accounts and contacts, shared by the server (validation) and the web (forms).
 * Every issue message is a stable code (see ACCOUNT_ISSUE_CODES and the *_REASONS of the validators);
 * the server localises it and may use the issue's own fields (`maximum`, `params.position`).
 * Blank strings count as absent, so a form's empty field or an import's empty cell is simply unset.
 */

export const ACCOUNT_ISSUE_CODES = [
  'required',
  'invalid_type',
  'too_long',
  'too_short',
  'too_small',
  'too_big',
  'not_integer',
  'invalid_option',
  'duplicate_value',
  'unknown_field',
  'account.code_format',
  'account.name_required',
  'account.wechat_format',
  'contact.multiple_primary',
] as const;
export type AccountIssueCode = (typeof ACCOUNT_ISSUE_CODES)[number];

export const LIMITS = {
  code: 32,
  name: 200,
  province: 32,
  city: 64,
  address: 300,
  tag: 30,
  tags: 20,
  laneEnd: 64,
  lanes: 50,
  contactName: 64,
  title: 64,
  wechatId: 64,
  contacts: 50,
  creditTermsDays: 365,
  monthlyVolume: 1_000_000_000,
} as const;

const typeError = {
  error: (iss: { input: unknown }) => (iss.input === undefined ? 'required' : 'invalid_type'),
};

const blankToUndefined = (v: unknown) =>
  v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v;

/** Object-level errors: an unknown key is `unknown_field`. */
const objectError = {
  error: (iss: { code?: string; input: unknown }) =>
    iss.code === 'unrecognized_keys'
      ? 'unknown_field'
      : iss.input === undefined
        ? 'required'
        : 'invalid_type',
};

/** Cross-field checks run even when a field already failed, so a form or import row gets every error. */
const always = { when: () => true };

/** Trimmed text with inner whitespace runs collapsed, at most `max` characters. */
export const text = (max: number) =>
  z
    .string(typeError)
    .transform((s) => s.trim().replace(/\s+/g, ' '))
    .pipe(z.string().min(1, 'required').max(max, 'too_long'));

/** Optional text: absent, null or blank → undefined. */
const optionalText = (max: number) => z.preprocess(blankToUndefined, text(max).optional());

const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (iss) => (iss.input === undefined ? 'required' : 'invalid_option') });

const optionalChoice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(blankToUndefined, choice(values).optional());

/** A unified social credit code, normalised (upper case, no spaces); issues carry a credit_code.* reason. */
export const creditCodeSchema = z.string(typeError).transform((value, ctx) => {
  const result = validateCreditCode(value);
  if (result.ok) return result.code;
  ctx.addIssue({
    code: 'custom',
    message: result.reason,
    input: value,
    params: { position: result.position },
  });
  return z.NEVER;
});

/** A phone number as E.164 (+8613812345678); an extension is kept RFC 3966 style: +861012345678;ext=123. */
export const phoneSchema = (kind: PhoneKind) =>
  z.string(typeError).transform((value, ctx) => {
    const result = normalizePhone(value, { kind });
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: result.reason, input: value });
      return z.NEVER;
    }
    return result.extension && kind === 'any' ? `${result.e164};ext=${result.extension}` : result.e164;
  });

/** An email address, trimmed and lower-cased; issues carry an email.* reason. */
export const emailSchema = z.string(typeError).transform((value, ctx) => {
  const result = parseEmail(value);
  if (!result.ok) {
    ctx.addIssue({ code: 'custom', message: result.reason, input: value });
    return z.NEVER;
  }
  return result.email;
});

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item, typeError)
    .max(max, 'too_big')
    .refine((list) => new Set(list).size === list.length, { message: 'duplicate_value', ...always });

export const laneSchema = z.strictObject(
  { origin: text(LIMITS.laneEnd), destination: text(LIMITS.laneEnd) },
  objectError,
);
export type Lane = z.infer<typeof laneSchema>;

export const transportNeedsSchema = z.strictObject(
  {
    modes: uniqueList(choice(TRANSPORT_MODES), TRANSPORT_MODES.length).default([]),
    lanes: z.array(laneSchema, typeError).max(LIMITS.lanes, 'too_big').default([]),
    monthlyVolume: z
      .strictObject(
        {
          amount: z.number(typeError).positive('too_small').max(LIMITS.monthlyVolume, 'too_big'),
          unit: choice(VOLUME_UNITS),
        },
        objectError,
      )
      .optional(),
  },
  objectError,
);
export type TransportNeeds = z.infer<typeof transportNeedsSchema>;

/**
 * The account's fields without the cross-field rule, for schemas built on it (an update carrying the
 * `version` for optimistic locking): `accountFieldsSchema.extend({ version }).refine(...hasAccountName)`.
 * zod refuses to extend a schema that already has refinements.
 */
export const accountFieldsSchema = z.strictObject(
  {
    /** Left out on create: the server assigns the next code. */
    code: optional(
      text(LIMITS.code).pipe(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, 'account.code_format')),
    ),
    nameZh: optionalText(LIMITS.name),
    nameEn: optionalText(LIMITS.name),
    creditCode: optional(creditCodeSchema),
    industry: optionalChoice(INDUSTRIES),
    size: optionalChoice(COMPANY_SIZES),
    province: optionalText(LIMITS.province),
    city: optionalText(LIMITS.city),
    address: optionalText(LIMITS.address),
    source: optionalChoice(ACCOUNT_SOURCES),
    ownerId: optional(z.uuid('invalid_type')),
    status: choice(ACCOUNT_STATUSES).default('prospect'),
    tier: choice(SERVICE_TIERS).default('general'),
    lifecycleStage: optionalChoice(LIFECYCLE_STAGES),
    tags: uniqueList(text(LIMITS.tag), LIMITS.tags).default([]),
    creditTermsDays: optional(
      z
        .number(typeError)
        .refine(Number.isInteger, 'not_integer')
        .min(0, 'too_small')
        .max(LIMITS.creditTermsDays, 'too_big'),
    ),
    transportNeeds: transportNeedsSchema.default({ modes: [], lanes: [] }),
  },
  objectError,
);

/** At least one company name: the arguments of `.refine()`, reported on nameZh. */
export const hasAccountName: [
  (account: { nameZh?: unknown; nameEn?: unknown }) => boolean,
  { message: string; path: string[]; when: () => boolean },
] = [
  (account) => account.nameZh !== undefined || account.nameEn !== undefined,
  { message: 'account.name_required', path: ['nameZh'], ...always },
];

export const accountInputSchema = accountFieldsSchema.refine(...hasAccountName);
export type AccountInput = z.input<typeof accountInputSchema>;
export type Account = z.output<typeof accountInputSchema>;

export const contactInputSchema = z.strictObject(
  {
    name: text(LIMITS.contactName),
    title: optionalText(LIMITS.title),
    mobile: optional(phoneSchema('mobile')),
    phone: optional(phoneSchema('any')),
    email: optional(emailSchema),
    /** WeChat ids have no spaces; people also give their mobile number, so digits alone are allowed. */
    wechatId: optional(text(LIMITS.wechatId).pipe(z.string().regex(/^[\w.@+-]+$/u, 'account.wechat_format'))),
    preferredChannel: optionalChoice(CONTACT_CHANNELS),
    isPrimary: z.boolean(typeError).default(false),
    portalAccess: z.boolean(typeError).default(false),
  },
  objectError,
);
export type ContactInput = z.input<typeof contactInputSchema>;
export type Contact = z.output<typeof contactInputSchema>;

/** An account created together with its contacts (create form, import); at most one primary contact. */
export const accountWithContactsSchema = z
  .strictObject(
    {
      account: accountInputSchema,
      contacts: z.array(contactInputSchema, typeError).max(LIMITS.contacts, 'too_big').default([]),
    },
    objectError,
  )
  .superRefine(({ contacts }, ctx) => {
    if (!Array.isArray(contacts)) return;
    const primaries = contacts.flatMap((c, i) => (c?.isPrimary === true ? [i] : []));
    for (const i of primaries.slice(1)) {
      ctx.addIssue({
        code: 'custom',
        message: 'contact.multiple_primary',
        path: ['contacts', i, 'isPrimary'],
      });
    }
  }, always);
export type AccountWithContactsInput = z.input<typeof accountWithContactsSchema>;

export interface FieldError {
  /** Dotted path of the field: `creditCode`, `contacts.1.mobile`, `transportNeeds.modes`. */
  field: string;
  /** The stable code to localise. */
  code: string;
  /** Values for the message: `maximum`, `minimum`, `position`, `keys`. */
  params?: Record<string, unknown>;
}

/** A zod error as the flat list of field errors the API returns and the server localises. */
export function toFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const params: Record<string, unknown> = { ...(issue.code === 'custom' ? issue.params : {}) };
    if ('maximum' in issue) params.maximum = Number(issue.maximum);
    if ('minimum' in issue) params.minimum = Number(issue.minimum);
    if (issue.code === 'unrecognized_keys') params.keys = issue.keys;
    for (const key of Object.keys(params)) if (params[key] === undefined) delete params[key];
    if (issue.message === 'required') delete params.minimum; // a blank text: "required" says it all
    return {
      field: issue.path.map(String).join('.'),
      code: issue.message,
      ...(Object.keys(params).length > 0 ? { params } : {}),
    };
  });
}
