import { z } from 'zod';
import { channel, type ChannelName, type ChannelSpec } from '../channel-spec';
import {
  AuditExportInput, AuditListInput, AuditListResult, AuditVerdictView, ChangeLoginPasswordInput, ChangeVendPasswordInput,
  CreateRoleInput, CreateUserInput, ExportFile, KeysOverview, LoadTablesInput, LoadVendingKeyInput, PasswordChangeResult,
  PermissionCatalogue, RemoveByIdInput, RemoveOutcome, ResetPasswordInput, RoleChoice, RoleListInput, RoleListResult,
  RoleRow, StaTablesInfo, TemporaryPasswordResult, UnlockUserInput, UpdateRoleInput, UpdateUserInput, UserListInput,
  UserListResult, UserRow, VendingKeyInfo,
} from '../access-schemas';
import { Empty } from '../schemas';

/**
 * Access control (S1). Who may call what, decided here and checked on the main side for every call:
 * - Role Management (roles.*, permissions.list): `roles.manage`; User Management (users.*): `users.manage`. The
 *   user form's role list comes from `users.roleChoices`, so a role may hold users.manage without roles.manage.
 * - Password changes: any signed-in user, for their own passwords. `password.changeLogin` stays open while a reset
 *   password must be changed (with `session.current` and `session.logout`); nothing else does.
 * - Vending keys and STA tables: `keys.manage` (Admin only among the built-in roles).
 * - The audit log, its verifier and its export: `audit.view`.
 */
export const accessChannels = {
  'permissions.list': channel({
    request: Empty,
    response: PermissionCatalogue,
    access: 'roles.manage',
    summary: 'The permission catalogue, grouped by centre, and which permissions make a role an administrator role.',
  }),
  'roles.list': channel({
    request: RoleListInput,
    response: RoleListResult,
    access: 'roles.manage',
    summary: 'One page of Role Management: keyword search over role ids and names, with each role\'s permissions.',
  }),
  'roles.create': channel({
    request: CreateRoleInput,
    response: RoleRow,
    access: 'roles.manage',
    summary: 'Role Management - New: set the id, the name and the permissions - Save.',
  }),
  'roles.update': channel({
    request: UpdateRoleInput,
    response: RoleRow,
    access: 'roles.manage',
    summary: 'Edit a role\'s name and permissions (built-in roles are fixed; the last administrators keep their rights).',
  }),
  'roles.remove': channel({
    request: RemoveByIdInput,
    response: RemoveOutcome,
    access: 'roles.manage',
    summary: 'Remove a role that no user has (built-in roles cannot be removed).',
  }),
  'users.list': channel({
    request: UserListInput,
    response: UserListResult,
    access: 'users.manage',
    summary: 'One page of User Management: keyword search over user ids, names, phones and role names.',
  }),
  'users.roleChoices': channel({
    request: Empty,
    response: z.array(RoleChoice),
    access: 'users.manage',
    summary: 'The roles a user can be given (the user form\'s role list).',
  }),
  'users.create': channel({
    request: CreateUserInput,
    response: TemporaryPasswordResult,
    access: 'users.manage',
    summary: 'User Management - New: id, name, phone, role - Save; answers a one-time temporary password, shown once.',
  }),
  'users.update': channel({
    request: UpdateUserInput,
    response: UserRow,
    access: 'users.manage',
    summary: 'Edit a user\'s name, phone, role and active state (the last active administrator stays one).',
  }),
  'users.remove': channel({
    request: RemoveByIdInput,
    response: RemoveOutcome,
    access: 'users.manage',
    summary: 'Remove a user; one with history (sign-ins, audit rows) is deactivated instead. Never the last administrator.',
  }),
  'users.resetPassword': channel({
    request: ResetPasswordInput,
    response: TemporaryPasswordResult,
    access: 'users.manage',
    summary: 'Reset Password: a one-time temporary password, shown once; the user must choose new passwords at sign-in.',
  }),
  'users.unlock': channel({
    request: UnlockUserInput,
    response: UserRow,
    access: 'users.manage',
    summary: 'Unlock a user\'s login and/or vend password after too many failed attempts.',
  }),
  'password.changeLogin': channel({
    request: ChangeLoginPasswordInput,
    response: PasswordChangeResult,
    access: 'signedIn',
    whilePasswordChangeRequired: true,
    summary: 'Login Password Change (the current password is required); after a reset it sets the vend password too.',
  }),
  'password.changeVend': channel({
    request: ChangeVendPasswordInput,
    response: PasswordChangeResult,
    access: 'signedIn',
    summary: 'Vend Password Change (the current vend password is required).',
  }),
  'keys.list': channel({
    request: Empty,
    response: KeysOverview,
    access: 'keys.manage',
    summary: 'The loaded vending keys (parameters and fingerprints, never a key), the STA tables\' status and the key store.',
  }),
  'keys.load': channel({
    request: LoadVendingKeyInput,
    response: VendingKeyInfo,
    access: 'keys.manage',
    summary: 'Load a vending key (hex) for a supply group, key revision, key type, derivation and base date.',
  }),
  'keys.loadTables': channel({
    request: LoadTablesInput,
    response: StaTablesInfo,
    access: 'keys.manage',
    summary: 'Load the STA (EA07) tables file; its fingerprints say whether it is the licensed production set.',
  }),
  'audit.list': channel({
    request: AuditListInput,
    response: AuditListResult,
    access: 'audit.view',
    summary: 'One page of the audit log: keyword search over actor, action, target, result and details.',
  }),
  'audit.verify': channel({
    request: Empty,
    response: AuditVerdictView,
    access: 'audit.view',
    summary: 'Check the audit log\'s hash chain and anchored head; names the first broken row.',
  }),
  'audit.export': channel({
    request: AuditExportInput,
    response: ExportFile,
    access: 'audit.view',
    summary: 'Export the audit log rows matching a keyword as CSV or Excel (xlsx).',
  }),
} as const satisfies Record<ChannelName, ChannelSpec>;
