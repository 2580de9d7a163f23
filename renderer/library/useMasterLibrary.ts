import { useState } from 'react';
import type { Result } from '../../shared/errors/result';
import type { RemoveResult } from '../../shared/ipc/library-schemas';
import type { ListResponse } from '../../shared/ipc/list';
import { useLibraryGrid, type GridRequest, type GridSort, type LibraryGridState } from '../components/LibraryGrid/useLibraryGrid';

/**
 * What the Customer, District, Sales Station and Account Library screens share (L2): the grid (search in main) with a
 * "Show inactive" toggle carried in the list request, the New/Edit dialog whose fields are checked by the same rules
 * main applies, and Remove, whose answer (removed, or deactivated because something points at the row) becomes the
 * screen's notice. Each screen's hook supplies its channels and its form.
 */
/** A field error per field at fault (the rules stop at the first one). */
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export type MasterDialogState<Row, Form, F extends string> =
  | { kind: 'none' }
  | { kind: 'form'; form: Form; errors: FieldErrors<F>; problem: string | null; busy: boolean }
  | { kind: 'remove'; row: Row; problem: string | null; busy: boolean };

export type FormCheck<Row, F extends string> = { ok: true; save: () => Promise<Result<Row>> } | { ok: false; errors: FieldErrors<F> };

export interface MasterLibraryOptions<Row, S extends string, Form extends { mode: 'new' | 'edit' }, F extends string> {
  list: (request: GridRequest<S> & { showInactive: boolean }) => Promise<Result<ListResponse<Row>>>;
  newForm: () => Form;
  editForm: (row: Row) => Form;
  check: (form: Form) => FormCheck<Row, F>;
  /** The notice after a save, e.g. 'The customer 0001 (Lili) was added.' */
  savedNotice: (row: Row, mode: Form['mode']) => string;
  remove: (row: Row) => Promise<Result<RemoveResult>>;
  initialSort?: GridSort<S> | null;
}

export interface MasterLibrary<Row, S extends string, Form, F extends string> {
  grid: LibraryGridState<Row, S>;
  showInactive: boolean;
  setShowInactive(show: boolean): void;
  dialog: MasterDialogState<Row, Form, F>;
  notice: string | null;
  openNew(): void;
  openEdit(): void;
  openRemove(): void;
  close(): void;
  change(patch: Partial<Form>): void;
  save(): Promise<void>;
  confirmRemove(): Promise<void>;
}

export function useMasterLibrary<Row, S extends string, Form extends { mode: 'new' | 'edit' }, F extends string>(
  options: MasterLibraryOptions<Row, S, Form, F>,
): MasterLibrary<Row, S, Form, F> {
  const [showInactive, setShowInactiveState] = useState(false);
  const grid = useLibraryGrid<Row, S>({ load: (request) => options.list({ ...request, showInactive }), initialSort: options.initialSort ?? null });
  const [dialog, setDialog] = useState<MasterDialogState<Row, Form, F>>({ kind: 'none' });
  const [notice, setNotice] = useState<string | null>(null);

  const save = async () => {
    if (dialog.kind !== 'form') return;
    const checked = options.check(dialog.form);
    if (!checked.ok) {
      setDialog({ ...dialog, errors: checked.errors });
      return;
    }
    setDialog({ ...dialog, busy: true, problem: null });
    const result = await checked.save();
    if (!result.ok) {
      setDialog({ ...dialog, busy: false, problem: result.error.message });
      return;
    }
    setDialog({ kind: 'none' });
    setNotice(options.savedNotice(result.value, dialog.form.mode));
    grid.reload();
  };

  const confirmRemove = async () => {
    if (dialog.kind !== 'remove') return;
    setDialog({ ...dialog, busy: true, problem: null });
    const result = await options.remove(dialog.row);
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
    showInactive,
    setShowInactive: (show) => {
      setShowInactiveState(show);
      grid.goToPage(1);
    },
    dialog,
    notice,
    openNew: () => {
      setNotice(null);
      setDialog({ kind: 'form', form: options.newForm(), errors: {}, problem: null, busy: false });
    },
    openEdit: () => {
      if (!grid.selectedRow) return;
      setNotice(null);
      setDialog({ kind: 'form', form: options.editForm(grid.selectedRow), errors: {}, problem: null, busy: false });
    },
    openRemove: () => {
      if (!grid.selectedRow) return;
      setNotice(null);
      setDialog({ kind: 'remove', row: grid.selectedRow, problem: null, busy: false });
    },
    close: () => setDialog({ kind: 'none' }),
    change: (patch) => setDialog((d) => (d.kind === 'form' ? { ...d, form: { ...d.form, ...patch }, errors: {}, problem: null } : d)),
    save,
    confirmRemove,
  };
}
