import type { CreateUserInput, UpdateUserInput, UserRow } from '../../../shared/ipc/access-schemas';

/**
 * User Management's dialog, as pure functions: "New - employee info: ID, name, phone - choose the role - Save".
 * The user id is the sign-in name and is fixed once saved.
 */
export interface UserFormState {
  mode: 'new' | 'edit';
  id: string | null;
  version: number | null;
  loginId: string;
  name: string;
  phone: string;
  roleId: string;
  active: boolean;
}

export type UserFormErrors = Partial<Record<'loginId' | 'name' | 'phone' | 'roleId', string>>;

export function newUserForm(defaultRoleId: string): UserFormState {
  return { mode: 'new', id: null, version: null, loginId: '', name: '', phone: '', roleId: defaultRoleId, active: true };
}

export function userFormOf(row: UserRow): UserFormState {
  return { mode: 'edit', id: row.id, version: row.version, loginId: row.loginId, name: row.name, phone: row.phone, roleId: row.roleId, active: row.active };
}

export type CheckedUserForm =
  | { ok: true; create: CreateUserInput; update: null }
  | { ok: true; create: null; update: UpdateUserInput }
  | { ok: false; errors: UserFormErrors };

export function checkUserForm(form: UserFormState): CheckedUserForm {
  const errors: UserFormErrors = {};
  const loginId = form.loginId.trim();
  const name = form.name.trim();
  const phone = form.phone.trim();
  if (form.mode === 'new') {
    if (loginId === '') errors.loginId = 'Type the user id, for example 0001 or Julia08.';
    else if (!/^[\p{L}\p{N}_.@-]{1,40}$/u.test(loginId)) errors.loginId = 'Use up to 40 letters, numbers and _ . @ - for the user id.';
  }
  if (name === '') errors.name = 'Type the name.';
  if (!/^[0-9+()\-\s]{0,30}$/.test(phone)) errors.phone = 'Use digits, spaces and + ( ) - only for the phone.';
  if (form.roleId === '') errors.roleId = 'Choose the role.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (form.mode === 'new') return { ok: true, create: { loginId, name, phone, roleId: form.roleId, active: form.active }, update: null };
  return { ok: true, create: null, update: { id: form.id ?? '', version: form.version ?? 1, name, phone, roleId: form.roleId, active: form.active } };
}

/** What the Status column says about a user. */
export function userStatus(row: UserRow): string {
  const parts: string[] = [];
  if (!row.active) parts.push('Inactive');
  if (row.loginLocked) parts.push('Login locked');
  if (row.vendLocked) parts.push('Vend password locked');
  if (row.mustChangePassword) parts.push('Must choose passwords');
  return parts.join(', ');
}
