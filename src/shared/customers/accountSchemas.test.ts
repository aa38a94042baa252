import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ACCOUNT_ISSUE_CODES,
  accountFieldsSchema,
  accountInputSchema,
  accountWithContactsSchema,
  contactInputSchema,
  hasAccountName,
  toFieldErrors,
} from './accountSchemas.js';
import { CREDIT_CODE_REASONS } from './creditCode.js';
import { EMAIL_REASONS } from './email.js';
import { PHONE_REASONS } from './phone.js';

const errorsOf = (
  schema: { safeParse(v: unknown): { success: boolean; error?: unknown } },
  value: unknown,
) => {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return toFieldErrors(result.error as never);
};

const KNOWN_CODES = new Set<string>([
  ...ACCOUNT_ISSUE_CODES,
  ...CREDIT_CODE_REASONS,
  ...PHONE_REASONS,
  ...EMAIL_REASONS,
]);

describe('accountInputSchema', () => {
  it('accepts a full account and fills defaults', () => {
    const account = accountInputSchema.parse({
      code: 'C-0001',
      nameZh: ' 深圳市腾讯计算机系统有限公司 ',
      nameEn: 'Shenzhen  Tencent Computer Systems Co., Ltd.',
      creditCode: '91440300708461136t',
      industry: 'electronics',
      size: 'enterprise',
      province: '广东省',
      city: '深圳市',
      address: '南山区海天二路33号',
      source: 'referral',
      ownerId: '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
      tier: 'strategic',
      tags: ['电商', '跨境'],
      creditTermsDays: 30,
      transportNeeds: {
        modes: ['express', 'air'],
        lanes: [{ origin: '深圳', destination: '上海' }],
        monthlyVolume: { amount: 12000, unit: 'parcels' },
      },
    });
    expect(account).toMatchObject({
      nameZh: '深圳市腾讯计算机系统有限公司',
      nameEn: 'Shenzhen Tencent Computer Systems Co., Ltd.',
      creditCode: '91440300708461136T',
      status: 'prospect',
      tier: 'strategic',
    });
  });

  it('treats blank and null fields as absent', () => {
    expect(accountInputSchema.parse({ nameEn: 'Acme', nameZh: '  ', creditCode: '', city: null })).toEqual({
      nameEn: 'Acme',
      status: 'prospect',
      tier: 'general',
      tags: [],
      transportNeeds: { modes: [], lanes: [] },
    });
  });

  it('requires at least one name', () => {
    expect(errorsOf(accountInputSchema, { nameZh: '', nameEn: ' ' })).toEqual([
      { field: 'nameZh', code: 'account.name_required' },
    ]);
  });

  it('reports every error at once, with stable codes and parameters', () => {
    const errors = errorsOf(accountInputSchema, {
      code: 'A B',
      nameEn: 'x'.repeat(201),
      creditCode: '91440300708461136U',
      status: 'gone',
      tags: ['a', 'a'],
      creditTermsDays: 1.5,
      ownerId: 'li.wei',
      website: 'x',
      transportNeeds: { modes: ['sea', 'boat'], monthlyVolume: { amount: 0, unit: 'kg' } },
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: 'code', code: 'account.code_format' },
        { field: 'nameEn', code: 'too_long', params: { maximum: 200 } },
        { field: 'creditCode', code: 'credit_code.check_char', params: { position: 18 } },
        { field: 'status', code: 'invalid_option' },
        { field: 'tags', code: 'duplicate_value' },
        { field: 'creditTermsDays', code: 'not_integer' },
        { field: 'ownerId', code: 'invalid_type' },
        { field: '', code: 'unknown_field', params: { keys: ['website'] } },
        { field: 'transportNeeds.modes.1', code: 'invalid_option' },
        { field: 'transportNeeds.monthlyVolume.amount', code: 'too_small', params: { minimum: 0 } },
        { field: 'transportNeeds.monthlyVolume.unit', code: 'invalid_option' },
      ]),
    );
    expect(errors).toHaveLength(11);
    for (const e of errors) expect(KNOWN_CODES, e.code).toContain(e.code);
  });

  it('bounds credit terms and tags', () => {
    expect(errorsOf(accountInputSchema, { nameZh: 'x', creditTermsDays: 366 })).toEqual([
      { field: 'creditTermsDays', code: 'too_big', params: { maximum: 365 } },
    ]);
    expect(errorsOf(accountInputSchema, { nameZh: 'x', creditTermsDays: '30' })).toEqual([
      { field: 'creditTermsDays', code: 'invalid_type' },
    ]);
    const tags = Array.from({ length: 21 }, (_, i) => `t${i}`);
    expect(errorsOf(accountInputSchema, { nameZh: 'x', tags })).toEqual([
      { field: 'tags', code: 'too_big', params: { maximum: 20 } },
    ]);
  });
});

describe('accountFieldsSchema', () => {
  it('extends into an update schema that keeps the name rule', () => {
    const update = accountFieldsSchema
      .extend({ version: z.number().int().positive() })
      .refine(...hasAccountName);
    expect(update.parse({ nameZh: '顺丰', version: 3 })).toMatchObject({ nameZh: '顺丰', version: 3 });
    expect(errorsOf(update, { version: 3 })).toEqual([{ field: 'nameZh', code: 'account.name_required' }]);
  });
});

describe('contactInputSchema', () => {
  it('normalises phones, email and defaults', () => {
    expect(
      contactInputSchema.parse({
        name: ' 李伟 ',
        title: '物流经理',
        mobile: '+86 138-1234-5678',
        phone: '0755-8888 8888 转 123',
        email: ' Li.Wei@Example.COM ',
        wechatId: 'liwei_88',
        preferredChannel: 'wechat',
      }),
    ).toEqual({
      name: '李伟',
      title: '物流经理',
      mobile: '+8613812345678',
      phone: '+8675588888888;ext=123',
      email: 'li.wei@example.com',
      wechatId: 'liwei_88',
      preferredChannel: 'wechat',
      isPrimary: false,
      portalAccess: false,
    });
  });

  it('reports bad contact fields with the validators’ reasons', () => {
    expect(
      errorsOf(contactInputSchema, {
        mobile: '010-12345678',
        phone: '123',
        email: 'li@',
        wechatId: 'li wei',
      }),
    ).toEqual([
      { field: 'name', code: 'required' },
      { field: 'mobile', code: 'phone.not_mobile' },
      { field: 'phone', code: 'phone.too_short' },
      { field: 'email', code: 'email.invalid' },
      { field: 'wechatId', code: 'account.wechat_format' },
    ]);
  });
});

describe('accountWithContactsSchema', () => {
  it('allows one primary contact and flags every further one', () => {
    const errors = errorsOf(accountWithContactsSchema, {
      account: { nameZh: '顺丰' },
      contacts: [
        { name: 'a', isPrimary: true },
        { name: 'b', isPrimary: true, mobile: '1' },
        { name: 'c', isPrimary: true },
      ],
    });
    expect(errors).toEqual([
      { field: 'contacts.1.mobile', code: 'phone.too_short' },
      { field: 'contacts.1.isPrimary', code: 'contact.multiple_primary' },
      { field: 'contacts.2.isPrimary', code: 'contact.multiple_primary' },
    ]);
  });
});
