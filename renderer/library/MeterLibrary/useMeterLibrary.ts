import { useCallback, useState } from 'react';
import type { MeterKind } from '../../../shared/format/units';
import type { MeterRow, MeterSortColumn, ProfileInfo } from '../../../shared/ipc/library-schemas';
import { useTillQuery, type ScreenState } from '../../bridge/hooks';
import { invoke } from '../../bridge/till';
import { useTill } from '../../app/till-context';
import { useLibraryGrid, type LibraryGridState } from '../../components/LibraryGrid/useLibraryGrid';
import {
  checkMeterForm, checkRangeForm, editMeterForm, newMeterForm, newRangeForm, withMeterType, withProfile,
  type FieldErrors, type MeterForm, type MeterFormField, type RangeForm, type RangeFormField,
} from './meter-form';

/**
 * The Meter Library screen's state: the grid (search in main), the model profiles, and the dialog in front: New or
 * Edit, the batch range ("Id Range"), or Remove. Saving goes to main, which checks everything again; its answer (a
 * field's sentence, or "deactivated instead") is shown as it comes.
 */
export type MeterDialogState =
  | { kind: 'none' }
  | { kind: 'form'; form: MeterForm; errors: FieldErrors<MeterFormField>; problem: string | null; busy: boolean }
  | { kind: 'range'; form: RangeForm; errors: FieldErrors<RangeFormField>; problem: string | null; busy: boolean; existing: string[] | null }
  | { kind: 'remove'; row: MeterRow; problem: string | null; busy: boolean };

export interface MeterLibrary {
  grid: LibraryGridState<MeterRow, MeterSortColumn>;
  profiles: ScreenState<ProfileInfo[]>;
  reloadProfiles(): void;
  dialog: MeterDialogState;
  notice: string | null;
  canEdit: boolean;
  openNew(): void;
  openEdit(): void;
  openRange(): void;
  openRemove(): void;
  close(): void;
  changeForm(patch: Partial<MeterForm>): void;
  changeFormType(type: MeterKind): void;
  changeFormProfile(profileId: string): void;
  save(): Promise<void>;
  changeRange(patch: Partial<RangeForm>): void;
  changeRangeType(type: MeterKind): void;
  changeRangeProfile(profileId: string): void;
  saveRange(): Promise<void>;
  confirmRemove(): Promise<void>;
}

export function useMeterLibrary(): MeterLibrary {
  const { permissions } = useTill();
  const canEdit = permissions.has('meters.edit');
  const grid = useLibraryGrid<MeterRow, MeterSortColumn>({ load: (request) => invoke('meters.list', request) });
  const { state: profiles, reload: reloadProfiles } = useTillQuery('profiles.list', {});
  const [dialog, setDialog] = useState<MeterDialogState>({ kind: 'none' });
  const [notice, setNotice] = useState<string | null>(null);
  const profileList = profiles.kind === 'ready' ? profiles.value : [];

  const close = useCallback(() => setDialog({ kind: 'none' }), []);
  const openNew = () => {
    setNotice(null);
    setDialog({ kind: 'form', form: newMeterForm(profileList), errors: {}, problem: null, busy: false });
  };
  const openRange = () => {
    setNotice(null);
    setDialog({ kind: 'range', form: newRangeForm(profileList), errors: {}, problem: null, busy: false, existing: null });
  };
  const openEdit = () => {
    const row = grid.selectedRow;
    if (!row) return;
    setNotice(null);
    void invoke('meters.get', { id: row.id }).then((result) => {
      if (!result.ok) {
        setNotice(result.error.message);
        return;
      }
      setDialog({ kind: 'form', form: editMeterForm(result.value), errors: {}, problem: null, busy: false });
    });
  };
  const openRemove = () => {
    const row = grid.selectedRow;
    if (!row) return;
    setNotice(null);
    setDialog({ kind: 'remove', row, problem: null, busy: false });
  };

  const patchForm = (update: (form: MeterForm) => MeterForm) =>
    setDialog((d) => (d.kind === 'form' ? { ...d, form: update(d.form), errors: {}, problem: null } : d));
  const patchRange = (update: (form: RangeForm) => RangeForm) =>
    setDialog((d) => (d.kind === 'range' ? { ...d, form: update(d.form), errors: {}, problem: null, existing: null } : d));

  const save = async () => {
    if (dialog.kind !== 'form') return;
    const checked = checkMeterForm(dialog.form, profileList);
    if (!checked.ok) {
      setDialog({ ...dialog, errors: checked.errors });
      return;
    }
    setDialog({ ...dialog, busy: true, problem: null });
    const result = checked.update ? await invoke('meters.update', checked.update) : await invoke('meters.create', checked.create);
    if (!result.ok) {
      setDialog({ ...dialog, busy: false, problem: result.error.message });
      return;
    }
    const meter = result.value;
    setDialog({ kind: 'none' });
    setNotice(
      dialog.form.mode === 'new'
        ? `Meter ${meter.meterNo} was added.`
        : meter.pendingKeys
          ? `Meter ${meter.meterNo} was saved; its new key parameters are pending until its next vend or key change.`
          : `Meter ${meter.meterNo} was saved.`,
    );
    grid.reload();
  };

  const saveRange = async () => {
    if (dialog.kind !== 'range') return;
    const checked = checkRangeForm(dialog.form, profileList);
    if (!checked.ok) {
      setDialog({ ...dialog, errors: checked.errors });
      return;
    }
    setDialog({ ...dialog, busy: true, problem: null });
    // The operator has seen the numbers that already exist: save, skipping them. Otherwise ask main first.
    if (dialog.existing === null) {
      const dry = await invoke('meters.createRange', { ...checked.input, dryRun: true });
      if (!dry.ok) {
        setDialog({ ...dialog, busy: false, problem: dry.error.message });
        return;
      }
      if (dry.value.existing.length > 0) {
        setDialog({ ...dialog, busy: false, existing: dry.value.existing });
        return;
      }
    }
    const saved = await invoke('meters.createRange', { ...checked.input, dryRun: false, skipExisting: dialog.existing !== null });
    if (!saved.ok) {
      setDialog({ ...dialog, busy: false, problem: saved.error.message });
      return;
    }
    setDialog({ kind: 'none' });
    const r = saved.value;
    setNotice(`${r.created} meters were added (${r.firstMeterNo} to ${r.lastMeterNo})${r.skipped > 0 ? `; ${r.skipped} already in the library were skipped` : ''}.`);
    grid.reload();
  };

  const confirmRemove = async () => {
    if (dialog.kind !== 'remove') return;
    setDialog({ ...dialog, busy: true, problem: null });
    const result = await invoke('meters.remove', { id: dialog.row.id, version: dialog.row.version });
    if (!result.ok) {
      setDialog({ ...dialog, busy: false, problem: result.error.message });
      return;
    }
    setDialog({ kind: 'none' });
    setNotice(result.value.message);
    grid.reload();
  };

  return {
    grid,
    profiles,
    reloadProfiles,
    dialog,
    notice,
    canEdit,
    openNew,
    openEdit,
    openRange,
    openRemove,
    close,
    changeForm: (patch) => patchForm((form) => ({ ...form, ...patch })),
    changeFormType: (type) => patchForm((form) => withMeterType(form, type, profileList)),
    changeFormProfile: (profileId) => patchForm((form) => withProfile(form, profileId, profileList)),
    save,
    changeRange: (patch) => patchRange((form) => ({ ...form, ...patch })),
    changeRangeType: (type) => patchRange((form) => withMeterType(form, type, profileList)),
    changeRangeProfile: (profileId) => patchRange((form) => withProfile(form, profileId, profileList)),
    saveRange,
    confirmRemove,
  };
}
