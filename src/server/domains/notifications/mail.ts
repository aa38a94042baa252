import nodemailer from 'nodemailer';
import type { Config } from '../../config.js';

export interface MailTransport {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

/** Nodemailer over SMTP_URL; null when no SMTP server is configured (mail then waits in the outbox). */
export function createMailTransport(config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM'>): MailTransport | null {
  if (!config.SMTP_URL) return null;
  const url = new URL(config.SMTP_URL);
  // short timeouts: a server that is down must fail the attempt quickly (the outbox retries it)
  for (const [k, v] of Object.entries({
    connectionTimeout: '5000',
    greetingTimeout: '5000',
    socketTimeout: '10000',
  }))
    if (!url.searchParams.has(k)) url.searchParams.set(k, v);
  const transport = nodemailer.createTransport(url.toString());
  return {
    send: async (m) => {
      await transport.sendMail({ from: config.MAIL_FROM, to: m.to, subject: m.subject, text: m.text });
    },
  };
}

/**
 * SMS goes through a provider; no real provider is wired in yet, so the default only records the
 * message in the outbox (status 'logged') — nothing is sent to a phone.
 */
export interface SmsProvider {
  readonly name: string;
  send(to: string, text: string): Promise<'sent' | 'logged'>;
}

export const outboxLogSmsProvider: SmsProvider = { name: 'outbox-log', send: async () => 'logged' };
