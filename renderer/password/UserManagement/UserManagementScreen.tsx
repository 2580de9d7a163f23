import type { ScreenProps } from '../../app/screen-registry';
import { useFormatters } from '../../app/till-context';
import { UserManagementView } from './UserManagementView';
import { useUserManagement } from './useUserManagement';

/** Password Center - User Management (container): "New - ID, name, phone - choose the role - Save"; Reset Password. */
export function UserManagementScreen(_props: Readonly<ScreenProps>) {
  const u = useUserManagement();
  const format = useFormatters();
  return (
    <UserManagementView
      grid={u.grid}
      roles={u.roles}
      dialog={u.dialog}
      notice={u.notice}
      formatDateTime={format.dateTime}
      onNew={u.openNew}
      onEdit={u.openEdit}
      onRemove={u.openRemove}
      onReset={u.openReset}
      onUnlock={u.openUnlock}
      onClose={u.close}
      onReloadRoles={u.reloadRoles}
      onChange={u.change}
      onSave={() => void u.save()}
      onConfirmRemove={() => void u.confirmRemove()}
      onConfirmReset={() => void u.confirmReset()}
      onConfirmUnlock={(which) => void u.confirmUnlock(which)}
    />
  );
}
