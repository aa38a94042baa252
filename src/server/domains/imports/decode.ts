import iconv from 'iconv-lite';

/**
 * Bytes of an uploaded text file to a string. Detection, unless the caller forces an encoding:
 *   1. a byte-order mark decides: UTF-8, UTF-16 LE, UTF-16 BE;
 *   2. NUL bytes without a UTF-16 BOM mean a binary file (an XLSX renamed .csv, say): refused;
 *   3. bytes that are valid UTF-8 are UTF-8;
 *   4. otherwise GB18030 (a superset of GBK and GB2312, what Excel in a Chinese locale saves) —
 *      unless some lines are valid multi-byte UTF-8 and others are not: a mixed file, refused with the
 *      first line that disagrees, as is any byte sequence GB18030 cannot decode.
 */

export const TEXT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];
/** What a caller may force: GBK and GB2312 are read as GB18030, their superset. */
export type EncodingChoice = TextEncoding | 'gbk' | 'gb2312' | 'auto';

export const DECODE_REASONS = ['decode.binary', 'decode.invalid_bytes', 'decode.mixed_encoding'] as const;
export type DecodeReason = (typeof DECODE_REASONS)[number];

export type DecodeResult =
  | { ok: true; text: string; encoding: TextEncoding; bom: boolean; detected: boolean }
  | { ok: false; reason: DecodeReason; encoding?: TextEncoding; line?: number };

const BOMS: [TextEncoding, number[]][] = [
  ['utf-8', [0xef, 0xbb, 0xbf]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]],
];

function bomOf(bytes: Uint8Array): [TextEncoding, number] | null {
  for (const [encoding, bom] of BOMS) {
    if (bom.every((b, i) => bytes[i] === b)) return [encoding, bom.length];
  }
  return null;
}

/** 1-based line of a byte offset in an ASCII-compatible encoding. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function isUtf8(bytes: Uint8Array): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Offset of the first byte that makes the buffer invalid UTF-8, by a linear scan; -1 when valid. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const need =
      b < 0x80
        ? 0
        : b >= 0xc2 && b <= 0xdf
          ? 1
          : b >= 0xe0 && b <= 0xef
            ? 2
            : b >= 0xf0 && b <= 0xf4
              ? 3
              : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return -1;
}

/** 1-based number of the first line that is multi-byte UTF-8, or 0. */
function firstUtf8MultibyteLine(bytes: Uint8Array): number {
  let start = 0;
  let line = 1;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      const slice = bytes.subarray(start, i);
      if (slice.some((b) => b >= 0x80) && isUtf8(slice)) return line;
      start = i + 1;
      line++;
    }
  }
  return 0;
}

function decodeWith(bytes: Uint8Array, encoding: TextEncoding): DecodeResult {
  if (encoding === 'utf-8') {
    const bad = firstInvalidUtf8(bytes);
    if (bad >= 0) return { ok: false, reason: 'decode.invalid_bytes', encoding, line: lineAt(bytes, bad) };
    return { ok: true, text: utf8.decode(bytes), encoding, bom: false, detected: false };
  }
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, {
    stripBOM: false,
  });
  const bad = text.indexOf('\uFFFD');
  if (bad >= 0) {
    const line = text.slice(0, bad).split('\n').length;
    return { ok: false, reason: 'decode.invalid_bytes', encoding, line };
  }
  return { ok: true, text, encoding, bom: false, detected: false };
}

/**
 * @example decodeText(iconv.encode('客户名称\n顺丰', 'gbk')) // { ok: true, text: '客户名称\n顺丰', encoding: 'gb18030', … }
 */
export function decodeText(bytes: Uint8Array, choice: EncodingChoice = 'auto'): DecodeResult {
  const bom = bomOf(bytes);
  if (choice !== 'auto') {
    const encoding: TextEncoding = choice === 'gbk' || choice === 'gb2312' ? 'gb18030' : choice;
    const skip = bom && bom[0] === encoding ? bom[1] : 0;
    const result = decodeWith(bytes.subarray(skip), encoding);
    return result.ok ? { ...result, bom: skip > 0 } : result;
  }
  if (bom) {
    const result = decodeWith(bytes.subarray(bom[1]), bom[0]);
    return result.ok ? { ...result, bom: true, detected: true } : result;
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { ok: false, reason: 'decode.binary', line: lineAt(bytes, nul) };
  const badUtf8 = firstInvalidUtf8(bytes);
  if (badUtf8 < 0)
    return { ok: true, text: utf8.decode(bytes), encoding: 'utf-8', bom: false, detected: true };
  const utf8Line = firstUtf8MultibyteLine(bytes);
  if (utf8Line > 0) {
    const badLine = lineAt(bytes, badUtf8);
    return { ok: false, reason: 'decode.mixed_encoding', line: Math.max(utf8Line, badLine) };
  }
  const result = decodeWith(bytes, 'gb18030');
  return result.ok ? { ...result, detected: true } : result;
}
