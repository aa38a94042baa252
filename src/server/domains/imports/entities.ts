import { accountImport } from './accountImport.js';
import type { ImportEntity, ImportKind } from './entity.js';
import { shipmentImport } from './shipmentImport.js';

/** Every kind of import by its name (the job's `kind`). */
const ENTITIES: Record<ImportKind, ImportEntity> = {
  accounts: accountImport as ImportEntity,
  shipments: shipmentImport as ImportEntity,
};

export const importEntity = (kind: ImportKind): ImportEntity => ENTITIES[kind];
