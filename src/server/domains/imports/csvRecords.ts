/**
 * The records of a CSV text (RFC 4180, "" inside quotes, a quote inside an unquoted cell kept as
 * written, rows of any width), each with the 1-based line it starts on, blank lines left out. One pass
 * over the text with slices for plain cells: csv-parse with line info took most of an import's reading
 * time (about 60 µs a row), this takes a few. The text's line endings are \n (readCsv makes them so).
 */

export type CsvRecordError = {
  detail: 'CSV_QUOTE_NOT_CLOSED' | 'CSV_INVALID_CLOSING_QUOTE' | 'CSV_MAX_RECORD_SIZE';
  line: number;
};

export type CsvRecords =
  | {
      ok: true;
      /** The first `keep` records. */
      records: { line: number; cells: string[] }[];
      /** Every record of the text (blank ones left out), kept or not. */
      count: number;
      /** The most cells of any record. */
      width: number;
    }
  | ({ ok: false } & CsvRecordError);

const QUOTE = 34;
const NEWLINE = 10;

/**
 * `keep` bounds the records returned: the rest are still read through (their count, width and
 * structure errors) but their cells are not cut out, so counting a large file costs little memory.
 */
export function csvRecords(
  input: string,
  delimiter: string,
  maxRecordSize: number,
  keep = Number.POSITIVE_INFINITY,
): CsvRecords {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const sep = delimiter.charCodeAt(0);
  const end = text.length;
  const records: { line: number; cells: string[] }[] = [];
  let line = 1;
  let i = 0;
  let count = 0;
  let width = 0;
  while (i < end) {
    const startLine = line;
    const recordStart = i;
    const kept = count < keep;
    const cells: string[] = [];
    let cellCount = 0;
    let blank = true;
    for (;;) {
      let cell: string;
      if (text.charCodeAt(i) === QUOTE) {
        // quoted cell: up to the quote not followed by another
        let value = '';
        let from = i + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q === -1)
            return { ok: false, detail: 'CSV_QUOTE_NOT_CLOSED', line: lastLine(text, line, from) };
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          value += text.slice(from, q);
          i = q + 1;
          break;
        }
        for (let k = value.indexOf('\n'); k !== -1; k = value.indexOf('\n', k + 1)) line++;
        const next = text.charCodeAt(i);
        if (i < end && next !== sep && next !== NEWLINE)
          return { ok: false, detail: 'CSV_INVALID_CLOSING_QUOTE', line };
        cell = value;
      } else {
        let j = i;
        while (j < end) {
          const c = text.charCodeAt(j);
          if (c === sep || c === NEWLINE) break;
          j++;
        }
        // a record not kept is only checked for blankness, up to its first cell that is not
        cell = kept || (blank && j > i) ? text.slice(i, j) : '';
        i = j;
      }
      if (cell !== '' && blank && cell.trim() !== '') blank = false;
      cellCount++;
      if (kept) cells.push(cell);
      if (i - recordStart > maxRecordSize)
        return { ok: false, detail: 'CSV_MAX_RECORD_SIZE', line: startLine };
      if (i < end && text.charCodeAt(i) === sep) {
        i++;
        continue;
      }
      break;
    }
    // at a newline or the end
    if (i < end) {
      i++;
      line++;
    }
    if (blank) continue;
    count++;
    if (cellCount > width) width = cellCount;
    if (kept) records.push({ line: startLine, cells });
  }
  return { ok: true, records, count, width };
}

/** The line an unclosed quote ran to: the last line of the text. */
function lastLine(text: string, line: number, from: number): number {
  let n = line;
  for (let k = text.indexOf('\n', from); k !== -1; k = text.indexOf('\n', k + 1)) n++;
  return text.endsWith('\n') ? n - 1 : n;
}
