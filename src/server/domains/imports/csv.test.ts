import { describe, expect, it } from 'vitest';
import { detectDelimiter, escapeFormula, readCsv } from './csv.js';
import { checkFileSize } from './table.js';

describe('detectDelimiter', () => {
  it.each([
    ['客户编码,客户名称,城市\nC1,顺丰,深圳\n', ','],
    ['客户编码;客户名称;城市\nC1;顺丰;深圳\n', ';'],
    ['客户编码\t客户名称\t城市\nC1\t顺丰\t深圳\n', '\t'],
    ['code|name\nC1|Acme\n', '|'],
    // semicolons inside quoted cells do not count
    ['code,name,tags\nC1,"a;b;c;d",x\nC2,"e;f;g",y\n', ','],
    // a comma-decimal European file: semicolons split every record the same way
    ['code;amount;note\nC1;1,5;x\nC2;2,25;y\nC3;3;z\n', ';'],
    // 、 inside values is not a delimiter
    ['名称,运输方式\n顺丰,冷链、快递、空运\n', ','],
  ])('%j → %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });
});

describe('readCsv', () => {
  it('returns records with the line each starts on, skipping blank lines', () => {
    const table = readCsv('code,name,address\nC1,Acme,"Line 1\nLine 2"\n\n,,\nC2,"Best ""Co""",x\r\n');
    expect(table.delimiter).toBe(',');
    expect(table.issues).toEqual([]);
    expect(table.records).toEqual([
      { line: 1, cells: ['code', 'name', 'address'] },
      { line: 2, cells: ['C1', 'Acme', 'Line 1\nLine 2'] },
      { line: 6, cells: ['C2', 'Best "Co"', 'x'] },
    ]);
  });

  it('reads a semicolon file', () => {
    const table = readCsv('客户编码;客户名称\nC1;顺丰速运\n');
    expect(table.delimiter).toBe(';');
    expect(table.records[1].cells).toEqual(['C1', '顺丰速运']);
  });

  it('drops a BOM left in the text', () => {
    expect(readCsv('\uFEFFcode,name\nC1,x\n').records[0].cells).toEqual(['code', 'name']);
  });

  it('keeps quotes inside unquoted cells', () => {
    expect(readCsv('name,spec\nPipe,5" steel\n').records[1].cells).toEqual(['Pipe', '5" steel']);
  });

  it('refuses an unclosed quote as malformed', () => {
    expect(readCsv('code,name\nC1,"Acme\nC2,x\n').issues).toEqual([
      { code: 'csv.malformed', severity: 'error', params: { line: 3, detail: 'CSV_QUOTE_NOT_CLOSED' } },
    ]);
  });

  it('refuses text after a closing quote as malformed, naming its line', () => {
    expect(readCsv('code,name\nC1,"Acme"Co,x\n').issues).toEqual([
      { code: 'csv.malformed', severity: 'error', params: { line: 2, detail: 'CSV_INVALID_CLOSING_QUOTE' } },
    ]);
  });

  it('keeps rows of different widths and a last line without a newline', () => {
    expect(readCsv('a,b,c\n1\n2,3,4,5').records).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['1'] },
      { line: 3, cells: ['2', '3', '4', '5'] },
    ]);
  });

  it('reports a 10,000-character cell as a row error and blanks it', () => {
    const long = '长'.repeat(10_000);
    const table = readCsv(`code,name,address\nC1,Acme,ok\nC2,Best,${long}\n`);
    expect(table.issues).toEqual([
      {
        code: 'cell.too_long',
        severity: 'error',
        line: 3,
        column: 2,
        params: { maxLength: 1_000, length: 10_000 },
      },
    ]);
    expect(table.records[2].cells).toEqual(['C2', 'Best', '']);
  });

  it('refuses a record larger than any sensible row', () => {
    const table = readCsv(`a,b\n"${'x'.repeat(200_000)}",y\n`, { maxCellLength: 1_000 });
    expect(table.issues[0]).toMatchObject({ code: 'csv.record_too_large', severity: 'error' });
  });

  it('refuses too many records', () => {
    const table = readCsv('a\n1\n2\n3\n', { maxRecords: 3 });
    expect(table.issues).toEqual([
      { code: 'file.too_many_rows', severity: 'error', params: { maxRecords: 3 } },
    ]);
  });

  it('names a full-width comma delimiter', () => {
    const table = readCsv('客户编码，客户名称\nC1，顺丰\n');
    expect(table.issues).toEqual([{ code: 'csv.fullwidth_delimiter', severity: 'error', line: 1 }]);
  });

  it('keeps formulas as text on import, with a warning', () => {
    const table = readCsv('name,phone\n=1+1,+86 138 1234 5678\n');
    expect(table.records[1].cells).toEqual(['=1+1', '+86 138 1234 5678']);
    expect(table.issues).toEqual([{ code: 'csv.formula', severity: 'warning', line: 2, column: 0 }]);
  });
});

describe('checkFileSize', () => {
  it('refuses files over the limit and empty files', () => {
    expect(checkFileSize(50 * 1024 * 1024)).toMatchObject({
      code: 'file.too_large',
      params: { maxBytes: 31457280 },
    });
    expect(checkFileSize(0)).toMatchObject({ code: 'file.empty' });
    expect(checkFileSize(1024)).toBeNull();
    expect(checkFileSize(2048, { maxBytes: 1024 })).toMatchObject({ code: 'file.too_large' });
  });
});

describe('escapeFormula', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['=HYPERLINK("http://evil.example","x")', '\'=HYPERLINK("http://evil.example","x")'],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ['-2+3+cmd|x', "'-2+3+cmd|x"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "'\t=1"],
    ['+86 138 1234 5678', '+86 138 1234 5678'],
    ['-12.5', '-12.5'],
    ['顺丰速运', '顺丰速运'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j → %j', (value, escaped) => {
    expect(escapeFormula(value)).toBe(escaped);
  });
});
