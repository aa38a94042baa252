import { z } from 'zod';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** An external PostgreSQL; without it LogiCRM runs its embedded one under DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(5488),
  ADMIN_EMAIL: z.string().email().default('admin@logicrm.local'),
  ADMIN_PASSWORD: z.string().min(10).optional(),
  /** Start with no demo data (the administrator is still created). */
  LOGICRM_EMPTY: bool.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Set when LogiCRM runs behind a reverse proxy that terminates TLS (X-Forwarded-* trusted). */
  TRUST_PROXY: bool.default(false),
  /** How long this process may reuse a session it has just checked (0 = look up every request). */
  SESSION_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
  /** 'in-process': the server runs the job workers; 'off': only `npm run worker` processes run them. */
  JOBS: z.enum(['in-process', 'off']).default('in-process'),
  /** SMTP for outgoing mail, e.g. smtp://user:pass@mail.example.com:587; without it mail waits in the outbox. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default('LogiCRM <noreply@logicrm.local>'),
  /** Largest file that may be attached to a ticket, in bytes (default 10 MB). */
  ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  LOGIN_MAX_PER_IP_PER_15_MIN: z.coerce.number().int().min(1).default(30),
  /** Public survey requests (open, save, submit) per client address per minute. */
  SURVEY_MAX_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** The address customers reach this site at, for links in survey mails. */
  PUBLIC_URL: z.string().url().default('http://localhost:3000'),
});

export type Config = z.infer<typeof envSchema>;

/** Parses the environment once; a bad value stops the start with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
