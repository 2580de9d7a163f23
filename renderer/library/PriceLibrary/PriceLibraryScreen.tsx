import { LibraryExcelActions } from '../LibraryExcel/LibraryExcelActions';
import type { ScreenProps } from '../../app/screen-registry';
import { PriceLibraryView } from './PriceLibraryView';
import { usePriceLibrary } from './usePriceLibrary';

/** The Price Library screen (container): "Price Library - New (input the price information) - Save". */
export function PriceLibraryScreen(_props: Readonly<ScreenProps>) {
  const p = usePriceLibrary();
  return (
    <PriceLibraryView
      grid={p.grid}
      excel={<LibraryExcelActions library="prices" label="Price Library" onImported={p.grid.reload} />}
      categories={p.categories}
      dialog={p.dialog}
      notice={p.notice}
      canEdit={p.canEdit}
      currencyDisplay={p.currencyDisplay}
      onNew={p.openNew}
      onEdit={p.openEdit}
      onRemove={p.openRemove}
      onClose={p.close}
      onReloadCategories={p.reloadCategories}
      onChange={p.change}
      onSave={() => void p.save()}
      onConfirmRemove={() => void p.confirmRemove()}
    />
  );
}
