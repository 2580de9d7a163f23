import { isPermission } from '../../../shared/auth/permissions';
import type { CreateRoleInput, RoleRow, UpdateRoleInput } from '../../../shared/ipc/access-schemas';

/**
 * Role Management's dialog, as pure functions: "New - set the ID - choose the permissions - Save". The id is the
 * role's identity and is fixed once saved; built-in roles are shown but cannot be changed.
 */
export interface RoleFormState {
  mode: 'new' | 'edit' | 'view';
  id: string | null;
  version: number | null;
  code: string;
  name: string;
  permissions: readonly string[];
}

export type RoleFormErrors = Partial<Record<'code' | 'name' | 'permissions', string>>;

export function newRoleForm(): RoleFormState {
  return { mode: 'new', id: null, version: null, code: '', name: '', permissions: [] };
}

export function roleFormOf(row: RoleRow): RoleFormState {
  return { mode: row.builtIn ? 'view' : 'edit', id: row.id, version: row.version, code: row.code, name: row.name, permissions: row.permissions };
}

export function togglePermission(form: RoleFormState, permission: string, on: boolean): RoleFormState {
  const held = new Set(form.permissions);
  if (on) held.add(permission);
  else held.delete(permission);
  return { ...form, permissions: [...held] };
}

export function setGroup(form: RoleFormState, group: readonly string[], on: boolean): RoleFormState {
  return group.reduce((f, permission) => togglePermission(f, permission, on), form);
}

export type CheckedRoleForm =
  | { ok: true; create: CreateRoleInput; update: null }
  | { ok: true; create: null; update: UpdateRoleInput }
  | { ok: false; errors: RoleFormErrors };

export function checkRoleForm(form: RoleFormState): CheckedRoleForm {
  const errors: RoleFormErrors = {};
  const code = form.code.trim();
  const name = form.name.trim();
  if (form.mode === 'new' && code === '') errors.code = 'Type the role id, for example OnlyVending.';
  else if (code.length > 40) errors.code = 'Use at most 40 characters for the role id.';
  if (name === '') errors.name = 'Type the role name.';
  else if (name.length > 60) errors.name = 'Use at most 60 characters for the role name.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const permissions = form.permissions.filter(isPermission);
  if (form.mode === 'new') return { ok: true, create: { code, name, permissions }, update: null };
  return { ok: true, create: null, update: { id: form.id ?? '', version: form.version ?? 1, name, permissions } };
}
