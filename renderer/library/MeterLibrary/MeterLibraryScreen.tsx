import { LibraryExcelActions } from '../LibraryExcel/LibraryExcelActions';
import type { ScreenProps } from '../../app/screen-registry';
import { MeterLibraryView } from './MeterLibraryView';
import { useMeterLibrary } from './useMeterLibrary';

/** The Meter Library screen (container): "Library Center - Meter Library - New (input the meter information) - Save". */
export function MeterLibraryScreen(_props: Readonly<ScreenProps>) {
  const m = useMeterLibrary();
  return (
    <MeterLibraryView
      grid={m.grid}
      excel={<LibraryExcelActions library="meters" label="Meter Library" onImported={m.grid.reload} />}
      profiles={m.profiles}
      dialog={m.dialog}
      notice={m.notice}
      canEdit={m.canEdit}
      onNew={m.openNew}
      onEdit={m.openEdit}
      onRange={m.openRange}
      onRemove={m.openRemove}
      onClose={m.close}
      onReloadProfiles={m.reloadProfiles}
      onForm={m.changeForm}
      onFormType={m.changeFormType}
      onFormProfile={m.changeFormProfile}
      onSave={() => void m.save()}
      onRangeChange={m.changeRange}
      onRangeType={m.changeRangeType}
      onRangeProfile={m.changeRangeProfile}
      onSaveRange={() => void m.saveRange()}
      onConfirmRemove={() => void m.confirmRemove()}
    />
  );
}
