import type { PermissionCatalogue, RoleRow, RoleSortColumn } from '../../../shared/ipc/access-schemas';
import type { ScreenState } from '../../bridge/hooks';
import type { GridColumn } from '../../components/LibraryGrid/LibraryGrid';
import { LibraryScreenFrame, type LibraryViewProps } from '../../components/LibraryScreenFrame';
import { RoleDialog } from './RoleDialog';
import type { RoleFormState } from './role-form';
import type { RoleDialogState } from './useRoleManagement';

/** Password Center - Role Management (props only): the roles grid with New, Edit and Remove, and the dialogs. */
export interface RoleManagementViewProps extends LibraryViewProps<RoleRow, RoleSortColumn> {
  catalogue: ScreenState<PermissionCatalogue>;
  dialog: RoleDialogState;
  onReloadCatalogue: () => void;
  onChange: (patch: Partial<Pick<RoleFormState, 'code' | 'name'>>) => void;
  onToggle: (permission: string, on: boolean) => void;
  onToggleGroup: (permissions: readonly string[], on: boolean) => void;
  onSave: () => void;
}

function permissionSummary(row: RoleRow, catalogue: PermissionCatalogue | null): string {
  if (catalogue && row.permissions.length === catalogue.permissions.length) return 'All';
  if (row.permissions.length === 0) return 'None';
  const labels = catalogue ? row.permissions.map((id) => catalogue.permissions.find((p) => p.id === id)?.label ?? id) : row.permissions;
  return labels.length <= 3 ? labels.join(', ') : `${labels.slice(0, 3).join(', ')} and ${labels.length - 3} more`;
}

export function RoleManagementView(props: Readonly<RoleManagementViewProps>) {
  const { dialog } = props;
  const catalogue = props.catalogue.kind === 'ready' ? props.catalogue.value : null;
  const columns: ReadonlyArray<GridColumn<RoleRow, RoleSortColumn>> = [
    { key: 'code', label: 'Id', sortKey: 'code', render: (r) => r.code },
    { key: 'name', label: 'Role Name', sortKey: 'name', render: (r) => r.name },
    { key: 'permissions', label: 'Permissions', render: (r) => permissionSummary(r, catalogue) },
    { key: 'admin', label: 'Administrator', render: (r) => (r.admin ? 'Yes' : '') },
    { key: 'users', label: 'Users', sortKey: 'users', align: 'right', render: (r) => String(r.userCount) },
    { key: 'builtIn', label: 'Built-in', render: (r) => (r.builtIn ? 'Yes' : '') },
  ];
  return (
    <LibraryScreenFrame
      view={props}
      label="Role Management"
      columns={columns}
      rowKey={(r) => r.id}
      // Any operator who reaches this screen may manage roles; New, Edit and Remove wait for the permission catalogue.
      canEdit
      lookup={{ state: props.catalogue, onRetry: props.onReloadCatalogue }}
      removeNote="A role that users hold cannot be removed: give them another role first. Built-in roles are never removed."
      removing={dialog.kind === 'remove' ? { what: `the role "${dialog.row.code}"`, problem: dialog.problem, busy: dialog.busy } : null}
    >
      {dialog.kind === 'form' && catalogue ? (
        <RoleDialog
          form={dialog.form}
          errors={dialog.errors}
          problem={dialog.problem}
          busy={dialog.busy}
          catalogue={catalogue}
          onChange={props.onChange}
          onToggle={props.onToggle}
          onToggleGroup={props.onToggleGroup}
          onSave={props.onSave}
          onCancel={props.onClose}
        />
      ) : null}
    </LibraryScreenFrame>
  );
}
