import type { ScreenProps } from '../../app/screen-registry';
import { useFormatters, useTill } from '../../app/till-context';
import { RecordView } from './RecordView';
import { useRecord } from './useRecord';

/** Top-up Center - Record (container): the search runs in main; Print and Export follow the operator's permissions. */
export function RecordScreen(_props: Readonly<ScreenProps>) {
  const record = useRecord();
  const till = useTill();
  const format = useFormatters();
  return (
    <RecordView
      grid={record.grid}
      filters={record.filters}
      fieldError={record.fieldError}
      action={record.action}
      canPrint={till.permissions.has('reprint')}
      canExport={till.permissions.has('records.export')}
      formatAmount={format.amount}
      formatDateTime={format.dateTime}
      onFilter={record.setFilter}
      onSearch={record.search}
      onPrint={() => void record.reprint()}
      onExport={() => void record.exportExcel()}
    />
  );
}
