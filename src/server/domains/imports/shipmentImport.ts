import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { withoutJit } from '../../db/jit.js';
import { accountIdsByCode } from '../accounts/repo.js';
import { partnerIdsByCode } from '../partners/index.js';
import {
  shipmentStageLine,
  stageShipments,
  toRecord,
  upsertStagedExceptions,
  writeStagedShipments,
} from '../shipments/repo.js';
import { recordShipmentBatches } from '../shipments/service.js';
import { validateShipmentRows } from '../shipments/validation.js';
import type { CheckedImport, ImportEntity } from './entity.js';
import type { ColumnMapping } from './mapping.js';
import { readerIssues, repeatedValues } from './rowValidation.js';
import {
  guessShipmentMapping,
  guessShipmentTarget,
  SHIPMENT_IMPORT_TARGETS,
  type ShipmentImportTarget,
  validateShipmentMapping,
} from './shipmentMapping.js';
import {
  mixedZoneErrors,
  readShipmentCells,
  type ShipmentCells,
  type ShipmentColumns,
} from './shipmentRows.js';
import type { TableRecord } from './table.js';

/**
 * Shipments from a CSV or XLSX file (issue 4), one row per waybill, idempotent by waybill: every row
 * goes through the bulk API's validation (shipments/validation.ts) and is written by the same
 * statements (shipments/repo.ts), staged by COPY. "Create only" refuses waybills that exist; "create
 * or update" and "skip bad rows" update them (a row equal to what is stored changes nothing).
 */

/**
 * A checked row as the run stages it: its line of COPY text (shipments/repo.shipmentStageLine). A
 * million-row file keeps one string per row between the check and the write, not its parsed objects.
 */
export type StagedShipmentRow = string;

const CHUNK = 10_000;
/** Schema fields to the column that filled them. */
const FIELD_TARGET: Record<string, ShipmentImportTarget> = {
  declaredValueCents: 'declaredValue',
  revenueCents: 'revenue',
  costCents: 'cost',
};
const targetOf = (field: string) => FIELD_TARGET[field] ?? (field.split('.')[0] as ShipmentImportTarget);

async function existingWaybills(db: DbOrTx, waybills: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < waybills.length; i += 50_000) {
    const { rows } = await db.execute<{ waybill: string }>(
      sql`SELECT waybill FROM shipments WHERE waybill = ANY(${sql.param(waybills.slice(i, i + 50_000))}::text[])`,
    );
    for (const r of rows) found.add(r.waybill);
  }
  return found;
}

/** Account and carrier ids by lower-cased code, looked up chunk by chunk for the codes not seen yet. */
function codeLookup(db: DbOrTx) {
  const accounts = new Map<string, string>();
  const carriers = new Map<string, string>();
  const asked = { accounts: new Set<string>(), carriers: new Set<string>() };
  const fresh = (rows: readonly ShipmentCells[], key: 'accountCode' | 'carrierCode', seen: Set<string>) => {
    const codes = new Set<string>();
    for (const r of rows) {
      const code = r.input[key];
      if (typeof code === 'string' && !seen.has(code.toLowerCase())) codes.add(code);
    }
    for (const c of codes) seen.add(c.toLowerCase());
    return [...codes];
  };
  return async (rows: readonly ShipmentCells[]) => {
    const [a, c] = [fresh(rows, 'accountCode', asked.accounts), fresh(rows, 'carrierCode', asked.carriers)];
    if (a.length) for (const [k, v] of await accountIdsByCode(db, a)) accounts.set(k, v);
    if (c.length) for (const [k, v] of await partnerIdsByCode(db, c)) carriers.set(k, v);
    return { accounts, carriers };
  };
}

/** The time zone offsets of every row, read again once a file turns out to mix zones. */
function readZones(rows: readonly TableRecord[], columnOf: ShipmentColumns) {
  return rows.flatMap((r) => {
    const { offsets } = readShipmentCells(r, columnOf);
    return offsets.length ? [{ line: r.line, offsets }] : [];
  });
}

/**
 * Every row read and validated chunk by chunk (the parsed objects of a chunk are dropped once its
 * rows are staged as text), then the checks that need the whole file: one time zone, waybills not
 * repeated, and in create-only mode not stored already.
 */
async function checkShipments(
  db: DbOrTx,
  file: { rows: { line: number; cells: string[] }[]; tableIssues: Parameters<typeof readerIssues>[0] },
  mapping: ColumnMapping<string>[],
  mode: string,
  onProgress?: (share: number) => Promise<void> | void,
): Promise<CheckedImport<StagedShipmentRow>> {
  const columnOf = new Map<ShipmentImportTarget, ColumnMapping<string>>();
  for (const m of mapping)
    if (m.target && !columnOf.has(m.target as ShipmentImportTarget))
      columnOf.set(m.target as ShipmentImportTarget, m);
  const header = (field: string) => columnOf.get(targetOf(field))?.header ?? null;
  const { errors, warnings } = readerIssues(file.tableIssues, mapping);
  const codes = codeLookup(db);

  // the valid rows as three parallel lists: no object per row lives to the end of a million-row check
  const staged: StagedShipmentRow[] = [];
  const stagedLines: number[] = [];
  const stagedWaybills: string[] = [];
  const waybillLines: number[] = [];
  const waybills: string[] = [];
  const offsets = new Map<string, number>();
  let zoned: Pick<ShipmentCells, 'line' | 'offsets'>[] = [];
  for (let start = 0; start < file.rows.length; start += CHUNK) {
    const cells = file.rows.slice(start, start + CHUNK).map((r) => readShipmentCells(r, columnOf));
    for (const c of cells) {
      for (const e of c.errors) errors.push(e);
      if (typeof c.input.waybill === 'string') {
        waybillLines.push(c.line);
        waybills.push(c.input.waybill);
      }
      for (const [, o] of c.offsets) offsets.set(o, (offsets.get(o) ?? 0) + 1);
      // the rows' offsets are kept only while the file has had one zone (nearly every file)
      if (offsets.size > 1 && zoned.length === 0) zoned = readZones(file.rows, columnOf);
    }
    const { accounts, carriers } = await codes(cells);
    const checked = validateShipmentRows(
      cells.map((c) => c.input),
      accounts,
      carriers,
    );
    for (const e of checked.errors) {
      // repeated waybills are reported over the whole file below
      if (e.code === 'shipment.duplicateWaybill') continue;
      errors.push({ line: cells[e.index].line, column: header(e.field), field: e.field, code: e.code });
    }
    for (const v of checked.valid) {
      stagedLines.push(cells[v.index].line);
      stagedWaybills.push(v.input.waybill);
      staged.push(
        shipmentStageLine(
          toRecord(v),
          (v.input.exceptions ?? []).map((x) => x.kind),
        ),
      );
    }
    await onProgress?.((0.9 * Math.min(file.rows.length, start + CHUNK)) / file.rows.length);
    await yieldToLoop();
  }
  for (const e of mixedZoneErrors(zoned, columnOf)) errors.push(e); // may be one per row: no spread
  const pairs = function* () {
    for (let i = 0; i < waybills.length; i++) yield [waybillLines[i], waybills[i]] as const;
  };
  for (const { line, value, lines } of repeatedValues(pairs()))
    errors.push({
      line,
      column: header('waybill'),
      field: 'waybill',
      code: 'import.duplicate_waybill',
      params: { value, lines },
    });
  if (mode === 'create_only') {
    const taken = await existingWaybills(db, stagedWaybills);
    stagedWaybills.forEach((waybill, i) => {
      if (taken.has(waybill))
        errors.push({
          line: stagedLines[i],
          column: header('waybill'),
          field: 'waybill',
          code: 'import.waybill_exists',
          params: { waybill },
        });
    });
  }
  const bad = new Set(errors.map((e) => e.line));
  errors.sort((a, b) => a.line - b.line);
  warnings.sort((a, b) => a.line - b.line);
  return {
    rows: bad.size ? staged.filter((_, i) => !bad.has(stagedLines[i])) : staged,
    errors,
    warnings,
    badLines: [...bad].sort((a, b) => a - b),
  };
}

export const shipmentImport: ImportEntity<StagedShipmentRow> = {
  kind: 'shipments',
  permission: 'shipments.import',
  targets: SHIPMENT_IMPORT_TARGETS,
  /** A TMS export of a million waybills is one file. */
  limits: { maxBytes: 256 * 1024 * 1024, maxCellLength: 1_000, maxRecords: 1_000_001 },
  guessTarget: guessShipmentTarget,
  guessMapping: guessShipmentMapping,
  validateMapping: (mapping) => validateShipmentMapping(mapping),
  check: checkShipments,
  /**
   * The checked rows streamed into the stage by COPY, then written by one statement (the KPI rollups
   * move once), their exceptions, and the audit entries of shipments/service.ts.
   */
  async write(tx, actor, { checked, mode }, onProgress) {
    await withoutJit(tx);
    await stageShipments(tx, checked.rows);
    await onProgress?.(0.1);
    const written = await writeStagedShipments(tx, { newOnly: mode === 'create_only' });
    await onProgress?.(0.9);
    const exceptions = await upsertStagedExceptions(tx);
    const counts = await recordShipmentBatches(tx, actor, checked.rows.length, written, exceptions);
    return { created: counts.inserted, updated: counts.updated, unchanged: counts.unchanged };
  },
};
