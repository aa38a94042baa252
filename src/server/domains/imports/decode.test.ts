import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from './decode.js';

const TEXT = '客户编码,客户名称,城市\nC001,顺丰速运有限公司,深圳\nC002,德邦物流股份有限公司,上海\n';
const utf8 = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

describe('decodeText', () => {
  it('reads UTF-8 without BOM', () => {
    expect(decodeText(utf8(TEXT))).toEqual({
      ok: true,
      text: TEXT,
      encoding: 'utf-8',
      bom: false,
      detected: true,
    });
  });

  it('reads UTF-8 with BOM and drops the BOM', () => {
    const bytes = concat(Uint8Array.of(0xef, 0xbb, 0xbf), utf8(TEXT));
    expect(decodeText(bytes)).toEqual({ ok: true, text: TEXT, encoding: 'utf-8', bom: true, detected: true });
  });

  it('reads UTF-16 LE and BE by their BOM', () => {
    const le = iconv.encode(TEXT, 'utf-16le', { addBOM: true });
    const be = concat(Uint8Array.of(0xfe, 0xff), iconv.encode(TEXT, 'utf-16be'));
    expect(decodeText(le)).toMatchObject({ ok: true, text: TEXT, encoding: 'utf-16le', bom: true });
    expect(decodeText(be)).toMatchObject({ ok: true, text: TEXT, encoding: 'utf-16be', bom: true });
  });

  it('falls back to GB18030 for GBK bytes', () => {
    const gbk = iconv.encode(TEXT, 'gbk');
    expect(decodeText(gbk)).toEqual({
      ok: true,
      text: TEXT,
      encoding: 'gb18030',
      bom: false,
      detected: true,
    });
  });

  it('reads characters outside GBK from GB18030 files', () => {
    const text = '名称\n𠀀记物流,€\n';
    expect(decodeText(iconv.encode(text, 'gb18030'))).toMatchObject({ ok: true, text, encoding: 'gb18030' });
  });

  it('reads pure ASCII as UTF-8', () => {
    expect(decodeText(utf8('code,name\nC1,Acme\n'))).toMatchObject({ ok: true, encoding: 'utf-8' });
  });

  it('lets the caller force an encoding, GBK meaning GB18030', () => {
    const gbk = iconv.encode(TEXT, 'gbk');
    expect(decodeText(gbk, 'gbk')).toEqual({
      ok: true,
      text: TEXT,
      encoding: 'gb18030',
      bom: false,
      detected: false,
    });
    expect(decodeText(concat(Uint8Array.of(0xef, 0xbb, 0xbf), utf8(TEXT)), 'utf-8')).toMatchObject({
      ok: true,
      text: TEXT,
      bom: true,
      detected: false,
    });
  });

  it('refuses a forced UTF-8 that is not, naming the line', () => {
    const gbk = iconv.encode(TEXT, 'gbk');
    expect(decodeText(gbk, 'utf-8')).toEqual({
      ok: false,
      reason: 'decode.invalid_bytes',
      encoding: 'utf-8',
      line: 1,
    });
  });

  it('refuses a file mixing UTF-8 and GBK lines, naming the first line that disagrees', () => {
    const mixed = concat(utf8('客户编码,客户名称\nC001,顺丰速运\n'), iconv.encode('C002,德邦物流\n', 'gbk'));
    expect(decodeText(mixed)).toEqual({ ok: false, reason: 'decode.mixed_encoding', line: 3 });
    const mixedOtherWay = concat(iconv.encode('客户编码,客户名称\n', 'gbk'), utf8('C001,顺丰速运\n'));
    expect(decodeText(mixedOtherWay)).toEqual({ ok: false, reason: 'decode.mixed_encoding', line: 2 });
  });

  it('refuses bytes GB18030 cannot decode', () => {
    const broken = concat(utf8('code,name\nC1,'), Uint8Array.of(0x81, 0x20), utf8('\n'));
    expect(decodeText(broken)).toMatchObject({ ok: false, reason: 'decode.invalid_bytes', line: 2 });
  });

  it('refuses binary files such as an XLSX renamed to .csv', () => {
    const zip = Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00);
    expect(decodeText(zip)).toEqual({ ok: false, reason: 'decode.binary', line: 1 });
  });
});
