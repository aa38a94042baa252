/**
 * What a ticket attachment may be: an allow-list of extensions, each checked against the file's
 * first bytes (magic numbers), so a renamed executable or an HTML page called "photo.jpg" is refused.
 * Anything not on the list — executables, scripts, HTML, SVG (which can carry script) — is refused.
 */

export type FileVerdict =
  | { ok: true; contentType: string; extension: string }
  | { ok: false; reason: 'typeNotAllowed' | 'contentMismatch' | 'empty'; extension: string };

const starts = (b: Buffer, sig: number[], at = 0) => sig.every((byte, i) => b[at + i] === byte);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** An Office Open XML package: a zip whose first entries name its content types and its part folder. */
const ooxml = (folder: string) => (b: Buffer) => {
  if (!starts(b, ZIP)) return false;
  const head = b.subarray(0, 64 * 1024).toString('latin1');
  return head.includes('[Content_Types].xml') || head.includes(`${folder}/`);
};

/** Plain text: no NUL or other binary control bytes, and nothing a browser would run as a page. */
const ACTIVE_MARKUP = /<\s*(script|html|svg|iframe|object|embed)\b|<!doctype\s+html|javascript:/i;
function isPlainText(b: Buffer): boolean {
  const head = b.subarray(0, 64 * 1024);
  for (const byte of head) if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) return false;
  if (starts(head, ascii('#!')) || starts(head, ascii('MZ'))) return false;
  return !ACTIVE_MARKUP.test(head.toString('utf8'));
}

const TYPES: Record<string, { contentType: string; matches: (b: Buffer) => boolean }> = {
  pdf: { contentType: 'application/pdf', matches: (b) => starts(b, ascii('%PDF-')) },
  png: {
    contentType: 'image/png',
    matches: (b) => starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  jpg: { contentType: 'image/jpeg', matches: (b) => starts(b, [0xff, 0xd8, 0xff]) },
  jpeg: { contentType: 'image/jpeg', matches: (b) => starts(b, [0xff, 0xd8, 0xff]) },
  gif: {
    contentType: 'image/gif',
    matches: (b) => starts(b, ascii('GIF87a')) || starts(b, ascii('GIF89a')),
  },
  webp: {
    contentType: 'image/webp',
    matches: (b) => starts(b, ascii('RIFF')) && starts(b, ascii('WEBP'), 8),
  },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    matches: ooxml('word'),
  },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    matches: ooxml('xl'),
  },
  pptx: {
    contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    matches: ooxml('ppt'),
  },
  doc: { contentType: 'application/msword', matches: (b) => starts(b, OLE) },
  xls: { contentType: 'application/vnd.ms-excel', matches: (b) => starts(b, OLE) },
  txt: { contentType: 'text/plain; charset=utf-8', matches: isPlainText },
  csv: { contentType: 'text/csv; charset=utf-8', matches: isPlainText },
};

export const ALLOWED_EXTENSIONS = Object.keys(TYPES);

export const extensionOf = (fileName: string) => {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
};

/** The verdict on a file: its extension must be allowed and its bytes must be what the extension says. */
export function classifyFile(fileName: string, bytes: Buffer): FileVerdict {
  const extension = extensionOf(fileName);
  const type = TYPES[extension];
  if (!type) return { ok: false, reason: 'typeNotAllowed', extension };
  if (bytes.length === 0) return { ok: false, reason: 'empty', extension };
  if (!type.matches(bytes)) return { ok: false, reason: 'contentMismatch', extension };
  return { ok: true, contentType: type.contentType, extension };
}
