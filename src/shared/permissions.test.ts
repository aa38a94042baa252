import { describe, expect, it } from 'vitest';
import { can, PERMISSIONS, permissionsOf, ROLES } from './permissions.js';

describe('permission matrix', () => {
  it('gives the admin every permission', () => {
    expect(permissionsOf('admin')).toEqual(Object.keys(PERMISSIONS));
  });
  it('keeps the analyst away from every manage permission', () => {
    expect(permissionsOf('analyst').filter((p) => p.endsWith('.manage'))).toEqual([]);
  });
  it('gives portal users only their own profile', () => {
    expect(permissionsOf('portal')).toEqual(['profile']);
    expect(can('portal', 'org.read')).toBe(false);
  });
  it('names only known roles', () => {
    for (const roles of Object.values(PERMISSIONS)) for (const r of roles) expect(ROLES).toContain(r);
  });
});
