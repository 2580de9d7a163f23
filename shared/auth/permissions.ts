/**
 * The permission catalogue: one permission per action group. Channels name the permission they need in the
 * contract; roles hold sets of these ids. The ids are stored in the database, so they never change meaning.
 */
export const PERMISSIONS = [
  { id: 'vend', label: 'Vend (Top-up Center)' },
  { id: 'reprint', label: 'Reprint receipts' },
  { id: 'records.view', label: 'View vending records' },
  { id: 'records.export', label: 'Export vending records' },
  { id: 'meters.view', label: 'Meter Library: view' },
  { id: 'meters.edit', label: 'Meter Library: edit' },
  { id: 'meters.import', label: 'Meter Library: import' },
  { id: 'meters.export', label: 'Meter Library: export' },
  { id: 'prices.view', label: 'Price Library: view' },
  { id: 'prices.edit', label: 'Price Library: edit' },
  { id: 'prices.import', label: 'Price Library: import' },
  { id: 'prices.export', label: 'Price Library: export' },
  { id: 'customers.view', label: 'Customer Library: view' },
  { id: 'customers.edit', label: 'Customer Library: edit' },
  { id: 'customers.import', label: 'Customer Library: import' },
  { id: 'customers.export', label: 'Customer Library: export' },
  { id: 'districts.view', label: 'District Library: view' },
  { id: 'districts.edit', label: 'District Library: edit' },
  { id: 'districts.import', label: 'District Library: import' },
  { id: 'districts.export', label: 'District Library: export' },
  { id: 'stations.view', label: 'Sales Station Library: view' },
  { id: 'stations.edit', label: 'Sales Station Library: edit' },
  { id: 'stations.import', label: 'Sales Station Library: import' },
  { id: 'stations.export', label: 'Sales Station Library: export' },
  { id: 'accounts.view', label: 'Account Library: view' },
  { id: 'accounts.edit', label: 'Account Library: edit' },
  { id: 'accounts.import', label: 'Account Library: import' },
  { id: 'accounts.export', label: 'Account Library: export' },
  { id: 'advanced.setMaxOverdraft', label: 'Set Max Overdraft' },
  { id: 'advanced.clearCredit', label: 'Clear Credit' },
  { id: 'advanced.clearTamper', label: 'Clear Tamper' },
  { id: 'advanced.setMaxPower', label: 'Set Maximum Power Limit' },
  { id: 'advanced.keyChange', label: 'Key change' },
  { id: 'advanced.testToken', label: 'Meter test token' },
  { id: 'advanced.records', label: 'Advanced Center records' },
  { id: 'tokens.decode', label: 'Decode token' },
  { id: 'loginHistory.view', label: 'Login History' },
  { id: 'users.manage', label: 'User Management' },
  { id: 'roles.manage', label: 'Role Management' },
  { id: 'keys.manage', label: 'Vending keys and STA tables' },
  { id: 'audit.view', label: 'Audit log' },
  { id: 'settings.edit', label: 'Settings' },
  { id: 'sync.configure', label: 'Sync configuration' },
  { id: 'reports.view', label: 'Report Center' },
] as const;

export type Permission = (typeof PERMISSIONS)[number]['id'];

export const ALL_PERMISSIONS: readonly Permission[] = PERMISSIONS.map((p) => p.id);

const SUPERVISOR_EXCLUDED: ReadonlySet<Permission> = new Set<Permission>([
  'users.manage',
  'roles.manage',
  'keys.manage',
  'settings.edit',
  'sync.configure',
]);

/** The roles every installation starts with, written out (S1 lets an admin add more). */
export const BUILT_IN_ROLES = [
  { id: 'Admin', name: 'Admin', permissions: ALL_PERMISSIONS },
  { id: 'Supervisor', name: 'Supervisor', permissions: ALL_PERMISSIONS.filter((p) => !SUPERVISOR_EXCLUDED.has(p)) },
  { id: 'OnlyVending', name: 'OnlyVending', permissions: ['vend', 'records.view', 'reprint'] as Permission[] },
] as const;

export function isPermission(value: string): value is Permission {
  return (ALL_PERMISSIONS as readonly string[]).includes(value);
}
