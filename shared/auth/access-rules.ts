import { PERMISSIONS, type Permission } from './permissions';

/**
 * What "an administrator" means (S1), written down once: a user is an administrator when they are active and their
 * role holds both `users.manage` and `roles.manage` (together they can give anyone any right, including back to
 * themselves). Nobody may remove, deactivate or demote the last active administrator, nor take either permission
 * away from the role of the last active administrators: the terminal must always have someone who can manage it.
 */
export const ADMIN_PERMISSIONS: readonly Permission[] = ['users.manage', 'roles.manage'];

export function isAdminPermissionSet(permissions: Iterable<string>): boolean {
  const held = new Set(permissions);
  return ADMIN_PERMISSIONS.every((permission) => held.has(permission));
}

/** The Role Management screen groups the catalogue by centre, in the seed's order, then the system rights. */
export const PERMISSION_GROUPS = ['Top-up Center', 'Library Center', 'Advanced Center', 'Report Center', 'Password Center', 'System'] as const;
export type PermissionGroup = (typeof PERMISSION_GROUPS)[number];

const LIBRARY_PREFIXES = ['meters.', 'prices.', 'customers.', 'districts.', 'stations.', 'accounts.'];

/** The group a permission id belongs to (new permissions fall into a group by their prefix). */
export function permissionGroup(id: string): PermissionGroup {
  if (id === 'vend' || id === 'reprint' || id.startsWith('records.')) return 'Top-up Center';
  if (LIBRARY_PREFIXES.some((prefix) => id.startsWith(prefix))) return 'Library Center';
  if (id.startsWith('advanced.') || id.startsWith('tokens.') || id.startsWith('loginHistory.') || id.startsWith('audit.')) return 'Advanced Center';
  if (id.startsWith('reports.')) return 'Report Center';
  if (id === 'users.manage' || id === 'roles.manage') return 'Password Center';
  return 'System';
}

export interface PermissionDescription {
  id: Permission;
  label: string;
  group: PermissionGroup;
}

/** The catalogue with each permission's group, in catalogue order. */
export function describePermissions(): PermissionDescription[] {
  return PERMISSIONS.map((p) => ({ id: p.id, label: p.label, group: permissionGroup(p.id) }));
}

/** The permission ids in catalogue order without repeats (what a role stores). */
export function normalisePermissions(ids: Iterable<string>): Permission[] {
  const wanted = new Set(ids);
  return PERMISSIONS.map((p) => p.id).filter((id) => wanted.has(id));
}
