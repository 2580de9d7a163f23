import { LibraryExcelActions } from '../LibraryExcel/LibraryExcelActions';
import type { ScreenProps } from '../../app/screen-registry';
import { useTill } from '../../app/till-context';
import { AccountLibraryView } from './AccountLibraryView';
import { useAccountLibrary } from './useAccountLibrary';

/** The Account Library screen (container): "Account Library - New (input or choose the correct information) - Save". */
export function AccountLibraryScreen(_props: Readonly<ScreenProps>) {
  const a = useAccountLibrary();
  const { settings } = useTill();
  return (
    <AccountLibraryView
      grid={a.grid}
      excel={<LibraryExcelActions library="accounts" label="Account Library" onImported={a.grid.reload} />}
      dialog={a.dialog}
      notice={a.notice}
      canEdit={a.canEdit}
      showInactive={a.showInactive}
      customerPicker={a.customerPicker}
      meterPicker={a.meterPicker}
      stationPicker={a.stationPicker}
      priceChoices={a.priceChoices}
      currencyDisplay={settings.company.currencyDisplay}
      onShowInactive={a.setShowInactive}
      onNew={a.openNew}
      onEdit={a.openEdit}
      onRemove={a.openRemove}
      onClose={a.close}
      onChange={a.change}
      onSave={() => void a.save()}
      onConfirmRemove={() => void a.confirmRemove()}
    />
  );
}
