import type { CategoryInfo, PriceRow, PriceSortColumn } from '../../../shared/ipc/library-schemas';
import type { PriceField } from '../../../shared/library/price-rules';
import { useTillQuery, type ScreenState } from '../../bridge/hooks';
import { invoke } from '../../bridge/till';
import { useTill } from '../../app/till-context';
import { useLibraryGrid, type LibraryGridState } from '../../components/LibraryGrid/useLibraryGrid';
import { useMasterDialog, type MasterDialog, type MasterDialogState } from '../useMasterLibrary';
import { checkPriceDialog, editPriceForm, newPriceForm, type PriceFormState } from './price-form';

/**
 * The Price Library screen's state: the grid (search in main), the customer categories, and the dialog in front. The
 * dialogs work as the other libraries' (useMasterDialog); the price list has no "Show inactive", so the grid is its own.
 */
export type PriceDialogState = MasterDialogState<PriceRow, PriceFormState, PriceField>;

export interface PriceLibrary extends MasterDialog<PriceRow, PriceFormState, PriceField> {
  grid: LibraryGridState<PriceRow, PriceSortColumn>;
  categories: ScreenState<CategoryInfo[]>;
  reloadCategories(): void;
  canEdit: boolean;
  currencyDisplay: Readonly<Record<string, string>>;
}

export function usePriceLibrary(): PriceLibrary {
  const { permissions, settings } = useTill();
  const grid = useLibraryGrid<PriceRow, PriceSortColumn>({ load: (request) => invoke('prices.list', request) });
  const { state: categories, reload: reloadCategories } = useTillQuery('categories.list', {});
  const categoryIds = categories.kind === 'ready' ? categories.value.map((c) => c.id) : [];
  const dialog = useMasterDialog<PriceRow, PriceSortColumn, PriceFormState, PriceField>(grid, {
    newForm: () => newPriceForm(settings.company.defaultCurrency),
    editForm: editPriceForm,
    check: (form) => {
      const checked = checkPriceDialog(form, categoryIds);
      if (!checked.ok) return checked;
      const { create, update } = checked;
      return { ok: true, save: () => (update ? invoke('prices.update', update) : invoke('prices.create', create)) };
    },
    savedNotice: (row, mode) => (mode === 'new' ? `The price "${row.name}" was added.` : `The price "${row.name}" was saved (version ${row.version}).`),
    remove: (row) => invoke('prices.remove', { id: row.id, version: row.version }),
  });
  return {
    ...dialog,
    grid,
    categories,
    reloadCategories,
    canEdit: permissions.has('prices.edit'),
    currencyDisplay: settings.company.currencyDisplay,
  };
}
