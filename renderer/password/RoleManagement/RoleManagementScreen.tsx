import type { ScreenProps } from '../../app/screen-registry';
import { RoleManagementView } from './RoleManagementView';
import { useRoleManagement } from './useRoleManagement';

/** Password Center - Role Management (container): "New - set the ID - choose the permissions - Save". */
export function RoleManagementScreen(_props: Readonly<ScreenProps>) {
  const r = useRoleManagement();
  return (
    <RoleManagementView
      grid={r.grid}
      catalogue={r.catalogue}
      dialog={r.dialog}
      notice={r.notice}
      onNew={r.openNew}
      onEdit={r.openEdit}
      onRemove={r.openRemove}
      onClose={r.close}
      onReloadCatalogue={r.reloadCatalogue}
      onChange={r.change}
      onToggle={r.toggle}
      onToggleGroup={r.toggleGroup}
      onSave={() => void r.save()}
      onConfirmRemove={() => void r.confirmRemove()}
    />
  );
}
