import { useState } from 'react';
import type { RoleChoice, TemporaryPasswordResult, UserRow, UserSortColumn } from '../../../shared/ipc/access-schemas';
import { useTillQuery, type ScreenState } from '../../bridge/hooks';
import { invoke } from '../../bridge/till';
import { useLibraryGrid, type LibraryGridState } from '../../components/LibraryGrid/useLibraryGrid';
import type { UnlockWhich } from './UserActionDialogs';
import { checkUserForm, newUserForm, userFormOf, type UserFormErrors, type UserFormState } from './user-form';

/** User Management's state: the grid (search in main), the role choices, and the dialog in front. */
export type UserDialogState =
  | { kind: 'none' }
  | { kind: 'form'; form: UserFormState; errors: UserFormErrors; problem: string | null; busy: boolean }
  | { kind: 'remove'; row: UserRow; problem: string | null; busy: boolean }
  | { kind: 'reset'; row: UserRow; problem: string | null; busy: boolean }
  | { kind: 'unlock'; row: UserRow; problem: string | null; busy: boolean }
  | { kind: 'temporary'; result: TemporaryPasswordResult; reason: 'new' | 'reset' };

export interface UserManagement {
  grid: LibraryGridState<UserRow, UserSortColumn>;
  roles: ScreenState<RoleChoice[]>;
  reloadRoles(): void;
  dialog: UserDialogState;
  notice: string | null;
  openNew(): void;
  openEdit(): void;
  openRemove(): void;
  openReset(): void;
  openUnlock(): void;
  close(): void;
  change(patch: Partial<UserFormState>): void;
  save(): Promise<void>;
  confirmRemove(): Promise<void>;
  confirmReset(): Promise<void>;
  confirmUnlock(which: UnlockWhich): Promise<void>;
}

export function useUserManagement(): UserManagement {
  const grid = useLibraryGrid<UserRow, UserSortColumn>({ load: (request) => invoke('users.list', request) });
  const { state: roles, reload: reloadRoles } = useTillQuery('users.roleChoices', {});
  const [dialog, setDialog] = useState<UserDialogState>({ kind: 'none' });
  const [notice, setNotice] = useState<string | null>(null);
  const roleList = roles.kind === 'ready' ? roles.value : [];
  const open = (make: (row: UserRow) => UserDialogState) => {
    if (!grid.selectedRow) return;
    setNotice(null);
    setDialog(make(grid.selectedRow));
  };

  return {
    grid,
    roles,
    reloadRoles,
    dialog,
    notice,
    openNew() {
      setNotice(null);
      const preferred = roleList.find((r) => r.code === 'OnlyVending') ?? roleList[0];
      setDialog({ kind: 'form', form: newUserForm(preferred?.id ?? ''), errors: {}, problem: null, busy: false });
    },
    openEdit: () => open((row) => ({ kind: 'form', form: userFormOf(row), errors: {}, problem: null, busy: false })),
    openRemove: () => open((row) => ({ kind: 'remove', row, problem: null, busy: false })),
    openReset: () => open((row) => ({ kind: 'reset', row, problem: null, busy: false })),
    openUnlock: () => open((row) => ({ kind: 'unlock', row, problem: null, busy: false })),
    close: () => setDialog({ kind: 'none' }),
    change: (patch) => setDialog((d) => (d.kind === 'form' ? { ...d, form: { ...d.form, ...patch }, errors: {}, problem: null } : d)),
    async save() {
      if (dialog.kind !== 'form') return;
      const checked = checkUserForm(dialog.form);
      if (!checked.ok) return setDialog({ ...dialog, errors: checked.errors });
      setDialog({ ...dialog, busy: true, problem: null });
      if (checked.create) {
        const created = await invoke('users.create', checked.create);
        if (!created.ok) return setDialog({ ...dialog, busy: false, problem: created.error.message });
        setDialog({ kind: 'temporary', result: created.value, reason: 'new' });
        setNotice(`The user "${created.value.user.loginId}" was added.`);
      } else {
        const updated = await invoke('users.update', checked.update);
        if (!updated.ok) return setDialog({ ...dialog, busy: false, problem: updated.error.message });
        setDialog({ kind: 'none' });
        setNotice(`The user "${updated.value.loginId}" was saved.`);
      }
      grid.reload();
    },
    async confirmRemove() {
      if (dialog.kind !== 'remove') return;
      setDialog({ ...dialog, busy: true, problem: null });
      const result = await invoke('users.remove', { id: dialog.row.id, version: dialog.row.version });
      if (!result.ok) return setDialog({ ...dialog, busy: false, problem: result.error.message });
      setDialog({ kind: 'none' });
      setNotice(result.value.message);
      grid.reload();
    },
    async confirmReset() {
      if (dialog.kind !== 'reset') return;
      setDialog({ ...dialog, busy: true, problem: null });
      const result = await invoke('users.resetPassword', { id: dialog.row.id, version: dialog.row.version });
      if (!result.ok) return setDialog({ ...dialog, busy: false, problem: result.error.message });
      setDialog({ kind: 'temporary', result: result.value, reason: 'reset' });
      setNotice(`The password of "${result.value.user.loginId}" was reset.`);
      grid.reload();
    },
    async confirmUnlock(which) {
      if (dialog.kind !== 'unlock') return;
      setDialog({ ...dialog, busy: true, problem: null });
      const result = await invoke('users.unlock', { id: dialog.row.id, which });
      if (!result.ok) return setDialog({ ...dialog, busy: false, problem: result.error.message });
      setDialog({ kind: 'none' });
      setNotice(`${result.value.name} (${result.value.loginId}) is unlocked.`);
      grid.reload();
    },
  };
}
