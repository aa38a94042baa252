import { describe, expect, it } from 'vitest';
import { emailDomain, isFreeMailDomain, normalizeEmail, parseEmail } from './email.js';

describe('email', () => {
  it('normalises case, spaces and full-width characters', () => {
    expect(normalizeEmail('  Li.Wei@SF-Express.COM ')).toBe('li.wei@sf-express.com');
    expect(normalizeEmail('zhang＠example。com')).toBe('zhang@example.com');
  });

  it('extracts the domain', () => {
    expect(emailDomain('a.b@Mail.Example.CN')).toBe('mail.example.cn');
    expect(emailDomain('no-at-sign')).toBe('');
  });

  it('flags free-mail domains and their sub-domains, not look-alikes', () => {
    for (const d of [
      'qq.com',
      '163.com',
      '126.com',
      'gmail.com',
      'vip.qq.com',
      'VIP.163.COM',
      'foxmail.com',
    ]) {
      expect(isFreeMailDomain(d), d).toBe(true);
    }
    for (const d of ['sf-express.com', 'myqq.com', 'qq.com.evil.example', 'kuehne-nagel.com', 'com']) {
      expect(isFreeMailDomain(d), d).toBe(false);
    }
  });

  it('parses valid addresses', () => {
    expect(parseEmail(' Li.Wei@SF-Express.com ')).toEqual({
      ok: true,
      email: 'li.wei@sf-express.com',
      domain: 'sf-express.com',
      freeMail: false,
    });
    expect(parseEmail('12345678@QQ.com')).toMatchObject({ ok: true, freeMail: true });
  });

  it('rejects invalid addresses with a reason', () => {
    expect(parseEmail('   ')).toEqual({ ok: false, reason: 'email.empty' });
    expect(parseEmail('li.wei@')).toEqual({ ok: false, reason: 'email.invalid' });
    expect(parseEmail('li wei@example.com')).toEqual({ ok: false, reason: 'email.invalid' });
    expect(parseEmail('li.wei@example')).toEqual({ ok: false, reason: 'email.invalid' });
    expect(parseEmail(`${'a'.repeat(250)}@x.com`)).toEqual({ ok: false, reason: 'email.too_long' });
  });
});
