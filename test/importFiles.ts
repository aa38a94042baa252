import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

/** Import fixtures written by the tests: CSV text in any encoding, XLSX workbooks. */

export function csvText(rows: readonly (readonly string[])[], delimiter = ','): string {
  const cell = (c: string) =>
    c.includes(delimiter) || c.includes('"') || c.includes('\n') ? `"${c.replace(/"/g, '""')}"` : c;
  return `${rows.map((r) => r.map(cell).join(delimiter)).join('\r\n')}\r\n`;
}

export const utf8Csv = (rows: readonly (readonly string[])[]) => Buffer.from(csvText(rows), 'utf8');
export const bomCsv = (rows: readonly (readonly string[])[]) =>
  Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8Csv(rows)]);
export const gbkCsv = (rows: readonly (readonly string[])[]) => iconv.encode(csvText(rows), 'gbk');

export async function xlsxFile(rows: readonly (readonly unknown[])[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('客户');
  for (const r of rows) sheet.addRow([...r]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
