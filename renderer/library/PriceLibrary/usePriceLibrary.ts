import { useState } from 'react';
import type { CategoryInfo, PriceRow, PriceSortColumn } from '../../../shared/ipc/library-schemas';
import { useTillQuery, type ScreenState } from '../../bridge/hooks';
import { invoke } from '../../bridge/till';
import { useTill } from '../../app/till-context';
import { useLibraryGrid, type LibraryGridState } from '../../components/LibraryGrid/useLibraryGrid';
import { checkPriceDialog, editPriceForm, newPriceForm, type PriceFormErrors, type PriceFormState } from './price-form';

/** The Price Library screen's state: the grid (search in main), the customer categories, and the dialog in front. */
export type PriceDialogState =
  | { kind: 'none' }
  | { kind: 'form'; form: PriceFormState; errors: PriceFormErrors; problem: string | null; busy: boolean }
  | { kind: 'remove'; row: PriceRow; problem: string | null; busy: boolean };

export interface PriceLibrary {
  grid: LibraryGridState<PriceRow, PriceSortColumn>;
  categories: ScreenState<CategoryInfo[]>;
  reloadCategories(): void;
  dialog: PriceDialogState;
  notice: string | null;
  canEdit: boolean;
  currencyDisplay: Readonly<Record<string, string>>;
  openNew(): void;
  openEdit(): void;
  openRemove(): void;
  close(): void;
  change(patch: Partial<PriceFormState>): void;
  save(): Promise<void>;
  confirmRemove(): Promise<void>;
}

export function usePriceLibrary(): PriceLibrary {
  const { permissions, settings } = useTill();
  const canEdit = permissions.has('prices.edit');
  const grid = useLibraryGrid<PriceRow, PriceSortColumn>({ load: (request) => invoke('prices.list', request) });
  const { state: categories, reload: reloadCategories } = useTillQuery('categories.list', {});
  const [dialog, setDialog] = useState<PriceDialogState>({ kind: 'none' });
  const [notice, setNotice] = useState<string | null>(null);
  const categoryIds = categories.kind === 'ready' ? categories.value.map((c) => c.id) : [];

  const save = async () => {
    if (dialog.kind !== 'form') return;
    const checked = checkPriceDialog(dialog.form, categoryIds);
    if (!checked.ok) {
      setDialog({ ...dialog, errors: checked.errors });
      return;
    }
    setDialog({ ...dialog, busy: true, problem: null });
    const result = checked.update ? await invoke('prices.update', checked.update) : await invoke('prices.create', checked.create);
    if (!result.ok) {
      setDialog({ ...dialog, busy: false, problem: result.error.message });
      return;
    }
    setDialog({ kind: 'none' });
    setNotice(dialog.form.mode === 'new' ? `The price "${result.value.name}" was added.` : `The price "${result.value.name}" was saved (version ${result.value.version}).`);
    grid.reload();
  };

  const confirmRemove = async () => {
    if (dialog.kind !== 'remove') return;
    setDialog({ ...dialog, busy: true, problem: null });
    const result = await invoke('prices.remove', { id: dialog.row.id, version: dialog.row.version });
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
    categories,
    reloadCategories,
    dialog,
    notice,
    canEdit,
    currencyDisplay: settings.company.currencyDisplay,
    openNew: () => {
      setNotice(null);
      setDialog({ kind: 'form', form: newPriceForm(settings.company.defaultCurrency), errors: {}, problem: null, busy: false });
    },
    openEdit: () => {
      if (!grid.selectedRow) return;
      setNotice(null);
      setDialog({ kind: 'form', form: editPriceForm(grid.selectedRow), errors: {}, problem: null, busy: false });
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
