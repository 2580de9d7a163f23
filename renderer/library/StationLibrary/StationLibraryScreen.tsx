import { LibraryExcelActions } from '../LibraryExcel/LibraryExcelActions';
import type { ScreenProps } from '../../app/screen-registry';
import { StationLibraryView } from './StationLibraryView';
import { useStationLibrary } from './useStationLibrary';

/** The Sales Station Library screen (container): sales outlets, each in a district. */
export function StationLibraryScreen(_props: Readonly<ScreenProps>) {
  const s = useStationLibrary();
  return (
    <StationLibraryView
      grid={s.grid}
      excel={<LibraryExcelActions library="stations" label="Sales Station Library" onImported={s.grid.reload} />}
      dialog={s.dialog}
      notice={s.notice}
      canEdit={s.canEdit}
      showInactive={s.showInactive}
      districtPicker={s.districtPicker}
      onShowInactive={s.setShowInactive}
      onNew={s.openNew}
      onEdit={s.openEdit}
      onRemove={s.openRemove}
      onClose={s.close}
      onChange={s.change}
      onSave={() => void s.save()}
      onConfirmRemove={() => void s.confirmRemove()}
    />
  );
}
