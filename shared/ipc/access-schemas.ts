import { z } from 'zod';
import { isPermission } from '../auth/permissions';
import { PERMISSION_GROUPS } from '../auth/access-rules';
import { BASE_YEARS, KEY_DERIVATIONS } from '../library/key-params';
import { listRequest, listResponse } from './list';
import { KeyStoreStatus, SessionInfo, UserId } from './schemas';

/**
 * Request and response shapes of access control (S1): roles and the permission catalogue, users, password changes,
 * vending keys and the STA tables, and the audit log. Written by hand: the contract is the product's API. Nothing
 * here ever carries a password hash or key material out of main; the only secret a response carries is a new
 * temporary password, once, to the administrator who made it.
 */

const Id = z.string().trim().min(1, 'choose a row first').max(64);
const Version = z.number().int().min(1);

/** No control characters (tabs, line breaks) in names and ids: they are shown in grids and printed. */
const printable = (text: string) => ![...text].some((c) => c < ' ' || c === '\u007f');

// ---- roles and the permission catalogue ------------------------------------------------------------------------

export const PermissionInfo = z.object({ id: z.string(), label: z.string(), group: z.enum(PERMISSION_GROUPS) });
export type PermissionInfo = z.infer<typeof PermissionInfo>;

export const PermissionCatalogue = z.object({
  permissions: z.array(PermissionInfo),
  groups: z.array(z.enum(PERMISSION_GROUPS)),
  /** A role holding all of these makes its users administrators. */
  adminPermissions: z.array(z.string()),
});
export type PermissionCatalogue = z.infer<typeof PermissionCatalogue>;

/** The role id the seed's administrator types ("OnlyVending", "0001", "Admin008"): free text, kept as typed. */
export const RoleCode = z
  .string()
  .trim()
  .min(1, 'type the role id')
  .max(40, 'use at most 40 characters for the role id')
  .refine(printable, 'use letters, numbers and symbols without tabs or line breaks');

/** The role's name, any language ("员工"). */
export const RoleName = z
  .string()
  .trim()
  .min(1, 'type the role name')
  .max(60, 'use at most 60 characters for the role name')
  .refine(printable, 'use letters, numbers and symbols without tabs or line breaks');

export const PermissionIds = z
  .array(z.string().refine(isPermission, 'is not a permission TokenTill knows'))
  .max(200);

export const ROLE_SORT_COLUMNS = ['code', 'name', 'users'] as const;
export type RoleSortColumn = (typeof ROLE_SORT_COLUMNS)[number];

export const RoleRow = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  builtIn: z.boolean(),
  permissions: z.array(z.string()),
  /** Holds users.manage and roles.manage: its active users are administrators. */
  admin: z.boolean(),
  userCount: z.number().int().nonnegative(),
  activeUserCount: z.number().int().nonnegative(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type RoleRow = z.infer<typeof RoleRow>;

export const RoleListInput = listRequest(ROLE_SORT_COLUMNS);
export const RoleListResult = listResponse(RoleRow);

export const CreateRoleInput = z.object({ code: RoleCode, name: RoleName, permissions: PermissionIds }).strict();
export type CreateRoleInput = z.infer<typeof CreateRoleInput>;

/** The role id is its identity and is not edited; name and permissions are. */
export const UpdateRoleInput = z.object({ id: Id, version: Version, name: RoleName, permissions: PermissionIds }).strict();
export type UpdateRoleInput = z.infer<typeof UpdateRoleInput>;

export const RemoveByIdInput = z.object({ id: Id, version: Version }).strict();
export type RemoveByIdInput = z.infer<typeof RemoveByIdInput>;

export const RemoveOutcome = z.object({ outcome: z.enum(['deleted', 'deactivated']), message: z.string() });
export type RemoveOutcome = z.infer<typeof RemoveOutcome>;

// ---- users -----------------------------------------------------------------------------------------------------

export const UserName = z
  .string()
  .trim()
  .min(1, 'type the name')
  .max(80, 'use at most 80 characters for the name')
  .refine(printable, 'use letters, numbers and symbols without tabs or line breaks');

export const Phone = z
  .string()
  .trim()
  .max(30, 'use at most 30 characters for the phone')
  .regex(/^[0-9+()\-\s]*$/, 'use digits, spaces and + ( ) - only for the phone')
  .default('');

export const USER_SORT_COLUMNS = ['loginId', 'name', 'phone', 'role', 'active'] as const;
export type UserSortColumn = (typeof USER_SORT_COLUMNS)[number];

export const UserRow = z.object({
  id: z.string(),
  loginId: z.string(),
  name: z.string(),
  phone: z.string(),
  roleId: z.string(),
  roleCode: z.string(),
  roleName: z.string(),
  active: z.boolean(),
  /** The password was reset (or the user is new): they must choose their own before anything else. */
  mustChangePassword: z.boolean(),
  temporaryPasswordExpiresAt: z.string().nullable(),
  loginLocked: z.boolean(),
  vendLocked: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type UserRow = z.infer<typeof UserRow>;

export const UserListInput = listRequest(USER_SORT_COLUMNS);
export const UserListResult = listResponse(UserRow);

export const CreateUserInput = z
  .object({ loginId: UserId, name: UserName, phone: Phone, roleId: Id, active: z.boolean().default(true) })
  .strict();
export type CreateUserInput = z.infer<typeof CreateUserInput>;

/** The user id is the sign-in name and is not edited; a new id is a new user. */
export const UpdateUserInput = z
  .object({ id: Id, version: Version, name: UserName, phone: Phone, roleId: Id, active: z.boolean() })
  .strict();
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

export const ResetPasswordInput = z.object({ id: Id, version: Version }).strict();
export type ResetPasswordInput = z.infer<typeof ResetPasswordInput>;

/**
 * A new user or a reset: the one-time temporary password, shown to the administrator once and never stored in the
 * clear. It opens the user's first sign-in, which must choose a new login password and a new vend password.
 */
export const TemporaryPasswordResult = z.object({
  user: UserRow,
  temporaryPassword: z.string(),
  expiresAt: z.string(),
  /** "random", or "vendor" when the site's setting keeps the vendor's 123456 (the change is still forced). */
  mode: z.enum(['random', 'vendor']),
});
export type TemporaryPasswordResult = z.infer<typeof TemporaryPasswordResult>;

export const UNLOCK_KINDS = ['login', 'vend', 'both'] as const;
export const UnlockUserInput = z.object({ id: Id, which: z.enum(UNLOCK_KINDS).default('both') }).strict();
export type UnlockUserInput = z.infer<typeof UnlockUserInput>;

export const RoleChoice = z.object({ id: z.string(), code: z.string(), name: z.string() });
export type RoleChoice = z.infer<typeof RoleChoice>;

// ---- password changes ------------------------------------------------------------------------------------------

const PasswordText = (what: string) => z.string().min(1, `type the ${what}`).max(200, `the ${what} is at most 200 characters`);

/**
 * Login Password Change. After a reset (or for a new user) the same call also sets the vend password, since the
 * reset made both temporary: `newVendPassword` is then required.
 */
export const ChangeLoginPasswordInput = z
  .object({
    currentPassword: PasswordText('current password'),
    newPassword: PasswordText('new password'),
    newVendPassword: PasswordText('new vend password').optional(),
  })
  .strict();
export type ChangeLoginPasswordInput = z.infer<typeof ChangeLoginPasswordInput>;

export const ChangeVendPasswordInput = z
  .object({ currentVendPassword: PasswordText('current vend password'), newVendPassword: PasswordText('new vend password') })
  .strict();
export type ChangeVendPasswordInput = z.infer<typeof ChangeVendPasswordInput>;

export const PasswordChangeResult = z.object({ message: z.string(), session: SessionInfo });
export type PasswordChangeResult = z.infer<typeof PasswordChangeResult>;

// ---- vending keys and STA tables -------------------------------------------------------------------------------

const HEX_LENGTH = { DKGA02: 16, DKGA04: 40 } as const;

export const LoadVendingKeyInput = z
  .object({
    sgc: z.string().trim().regex(/^\d{6}$/, 'the supply group code (SGC) is exactly 6 digits'),
    krn: z.number().int('the key revision number (KRN) is a whole number').min(1, 'the key revision number (KRN) is 1 to 9').max(9, 'the key revision number (KRN) is 1 to 9'),
    keyType: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)], { error: 'the key type is 0, 1, 2 or 3' }),
    dkga: z.enum(KEY_DERIVATIONS, { error: 'the key derivation is DKGA02 or DKGA04' }),
    baseYear: z.union([z.literal(BASE_YEARS[0]), z.literal(BASE_YEARS[1]), z.literal(BASE_YEARS[2])], { error: 'the base date is 1993, 2014 or 2035' }),
    /** Write-only: stored wrapped in the key store, never returned, logged or audited. */
    keyHex: z.string().max(200, 'the vending key is 16 or 40 hexadecimal digits'),
  })
  .strict()
  .superRefine((input, ctx) => {
    const hex = input.keyHex.replace(/\s+/g, '');
    const wanted = HEX_LENGTH[input.dkga];
    if (!/^[0-9a-fA-F]*$/.test(hex)) {
      ctx.addIssue({ code: 'custom', path: ['keyHex'], message: 'the vending key is written in hexadecimal digits (0-9, A-F)' });
    } else if (hex.length !== wanted) {
      ctx.addIssue({
        code: 'custom',
        path: ['keyHex'],
        message: `a ${input.dkga} vending key is ${wanted} hexadecimal digits (${wanted * 4} bits); this one has ${hex.length}`,
      });
    }
  });
export type LoadVendingKeyInput = z.infer<typeof LoadVendingKeyInput>;

export const VendingKeyInfo = z.object({
  name: z.string(),
  sgc: z.string(),
  krn: z.number().int(),
  keyType: z.number().int(),
  dkga: z.enum(KEY_DERIVATIONS),
  baseYear: z.number().int(),
  bits: z.number().int(),
  /** Identifies the key without revealing it (the first 8 bytes of its SHA-256). */
  fingerprint: z.string(),
  loadedAt: z.string(),
  loadedBy: z.string(),
  /** One of the STS specification's published test keys (demo data). */
  testKey: z.boolean(),
});
export type VendingKeyInfo = z.infer<typeof VendingKeyInfo>;

export const STA_TABLE_STATUSES = ['production (verified)', 'sample', 'unknown'] as const;

export const StaTablesInfo = z.object({
  status: z.enum(STA_TABLE_STATUSES),
  /** SHA-256 of each table's entries, as the specification publishes them for the licensed set. */
  fingerprints: z.object({ s1: z.string(), s2: z.string(), p: z.string() }),
  fingerprint: z.string(),
  fileName: z.string(),
  loadedAt: z.string(),
  loadedBy: z.string(),
});
export type StaTablesInfo = z.infer<typeof StaTablesInfo>;

export const KeysOverview = z.object({
  keyStore: KeyStoreStatus,
  keys: z.array(VendingKeyInfo),
  /** The loaded tables file; null: tokens use the standard's sample tables. */
  tables: StaTablesInfo.nullable(),
});
export type KeysOverview = z.infer<typeof KeysOverview>;

export const LoadTablesInput = z
  .object({
    fileName: z.string().trim().max(200).default(''),
    /** The file's text: {"s1":[16 numbers],"s2":[16 numbers],"p":[64 numbers]}. */
    json: z.string().min(1, 'choose the STA tables file').max(20_000, 'the STA tables file is at most 20,000 characters'),
  })
  .strict();
export type LoadTablesInput = z.infer<typeof LoadTablesInput>;

// ---- the audit log ---------------------------------------------------------------------------------------------

export const AUDIT_SORT_COLUMNS = ['seq', 'actor', 'action', 'target', 'result'] as const;
export type AuditSortColumn = (typeof AUDIT_SORT_COLUMNS)[number];

export const AuditRowView = z.object({
  seq: z.number().int(),
  at: z.string(),
  stationId: z.string(),
  actor: z.string(),
  action: z.string(),
  target: z.string(),
  result: z.string(),
  details: z.string(),
});
export type AuditRowView = z.infer<typeof AuditRowView>;

export const AuditListInput = listRequest(AUDIT_SORT_COLUMNS);
export const AuditListResult = listResponse(AuditRowView);

export const AuditVerdictView = z.object({
  ok: z.boolean(),
  rows: z.number().int().nonnegative(),
  brokenAtSeq: z.number().int().nullable(),
  reason: z.string().nullable(),
  /** The sentence to show: "The audit log is intact: 120 rows." or where and how it is broken. */
  message: z.string(),
});
export type AuditVerdictView = z.infer<typeof AuditVerdictView>;

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export const AuditExportInput = z
  .object({
    search: z.string().max(100, 'the keyword is at most 100 characters').default(''),
    format: z.enum(EXPORT_FORMATS, { error: 'export as csv or xlsx' }),
  })
  .strict();
export type AuditExportInput = z.infer<typeof AuditExportInput>;

export const ExportFile = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  /** The file, base64: the screen saves it (a download in browser mode). */
  contentBase64: z.string(),
  rows: z.number().int().nonnegative(),
});
export type ExportFile = z.infer<typeof ExportFile>;
