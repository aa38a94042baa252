import type { TFunction } from 'i18next';
import type { Permission } from '../../api/types';
import type { importsEnUS } from '../../i18n/imports.en-US';

/**
 * What the import wizard needs to know about each kind of record it imports: where files go, what the
 * columns can be mapped to and what must be. The wizard itself is the same for every kind; a new kind
 * (shipments …) adds an entry here and its target labels in i18n/imports.*.ts under `targets`.
 */

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

type TargetLabels = (typeof importsEnUS)['targets'];
export type ImportKind = keyof TargetLabels;
/** The targets of a kind (of every kind, for the union). */
type TargetOf<K extends ImportKind> = K extends ImportKind ? Leaves<TargetLabels[K]> : never;

export interface ImportEntity<K extends ImportKind = ImportKind> {
  kind: K;
  /** Where a file of this kind is uploaded (POST, raw body). */
  uploadPath: string;
  permission: Permission;
  /** The list of the imported records, linked from the result. */
  recordsPath: string;
  /** Groups of targets of which one must be mapped; `inUpsert` only when matching rows by code. */
  required: { targets: readonly TargetOf<K>[]; inUpsert?: boolean }[];
  /** Targets of the same record part: when one of them is mapped, `requiredWith` must be too. */
  requiredWith?: { prefix: string; target: TargetOf<K> };
}

export const IMPORT_ENTITIES: { [K in ImportKind]: ImportEntity<K> } = {
  accounts: {
    kind: 'accounts',
    uploadPath: '/imports/accounts',
    permission: 'accounts.import',
    recordsPath: '/accounts',
    required: [{ targets: ['name', 'nameZh', 'nameEn'] }, { targets: ['code'], inUpsert: true }],
    requiredWith: { prefix: 'contact.', target: 'contact.name' },
  },
  shipments: {
    kind: 'shipments',
    uploadPath: '/imports/shipments',
    permission: 'shipments.import',
    recordsPath: '/shipments',
    // docs/shipment-import.md; the server's check (imports/shipmentMapping.ts) is the authority
    required: (
      ['waybill', 'accountCode', 'mode', 'origin', 'destination', 'status', 'bookedAt'] as const
    ).map((target) => ({ targets: [target] })),
  },
};

export const isImportKind = (kind: string | undefined): kind is ImportKind =>
  kind !== undefined && Object.hasOwn(IMPORT_ENTITIES, kind);

/** The label of a field a column can be mapped to, in the UI language. */
export function targetLabel(t: TFunction, kind: ImportKind, target: string): string {
  const key =
    `imports.targets.${kind}.${target}` as `imports.targets.${ImportKind}.${Leaves<TargetLabels[ImportKind]>}`;
  return t(key, { defaultValue: target });
}

/** Whether a target is required (always, or in create-or-update mode). */
export function requirement(entity: ImportEntity, target: string): 'always' | 'upsert' | null {
  for (const group of entity.required)
    if ((group.targets as readonly string[]).includes(target)) return group.inUpsert ? 'upsert' : 'always';
  return null;
}
