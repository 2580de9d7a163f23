import { LibraryExcelActions } from '../LibraryExcel/LibraryExcelActions';
import type { ScreenProps } from '../../app/screen-registry';
import { CustomerLibraryView } from './CustomerLibraryView';
import { useCustomerLibrary } from './useCustomerLibrary';

/** The Customer Library screen (container): "Customer Library - New (input the customer information) - Save". */
export function CustomerLibraryScreen(_props: Readonly<ScreenProps>) {
  const c = useCustomerLibrary();
  return (
    <CustomerLibraryView
      grid={c.grid}
      excel={<LibraryExcelActions library="customers" label="Customer Library" onImported={c.grid.reload} />}
      dialog={c.dialog}
      notice={c.notice}
      canEdit={c.canEdit}
      showInactive={c.showInactive}
      categories={c.categories}
      districtPicker={c.districtPicker}
      onShowInactive={c.setShowInactive}
      onReloadCategories={c.reloadCategories}
      onNew={c.openNew}
      onEdit={c.openEdit}
      onRemove={c.openRemove}
      onClose={c.close}
      onChange={c.change}
      onSave={() => void c.save()}
      onConfirmRemove={() => void c.confirmRemove()}
    />
  );
}
