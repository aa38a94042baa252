import type { Permission } from '../../../shared/permissions.js';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import type { ImportMode } from './jobsTable.js';
import type { ColumnMapping, MappingIssue } from './mapping.js';
import type { OpenedFile } from './prepare.js';
import type { RowIssue } from './rowValidation.js';
import type { ReadLimits } from './table.js';
import type { WriteCounts } from './write.js';

/**
 * What one kind of import (accounts, shipments) brings to the shared job machinery — upload, mapping,
 * dry run, run, progress, report: its column targets and known headers, its mapping rules, the check of
 * every row (in the file and against the database, read-only) and the set-based write of the checked
 * rows in the run's transaction.
 */

export const IMPORT_KINDS = ['accounts', 'shipments'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface CheckedImport<R = unknown> {
  /** Rows ready to write: valid in the file and against the database. */
  rows: R[];
  errors: RowIssue[];
  warnings: RowIssue[];
  /** Lines with at least one error, ascending. */
  badLines: number[];
}

export interface WriteInput<R> {
  checked: CheckedImport<R>;
  file: OpenedFile;
  mapping: ColumnMapping<string>[];
  mode: ImportMode;
}

export type { WriteCounts } from './write.js';

export interface ImportEntity<R = unknown> {
  kind: ImportKind;
  /** Who may upload a file of this kind. */
  permission: Permission;
  /** Every field a column can be mapped to. */
  targets: readonly string[];
  /** Size and row limits of the file. */
  limits: ReadLimits;
  guessTarget: (header: string) => string | null;
  guessMapping: (header: readonly string[]) => ColumnMapping<string>[];
  validateMapping: (
    mapping: readonly { header: string; target: string | null }[],
    options: { mode?: ImportMode },
  ) => MappingIssue[];
  /** Every row validated and checked against the database; nothing is stored. */
  check: (
    db: DbOrTx,
    file: OpenedFile,
    mapping: ColumnMapping<string>[],
    mode: ImportMode,
    onProgress?: (share: number) => Promise<void> | void,
  ) => Promise<CheckedImport<R>>;
  /** Stores the checked rows in the caller's transaction, with their audit entries. */
  write: (
    tx: DbOrTx,
    actor: Actor,
    input: WriteInput<R>,
    onProgress?: (share: number) => Promise<void>,
  ) => Promise<WriteCounts>;
}
