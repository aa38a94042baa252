import { describe, expect, it } from 'vitest';
import { normalizePhone, toE164 } from './phone.js';

describe('normalizePhone', () => {
  it.each([
    '13812345678',
    '138 1234 5678',
    '138-1234-5678',
    '+86 138 1234 5678',
    '+86-138-1234-5678',
    '0086 138 1234 5678',
    '008613812345678',
    '86 13812345678',
    '(+86) 13812345678',
    '１３８１２３４５６７８',
  ])('normalises the mainland mobile %j', (input) => {
    expect(normalizePhone(input, { kind: 'mobile' })).toEqual({
      ok: true,
      e164: '+8613812345678',
      country: 'CN',
      type: 'MOBILE',
    });
  });

  it('parses plainly typed mainland numbers as libphonenumber does, for every five-digit prefix', () => {
    // full-width digits are never taken for plain ones: their parse is libphonenumber's own
    const fullWidth = (s: string) =>
      s.replace(/[0-9+]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const differ: string[] = [];
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    for (let prefix = 10_000; prefix < 20_000; prefix++) {
      // the first tail fills the parse of the prefix, the second is answered from it
      for (const tail of ['000000', '987654']) {
        const digits = `${prefix}${tail}`;
        for (const kind of ['mobile', 'any'] as const) {
          for (const typed of [digits, `+86${digits}`])
            if (!same(normalizePhone(typed, { kind }), normalizePhone(fullWidth(typed), { kind })))
              differ.push(`${typed} ${kind}`);
        }
      }
    }
    expect(differ).toEqual([]);
  });

  it('normalises mainland landlines with area codes and extensions', () => {
    expect(normalizePhone('010-12345678')).toMatchObject({
      ok: true,
      e164: '+861012345678',
      type: 'FIXED_LINE',
    });
    expect(normalizePhone('(021) 6123 4567')).toMatchObject({ ok: true, e164: '+862161234567' });
    expect(normalizePhone('0755-8888 8888 转 123')).toMatchObject({
      ok: true,
      e164: '+8675588888888',
      extension: '123',
    });
  });

  it('normalises international numbers', () => {
    expect(normalizePhone('+1 650 253 0000')).toMatchObject({
      ok: true,
      e164: '+16502530000',
      country: 'US',
    });
    expect(normalizePhone('00852 9123 4567', { kind: 'mobile' })).toMatchObject({
      ok: true,
      e164: '+85291234567',
      country: 'HK',
    });
    expect(normalizePhone('+44 20 7946 0958')).toMatchObject({
      ok: true,
      e164: '+442079460958',
      country: 'GB',
    });
  });

  it('uses the default country for numbers without a country code', () => {
    expect(normalizePhone('650 253 0000', { defaultCountry: 'US' })).toMatchObject({ e164: '+16502530000' });
  });

  it('rejects invalid numbers with a reason', () => {
    expect(normalizePhone('')).toEqual({ ok: false, reason: 'phone.empty' });
    expect(normalizePhone('n/a')).toEqual({ ok: false, reason: 'phone.empty' });
    expect(normalizePhone('138123')).toEqual({ ok: false, reason: 'phone.too_short' });
    expect(normalizePhone('1381234567890')).toEqual({ ok: false, reason: 'phone.too_long' });
    expect(normalizePhone('12345678901')).toEqual({ ok: false, reason: 'phone.invalid' });
    expect(normalizePhone('+999 1234 5678')).toMatchObject({ ok: false });
  });

  it('rejects landlines and service numbers where a mobile is required', () => {
    expect(normalizePhone('010-12345678', { kind: 'mobile' })).toEqual({
      ok: false,
      reason: 'phone.not_mobile',
    });
    expect(normalizePhone('400 820 8820', { kind: 'mobile' })).toEqual({
      ok: false,
      reason: 'phone.not_mobile',
    });
    expect(normalizePhone('400 820 8820')).toMatchObject({ ok: true, e164: '+864008208820' });
  });

  it('toE164 gives the number or null', () => {
    expect(toE164('138 1234 5678')).toBe('+8613812345678');
    expect(toE164('123')).toBeNull();
  });
});
