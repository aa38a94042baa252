/**
 * `Content-Disposition: attachment` with both filename forms: an ASCII fallback for old clients and
 * the RFC 5987 / RFC 6266 `filename*` with the UTF-8 name, so Chinese file names download intact.
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  // encodeURIComponent leaves ' ( ) * ! unescaped; RFC 5987 attr-char does not allow the first four
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
