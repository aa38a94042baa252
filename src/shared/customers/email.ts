import { z } from 'zod';

export const EMAIL_REASONS = ['email.empty', 'email.too_long', 'email.invalid'] as const;
export type EmailReason = (typeof EMAIL_REASONS)[number];

/**
 * Mailbox providers anyone can sign up with. Two contacts sharing one of these domains says nothing
 * about their companies, so duplicate evidence ignores them. Sub-domains count too (vip.qq.com).
 */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  // mainland China
  'qq.com',
  'foxmail.com',
  '163.com',
  '126.com',
  'yeah.net',
  '188.com',
  'netease.com',
  'sina.com',
  'sina.cn',
  'sohu.com',
  '139.com',
  '189.cn',
  'wo.cn',
  'aliyun.com',
  '21cn.com',
  'tom.com',
  // international
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'mail.com',
  'yandex.com',
  'zohomail.com',
]);

const emailShape = z.email();

export type EmailResult =
  | { ok: true; email: string; domain: string; freeMail: boolean }
  | { ok: false; reason: EmailReason };

/** Lower-cases and trims an address; converts the full-width ＠ and dots that Chinese IMEs produce. */
export function normalizeEmail(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/。/g, '.')
    .trim()
    .toLowerCase();
}

/** The part after @, lower-cased; empty when there is none. */
export function emailDomain(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0 ? '' : normalizeEmail(email.slice(at + 1));
}

export function isFreeMailDomain(domain: string): boolean {
  const labels = domain.toLowerCase().split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    if (FREE_MAIL_DOMAINS.has(labels.slice(i).join('.'))) return true;
  }
  return false;
}

/**
 * Normalises and validates an address.
 * @example parseEmail(' Li.Wei@SF-Express.com ') // { ok: true, email: 'li.wei@sf-express.com', domain: 'sf-express.com', freeMail: false }
 */
export function parseEmail(input: string): EmailResult {
  const email = normalizeEmail(input);
  if (email === '') return { ok: false, reason: 'email.empty' };
  if (email.length > 254) return { ok: false, reason: 'email.too_long' };
  if (!emailShape.safeParse(email).success) return { ok: false, reason: 'email.invalid' };
  const domain = emailDomain(email);
  return { ok: true, email, domain, freeMail: isFreeMailDomain(domain) };
}
