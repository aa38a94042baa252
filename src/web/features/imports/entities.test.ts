import { describe, expect, it } from 'vitest';
import { IMPORT_TARGETS, validateMapping } from '../../../server/domains/imports/mapping';
import {
  SHIPMENT_IMPORT_TARGETS,
  validateShipmentMapping,
} from '../../../server/domains/imports/shipmentMapping';
import { importsEnUS } from '../../i18n/imports.en-US';
import { importsZhCN } from '../../i18n/imports.zh-CN';
import { IMPORT_ENTITIES, isImportKind, requirement } from './entities';

/** The text at a dotted path of a texts object, as i18next resolves `imports.targets.<kind>.<target>`. */
const at = (texts: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], texts);

describe('import entities', () => {
  it('labels every field the server maps account columns to, in both languages', () => {
    for (const target of IMPORT_TARGETS) {
      expect(typeof at(importsEnUS.targets.accounts, target), target).toBe('string');
      expect(typeof at(importsZhCN.targets.accounts, target), target).toBe('string');
    }
  });

  it('marks as required exactly what the server refuses to import without', () => {
    const accounts = IMPORT_ENTITIES.accounts;
    for (const group of accounts.required)
      for (const target of group.targets) expect(IMPORT_TARGETS).toContain(target);
    expect(requirement(accounts, 'nameZh')).toBe('always');
    expect(requirement(accounts, 'code')).toBe('upsert');
    expect(requirement(accounts, 'city')).toBeNull();
    // Any one name satisfies the server; leaving all out is its mapping.name_missing.
    const only = (target: string) => [{ header: 'h', target }];
    for (const target of accounts.required[0].targets)
      expect(validateMapping(only(target)).map((i) => i.code)).toEqual([]);
    expect(validateMapping(only('city')).map((i) => i.code)).toEqual(['mapping.name_missing']);
    expect(validateMapping(only('name'), { requireCode: true }).map((i) => i.code)).toEqual([
      'mapping.code_missing',
    ]);
  });

  it('labels every shipment column target and requires what the server requires', () => {
    for (const target of SHIPMENT_IMPORT_TARGETS) {
      expect(typeof importsEnUS.targets.shipments[target], target).toBe('string');
      expect(typeof importsZhCN.targets.shipments[target], target).toBe('string');
    }
    const required = IMPORT_ENTITIES.shipments.required.flatMap((g) => g.targets);
    const missing = validateShipmentMapping([{ header: 'h', target: 'pieces' }])
      .filter((i) => i.code === 'mapping.required_missing')
      .map((i) => ('target' in i ? i.target : null));
    expect([...required].sort()).toEqual([...missing].sort());
  });

  it('knows the kinds it has and no others', () => {
    expect(isImportKind('accounts')).toBe(true);
    expect(isImportKind('toString')).toBe(false);
    expect(isImportKind(undefined)).toBe(false);
  });
});
