import type { RoleChoice, UserRow, UserSortColumn } from '../../../shared/ipc/access-schemas';
import type { ScreenState } from '../../bridge/hooks';
import type { GridColumn } from '../../components/LibraryGrid/LibraryGrid';
import { activeColumn } from '../../components/LibraryGrid/master-columns';
import { LibraryScreenFrame, type LibraryViewProps } from '../../components/LibraryScreenFrame';
import { TemporaryPasswordDialog } from './TemporaryPasswordDialog';
import { ResetPasswordDialog, UnlockDialog, type UnlockWhich } from './UserActionDialogs';
import { UserDialog } from './UserDialog';
import { userStatus, type UserFormState } from './user-form';
import type { UserDialogState } from './useUserManagement';

/** Password Center - User Management (props only): the seed's grid (Id, Name, Phone, Role Name) with its actions. */
export interface UserManagementViewProps extends LibraryViewProps<UserRow, UserSortColumn> {
  roles: ScreenState<RoleChoice[]>;
  dialog: UserDialogState;
  formatDateTime: (iso: string) => string;
  onReset: () => void;
  onUnlock: () => void;
  onReloadRoles: () => void;
  onChange: (patch: Partial<UserFormState>) => void;
  onSave: () => void;
  onConfirmReset: () => void;
  onConfirmUnlock: (which: UnlockWhich) => void;
}

export function UserManagementView(props: Readonly<UserManagementViewProps>) {
  const { grid, dialog } = props;
  const selected = grid.selectedRow;
  const columns: ReadonlyArray<GridColumn<UserRow, UserSortColumn>> = [
    { key: 'loginId', label: 'Id', sortKey: 'loginId', render: (u) => u.loginId },
    { key: 'name', label: 'Name', sortKey: 'name', render: (u) => u.name },
    { key: 'phone', label: 'Phone', sortKey: 'phone', render: (u) => u.phone },
    { key: 'role', label: 'Role Name', sortKey: 'role', render: (u) => u.roleName },
    activeColumn('active'),
    { key: 'status', label: 'Status', render: userStatus },
  ];
  return (
    <LibraryScreenFrame
      view={props}
      label="User Management"
      columns={columns}
      rowKey={(u) => u.id}
      // Any operator who reaches this screen may manage users; New, Edit and Remove wait for the role choices.
      canEdit
      lookup={{ state: props.roles, onRetry: props.onReloadRoles }}
      extraActions={
        <>
          <button type="button" onClick={props.onReset} disabled={!selected || !selected.active}>
            Reset Password
          </button>
          <button type="button" onClick={props.onUnlock} disabled={!selected || (!selected.loginLocked && !selected.vendLocked)}>
            Unlock
          </button>
        </>
      }
      removeNote="A user who has signed in or acted before is kept for the records and deactivated instead. The last active administrator is never removed."
      removing={dialog.kind === 'remove' ? { what: `the user "${dialog.row.loginId}"`, problem: dialog.problem, busy: dialog.busy } : null}
    >
      {dialog.kind === 'form' ? (
        <UserDialog
          form={dialog.form}
          errors={dialog.errors}
          problem={dialog.problem}
          busy={dialog.busy}
          roles={props.roles.kind === 'ready' ? props.roles.value : []}
          onChange={props.onChange}
          onSave={props.onSave}
          onCancel={props.onClose}
        />
      ) : null}
      {dialog.kind === 'reset' ? <ResetPasswordDialog row={dialog.row} problem={dialog.problem} busy={dialog.busy} onConfirm={props.onConfirmReset} onCancel={props.onClose} /> : null}
      {dialog.kind === 'unlock' ? <UnlockDialog row={dialog.row} problem={dialog.problem} busy={dialog.busy} onConfirm={props.onConfirmUnlock} onCancel={props.onClose} /> : null}
      {dialog.kind === 'temporary' ? (
        <TemporaryPasswordDialog result={dialog.result} reason={dialog.reason} expiresText={props.formatDateTime(dialog.result.expiresAt)} onDone={props.onClose} />
      ) : null}
    </LibraryScreenFrame>
  );
}
