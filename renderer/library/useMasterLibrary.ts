import { useState } from 'react';
import type { Result } from '../../shared/errors/result';
import type { RemoveResult } from '../../shared/ipc/library-schemas';
import type { ListResponse } from '../../shared/ipc/list';
import { useLibraryGrid, type GridRequest, type GridSort, type LibraryGridState } from '../components/LibraryGrid/useLibraryGrid';

/**
 * What the Customer, District, Sales Station and Account Library screens share (L2): the grid (search in main) with a
 * "Show inactive" toggle carried in the list request, the New/Edit dialog whose fields are checked by the same rules
 * main applies, and Remove, whose answer (removed, or deactivated because something points at the row) becomes the
 * screen's notice. Each screen's hook supplies its channels and its form. The Price Library has the same dialogs over a
 * list without "Show inactive", so it takes the dialog half alone (useMasterDialog).
 */
/** A field error per field at fault (the rules stop at the first one). */
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export type MasterDialogState<Row, Form, F extends string> =
  | { kind: 'none' }
  | { kind: 'form'; form: Form; errors: FieldErrors<F>; problem: string | null; busy: boolean }
  | { kind: 'remove'; row: Row; problem: string | null; busy: boolean };

export type FormCheck<Row, F extends string> = { ok: true; save: () => Promise<Result<Row>> } | { ok: false; errors: FieldErrors<F> };

/** What a library's New/Edit and Remove dialogs need from its screen hook: how to make, check and save a form, and remove. */
export interface MasterDialogOptions<Row, Form extends { mode: 'new' | 'edit' }, F extends string> {
  newForm: () => Form;
  editForm: (row: Row) => Form;
  check: (form: Form) => FormCheck<Row, F>;
  /** The notice after a save, e.g. 'The customer 0001 (Lili) was added.' */
  savedNotice: (row: Row, mode: Form['mode']) => string;
  remove: (row: Row) => Promise<Result<RemoveResult>>;
}

export interface MasterLibraryOptions<Row, S extends string, Form extends { mode: 'new' | 'edit' }, F extends string> extends MasterDialogOptions<Row, Form, F> {
  list: (request: GridRequest<S> & { showInactive: boolean }) => Promise<Result<ListResponse<Row>>>;
  initialSort?: GridSort<S> | null;
}

/** The dialog in front of a library grid and the notice of the last change (New, Edit, Remove). */
export interface MasterDialog<Row, Form, F extends string> {
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

export interface MasterLibrary<Row, S extends string, Form, F extends string> extends MasterDialog<Row, Form, F> {
  grid: LibraryGridState<Row, S>;
  showInactive: boolean;
  setShowInactive(show: boolean): void;
}

export function useMasterLibrary<Row, S extends string, Form extends { mode: 'new' | 'edit' }, F extends string>(
  options: MasterLibraryOptions<Row, S, Form, F>,
): MasterLibrary<Row, S, Form, F> {
  const [showInactive, setShowInactiveState] = useState(false);
  const grid = useLibraryGrid<Row, S>({ load: (request) => options.list({ ...request, showInactive }), initialSort: options.initialSort ?? null });
  const dialog = useMasterDialog<Row, S, Form, F>(grid, options);
  return {
    ...dialog,
    grid,
    showInactive,
    setShowInactive: (show) => {
      setShowInactiveState(show);
      grid.goToPage(1);
    },
  };
}

/**
 * The New/Edit and Remove dialogs on their own, for a library whose list has no "Show inactive" (the Price Library):
 * New and Edit open the form (Edit and Remove take the grid's selected row), Save checks the form with the screen's
 * rules before main is asked, and the answer of a save or a remove becomes the notice and reloads the grid.
 */
export function useMasterDialog<Row, S extends string, Form extends { mode: 'new' | 'edit' }, F extends string>(
  grid: LibraryGridState<Row, S>,
  options: MasterDialogOptions<Row, Form, F>,
): MasterDialog<Row, Form, F> {
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
