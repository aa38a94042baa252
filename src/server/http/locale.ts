import type { FastifyRequest } from 'fastify';
import { LOCALES, type Locale } from '../../shared/organization.js';

/** The caller's language from Accept-Language (first supported tag wins), else the fallback. */
export function localeFromHeader(header: string | undefined, fallback: Locale): Locale {
  if (!header) return fallback;
  const tags = header
    .split(',')
    .map((part) => {
      const [tag, q] = part.trim().split(';q=');
      return { tag: tag.toLowerCase(), q: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of tags) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en-US';
    const exact = LOCALES.find((l) => l.toLowerCase() === tag);
    if (exact) return exact;
  }
  return fallback;
}

/**
 * The request's language: a `lang` query parameter first (links the browser opens itself, such as
 * downloads, cannot set headers but should follow the UI's language), then Accept-Language.
 */
export function requestLocale(req: FastifyRequest, fallback: Locale): Locale {
  const lang = (req.query as Record<string, unknown> | undefined)?.lang;
  const chosen = LOCALES.find((l) => l === lang);
  return chosen ?? localeFromHeader(req.headers['accept-language'], fallback);
}
