import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { accountIdsByCode } from '../accounts/repo.js';
import { partnerIdsByCode } from '../partners/index.js';
import { writeShipments } from '../shipments/service.js';
import { type ResolvedShipment, validateShipmentRows } from '../shipments/validation.js';
import type { CheckedImport, ImportEntity } from './entity.js';
import type { ColumnMapping } from './mapping.js';
import { type RowIssue, readerIssues, repeatedValues } from './rowValidation.js';
import {
  guessShipmentMapping,
  guessShipmentTarget,
  SHIPMENT_IMPORT_TARGETS,
  type ShipmentImportTarget,
  validateShipmentMapping,
} from './shipmentMapping.js';
import { mixedZoneErrors, readShipmentCells, type ShipmentCells } from './shipmentRows.js';

/**
 * Shipments from a CSV or XLSX file (issue 4), one row per waybill, idempotent by waybill: every row
 * goes through the bulk API's validation (shipments/validation.ts) and is written by the same
 * writeShipments. "Create only" refuses waybills that exist; "create or update" and "skip bad rows"
 * update them (a row equal to what is stored changes nothing).
 */

export interface ShipmentImportRow extends ResolvedShipment {
  line: number;
}

const CHUNK = 10_000;
/** Schema fields to the column that filled them. */
const FIELD_TARGET: Record<string, ShipmentImportTarget> = {
  declaredValueCents: 'declaredValue',
  revenueCents: 'revenue',
  costCents: 'cost',
};
const targetOf = (field: string) => FIELD_TARGET[field] ?? (field.split('.')[0] as ShipmentImportTarget);

const distinct = (rows: readonly ShipmentCells[], key: 'accountCode' | 'carrierCode') => [
  ...new Set(rows.flatMap((r) => (typeof r.input[key] === 'string' ? [r.input[key] as string] : []))),
];

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

async function checkShipments(
  db: DbOrTx,
  file: { rows: { line: number; cells: string[] }[]; tableIssues: Parameters<typeof readerIssues>[0] },
  mapping: ColumnMapping<string>[],
  mode: string,
  onProgress?: (share: number) => Promise<void> | void,
): Promise<CheckedImport<ShipmentImportRow>> {
  const columnOf = new Map<ShipmentImportTarget, ColumnMapping<string>>();
  for (const m of mapping)
    if (m.target && !columnOf.has(m.target as ShipmentImportTarget))
      columnOf.set(m.target as ShipmentImportTarget, m);
  const header = (field: string) => columnOf.get(targetOf(field))?.header ?? null;
  const { errors, warnings } = readerIssues(file.tableIssues, mapping);

  const cells: ShipmentCells[] = [];
  for (let start = 0; start < file.rows.length; start += CHUNK) {
    for (const record of file.rows.slice(start, start + CHUNK)) {
      const read = readShipmentCells(record, columnOf);
      cells.push(read);
      errors.push(...read.errors);
    }
    await onProgress?.((0.5 * Math.min(file.rows.length, start + CHUNK)) / file.rows.length);
    await yieldToLoop();
  }
  for (const e of mixedZoneErrors(cells, columnOf)) errors.push(e); // may be one per row: no spread
  const waybillLines: [number, string][] = cells.flatMap((c) =>
    typeof c.input.waybill === 'string' ? [[c.line, c.input.waybill]] : [],
  );
  for (const { line, value, lines } of repeatedValues(waybillLines))
    errors.push({
      line,
      column: header('waybill'),
      field: 'waybill',
      code: 'import.duplicate_waybill',
      params: { value, lines },
    });

  const [accounts, carriers] = await Promise.all([
    accountIdsByCode(db, distinct(cells, 'accountCode')),
    partnerIdsByCode(db, distinct(cells, 'carrierCode')),
  ]);
  const valid: ShipmentImportRow[] = [];
  for (let start = 0; start < cells.length; start += CHUNK) {
    const part = cells.slice(start, start + CHUNK);
    const checked = validateShipmentRows(
      part.map((c) => c.input),
      accounts,
      carriers,
    );
    for (const e of checked.errors) {
      // repeated waybills are reported over the whole file above
      if (e.code === 'shipment.duplicateWaybill') continue;
      const issue: RowIssue = {
        line: part[e.index].line,
        column: header(e.field),
        field: e.field,
        code: e.code,
      };
      errors.push(issue);
    }
    for (const v of checked.valid) valid.push({ ...v, line: part[v.index].line });
    await onProgress?.(0.5 + (0.4 * Math.min(cells.length, start + CHUNK)) / cells.length);
    await yieldToLoop();
  }
  if (mode === 'create_only') {
    const taken = await existingWaybills(
      db,
      valid.map((v) => v.input.waybill),
    );
    for (const v of valid)
      if (taken.has(v.input.waybill))
        errors.push({
          line: v.line,
          column: header('waybill'),
          field: 'waybill',
          code: 'import.waybill_exists',
          params: { waybill: v.input.waybill },
        });
  }
  const bad = new Set(errors.map((e) => e.line));
  errors.sort((a, b) => a.line - b.line);
  warnings.sort((a, b) => a.line - b.line);
  return {
    rows: valid.filter((v) => !bad.has(v.line)),
    errors,
    warnings,
    badLines: [...bad].sort((a, b) => a - b),
  };
}

export const shipmentImport: ImportEntity<ShipmentImportRow> = {
  kind: 'shipments',
  permission: 'shipments.import',
  targets: SHIPMENT_IMPORT_TARGETS,
  /** A TMS export of a million waybills is one file. */
  limits: { maxBytes: 256 * 1024 * 1024, maxCellLength: 1_000, maxRecords: 1_000_001 },
  guessTarget: guessShipmentTarget,
  guessMapping: guessShipmentMapping,
  validateMapping: (mapping) => validateShipmentMapping(mapping),
  check: checkShipments,
  async write(tx, actor, { checked, mode }, onProgress) {
    const total = checked.rows.length || 1;
    const { inserted, updated, unchanged } = await writeShipments(tx, actor, checked.rows, {
      newOnly: mode === 'create_only',
      onProgress: async (done) => onProgress?.(done / total),
    });
    return { created: inserted, updated, unchanged };
  },
};
