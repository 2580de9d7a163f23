import type { ManagementKind } from '../../../shared/ipc/advanced-schemas';
import type { ScreenProps } from '../../app/screen-registry';
import { useFormatters } from '../../app/till-context';
import { ManagementRecordsView } from './ManagementRecordsView';
import { useManagementRecords } from './useManagementRecords';

/** Advanced Center - the Record screen of each management token kind (containers). */
function ManagementRecordsScreen({ kind }: Readonly<{ kind: ManagementKind }>) {
  const records = useManagementRecords(kind);
  const format = useFormatters();
  return (
    <ManagementRecordsView
      kind={kind}
      grid={records.grid}
      message={records.message}
      formatDateTime={format.dateTime}
      onPrint={() => void records.print()}
      onExport={() => void records.exportExcel()}
    />
  );
}

export function SetMaxOverdraftRecordScreen(_props: Readonly<ScreenProps>) {
  return <ManagementRecordsScreen kind="setMaxOverdraft" />;
}
export function ClearCreditRecordScreen(_props: Readonly<ScreenProps>) {
  return <ManagementRecordsScreen kind="clearCredit" />;
}
export function ClearTamperRecordScreen(_props: Readonly<ScreenProps>) {
  return <ManagementRecordsScreen kind="clearTamper" />;
}
export function SetMaxPowerRecordScreen(_props: Readonly<ScreenProps>) {
  return <ManagementRecordsScreen kind="setMaxPower" />;
}
export function KeyChangeRecordScreen(_props: Readonly<ScreenProps>) {
  return <ManagementRecordsScreen kind="keyChange" />;
}
export function MeterTestRecordScreen(_props: Readonly<ScreenProps>) {
  return <ManagementRecordsScreen kind="meterTest" />;
}
