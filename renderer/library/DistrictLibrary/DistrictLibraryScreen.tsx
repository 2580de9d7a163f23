import { LibraryExcelActions } from '../LibraryExcel/LibraryExcelActions';
import type { ScreenProps } from '../../app/screen-registry';
import { DistrictLibraryView } from './DistrictLibraryView';
import { useDistrictLibrary } from './useDistrictLibrary';

/** The District Library screen (container): regions that group sales stations and customers. */
export function DistrictLibraryScreen(_props: Readonly<ScreenProps>) {
  const d = useDistrictLibrary();
  return (
    <DistrictLibraryView
      grid={d.grid}
      excel={<LibraryExcelActions library="districts" label="District Library" onImported={d.grid.reload} />}
      dialog={d.dialog}
      notice={d.notice}
      canEdit={d.canEdit}
      showInactive={d.showInactive}
      onShowInactive={d.setShowInactive}
      onNew={d.openNew}
      onEdit={d.openEdit}
      onRemove={d.openRemove}
      onClose={d.close}
      onChange={d.change}
      onSave={() => void d.save()}
      onConfirmRemove={() => void d.confirmRemove()}
    />
  );
}
