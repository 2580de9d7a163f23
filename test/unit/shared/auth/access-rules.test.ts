import { describe, expect, it } from 'vitest';
import { describePermissions, isAdminPermissionSet, normalisePermissions, permissionGroup } from '../../../../shared/auth/access-rules';
import { ALL_PERMISSIONS, BUILT_IN_ROLES } from '../../../../shared/auth/permissions';

describe('who is an administrator', () => {
  it('is a role holding both users.manage and roles.manage', () => {
    expect(isAdminPermissionSet(['users.manage', 'roles.manage'])).toBe(true);
    expect(isAdminPermissionSet(['users.manage', 'vend'])).toBe(false);
    expect(isAdminPermissionSet([])).toBe(false);
    expect(BUILT_IN_ROLES.map((r) => [r.id, isAdminPermissionSet(r.permissions)])).toEqual([
      ['Admin', true],
      ['Supervisor', false],
      ['OnlyVending', false],
    ]);
  });
});

describe('the catalogue as Role Management shows it', () => {
  it('groups every permission by centre', () => {
    expect(permissionGroup('vend')).toBe('Top-up Center');
    expect(permissionGroup('records.export')).toBe('Top-up Center');
    expect(permissionGroup('customers.import')).toBe('Library Center');
    expect(permissionGroup('advanced.clearTamper')).toBe('Advanced Center');
    expect(permissionGroup('audit.view')).toBe('Advanced Center');
    expect(permissionGroup('reports.view')).toBe('Report Center');
    expect(permissionGroup('roles.manage')).toBe('Password Center');
    expect(permissionGroup('keys.manage')).toBe('System');
    expect(describePermissions().map((p) => p.id)).toEqual([...ALL_PERMISSIONS]);
  });

  it('stores permissions once each, in catalogue order', () => {
    expect(normalisePermissions(['reprint', 'vend', 'reprint', 'nonsense'])).toEqual(['vend', 'reprint']);
  });
});
