import { useState } from 'react';
import type { PermissionCatalogue, RoleRow, RoleSortColumn } from '../../../shared/ipc/access-schemas';
import { useTillQuery, type ScreenState } from '../../bridge/hooks';
import { invoke } from '../../bridge/till';
import { useLibraryGrid, type LibraryGridState } from '../../components/LibraryGrid/useLibraryGrid';
import { checkRoleForm, newRoleForm, roleFormOf, setGroup, togglePermission, type RoleFormErrors, type RoleFormState } from './role-form';

/** Role Management's state: the grid (search in main), the permission catalogue, and the dialog in front. */
export type RoleDialogState =
  | { kind: 'none' }
  | { kind: 'form'; form: RoleFormState; errors: RoleFormErrors; problem: string | null; busy: boolean }
  | { kind: 'remove'; row: RoleRow; problem: string | null; busy: boolean };

export interface RoleManagement {
  grid: LibraryGridState<RoleRow, RoleSortColumn>;
  catalogue: ScreenState<PermissionCatalogue>;
  reloadCatalogue(): void;
  dialog: RoleDialogState;
  notice: string | null;
  openNew(): void;
  openEdit(): void;
  openRemove(): void;
  close(): void;
  change(patch: Partial<Pick<RoleFormState, 'code' | 'name'>>): void;
  toggle(permission: string, on: boolean): void;
  toggleGroup(permissions: readonly string[], on: boolean): void;
  save(): Promise<void>;
  confirmRemove(): Promise<void>;
}

export function useRoleManagement(): RoleManagement {
  const grid = useLibraryGrid<RoleRow, RoleSortColumn>({ load: (request) => invoke('roles.list', request) });
  const { state: catalogue, reload: reloadCatalogue } = useTillQuery('permissions.list', {});
  const [dialog, setDialog] = useState<RoleDialogState>({ kind: 'none' });
  const [notice, setNotice] = useState<string | null>(null);
  const editForm = (update: (form: RoleFormState) => RoleFormState) =>
    setDialog((d) => (d.kind === 'form' && d.form.mode !== 'view' ? { ...d, form: update(d.form), errors: {}, problem: null } : d));

  return {
    grid,
    catalogue,
    reloadCatalogue,
    dialog,
    notice,
    openNew() {
      setNotice(null);
      setDialog({ kind: 'form', form: newRoleForm(), errors: {}, problem: null, busy: false });
    },
    openEdit() {
      if (!grid.selectedRow) return;
      setNotice(null);
      setDialog({ kind: 'form', form: roleFormOf(grid.selectedRow), errors: {}, problem: null, busy: false });
    },
    openRemove() {
      if (!grid.selectedRow) return;
      setNotice(null);
      setDialog({ kind: 'remove', row: grid.selectedRow, problem: null, busy: false });
    },
    close: () => setDialog({ kind: 'none' }),
    change: (patch) => editForm((form) => ({ ...form, ...patch })),
    toggle: (permission, on) => editForm((form) => togglePermission(form, permission, on)),
    toggleGroup: (permissions, on) => editForm((form) => setGroup(form, permissions, on)),
    async save() {
      if (dialog.kind !== 'form') return;
      const checked = checkRoleForm(dialog.form);
      if (!checked.ok) return setDialog({ ...dialog, errors: checked.errors });
      setDialog({ ...dialog, busy: true, problem: null });
      const result = checked.create ? await invoke('roles.create', checked.create) : await invoke('roles.update', checked.update);
      if (!result.ok) return setDialog({ ...dialog, busy: false, problem: result.error.message });
      setDialog({ kind: 'none' });
      setNotice(checked.create ? `The role "${result.value.code}" was added.` : `The role "${result.value.code}" was saved. Its users sign in again to get the new permissions.`);
      grid.reload();
    },
    async confirmRemove() {
      if (dialog.kind !== 'remove') return;
      setDialog({ ...dialog, busy: true, problem: null });
      const result = await invoke('roles.remove', { id: dialog.row.id, version: dialog.row.version });
      if (!result.ok) return setDialog({ ...dialog, busy: false, problem: result.error.message });
      setDialog({ kind: 'none' });
      setNotice(result.value.message);
      grid.reload();
    },
  };
}
