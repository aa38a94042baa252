import type { ImportEntity } from './entity.js';
import {
  guessMapping,
  guessTarget,
  IMPORT_TARGETS,
  type ImportTarget,
  type ColumnMapping as Mapping,
  validateMapping,
} from './mapping.js';
import { type PlannedRow, planImport } from './plan.js';
import { validateInChunks } from './prepare.js';
import { DEFAULT_READ_LIMITS } from './table.js';
import { cellGiven, writePlan } from './write.js';

/** Accounts with their contacts, one row per account (issue 3): the first kind of import. */
export const accountImport: ImportEntity<PlannedRow> = {
  kind: 'accounts',
  permission: 'accounts.import',
  targets: IMPORT_TARGETS,
  limits: DEFAULT_READ_LIMITS,
  guessTarget,
  guessMapping,
  validateMapping: (mapping, { mode }) => validateMapping(mapping, { requireCode: mode === 'upsert' }),
  async check(db, file, mapping, mode, onProgress) {
    const accountMapping = mapping as Mapping<ImportTarget>[];
    const total = file.rows.length || 1;
    const validation = await validateInChunks(file, accountMapping, (done) => onProgress?.(done / total));
    return planImport(db, validation, accountMapping, mode);
  },
  async write(tx, actor, { checked, file, mapping }, onProgress) {
    const columnOf = new Map<ImportTarget, number>();
    for (const m of mapping as Mapping<ImportTarget>[])
      if (m.target && !columnOf.has(m.target)) columnOf.set(m.target, m.column);
    const total = checked.rows.length || 1;
    return writePlan(tx, checked.rows, {
      actor,
      mapped: new Set(columnOf.keys()),
      given: cellGiven(file.rows, columnOf),
      onProgress: async (done) => onProgress?.(done / total),
    });
  },
};
