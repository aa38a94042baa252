/**
 * What the search box matches and its two-character grams, computed in the app. The SQL function
 * `logicrm_bigrams` makes the same grams (triggers fill them for writers that leave them out, see
 * migration 0011); bulk writers compute them here, which costs a fraction of the per-row SQL call.
 * The search term is cut into grams by the same function (listRepo.ts), so what is stored and what is
 * looked for agree by construction.
 */

/** Every distinct two-character piece of a text, in order of first appearance (code points, as substr). */
export function bigrams(text: string): string[] {
  const chars = Array.from(text);
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i] + chars[i + 1]);
  return [...grams];
}

/** The account's searched text, as the generated column `accounts.search_text` spells it. */
export const accountSearchText = (a: {
  code: string;
  nameZh: string | null;
  nameEn: string | null;
  creditCode: string | null;
}) => `${a.code} ${a.nameZh ?? ''} ${a.nameEn ?? ''} ${a.creditCode ?? ''}`.toLowerCase();

/** The contact's searched text, as the generated column `contacts.search_text` spells it. */
export const contactSearchText = (c: {
  name: string;
  mobile: string | null;
  phone: string | null;
  email: string | null;
  wechatId: string | null;
}) => `${c.name} ${c.mobile ?? ''} ${c.phone ?? ''} ${c.email ?? ''} ${c.wechatId ?? ''}`.toLowerCase();
