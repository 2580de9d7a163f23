import type { GridColumn } from './LibraryGrid';

/**
 * The two columns every master-data grid ends with, written once so they read and sort the same in each library:
 * the row's version (what an edit must name, shown so a clash can be explained) and whether it is active ("No" as a
 * badge, since an inactive row is the exception the operator looks for).
 */
export function versionColumn<Row extends { version: number }, S extends string>(): GridColumn<Row, S> {
  return { key: 'version', label: 'Version', align: 'right', render: (row) => String(row.version) };
}

/** "Active": Yes, or a "No" badge. `sortKey` where the list can sort by it (User Management). */
export function activeColumn<Row extends { active: boolean }, S extends string>(sortKey?: S): GridColumn<Row, S> {
  return { key: 'active', label: 'Active', ...(sortKey === undefined ? {} : { sortKey }), render: (row) => (row.active ? 'Yes' : <span className="badge badge-off">No</span>) };
}
