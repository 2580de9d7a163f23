import type { ManagementKind, ManagementRecord } from '../../../shared/ipc/advanced-schemas';
import { MANAGEMENT_KIND_LABEL } from '../../../shared/ipc/advanced-schemas';
import { Message } from '../../components/Fields';
import { LibraryGrid, type GridColumn } from '../../components/LibraryGrid/LibraryGrid';
import { gridStateProps, type LibraryGridState } from '../../components/LibraryGrid/useLibraryGrid';
import { formatToken } from '../ManagementAction/ManagementReceipt';

export interface ManagementRecordsViewProps {
  kind: ManagementKind;
  grid: LibraryGridState<ManagementRecord, 'createdAt'>;
  message: { text: string; ok: boolean } | null;
  formatDateTime: (iso: string) => string;
  onPrint: () => void;
  onExport: () => void;
}

/** Advanced Center - <kind> Record (props only): the seed's columns with Reload, Print and Export to Excel. */
export function ManagementRecordsView(props: Readonly<ManagementRecordsViewProps>) {
  const { grid } = props;
  const columns: ReadonlyArray<GridColumn<ManagementRecord, 'createdAt'>> = [
    { key: 'customerNo', label: 'Customer No.', render: (r) => r.customerNo ?? '' },
    { key: 'customerName', label: 'User Coder', render: (r) => r.customerName ?? '' },
    { key: 'meterNo', label: 'Meter No.', render: (r) => r.meterNo },
    { key: 'value', label: 'Value', render: (r) => r.valueText ?? '' },
    { key: 'operator', label: 'Operator', render: (r) => r.operatorLoginId },
    { key: 'token', label: 'Token', render: (r) => r.tokens.map(formatToken).join(' / ') },
    { key: 'tidDate', label: 'TID Date', render: (r) => r.tidDate ?? '' },
    { key: 'createdAt', label: 'Create Date', sortKey: 'createdAt', render: (r) => props.formatDateTime(r.createdAt) },
  ];
  return (
    <div className="screen">
      {props.message ? <Message kind={props.message.ok ? 'notice' : 'error'}>{props.message.text}</Message> : null}
      <LibraryGrid
        label={`${MANAGEMENT_KIND_LABEL[props.kind]} Record`}
        readOnly
        columns={columns}
        {...gridStateProps(grid)}
        rowKey={(r) => r.id}
        canEdit={false}
        onNew={() => undefined}
        onEdit={() => undefined}
        onRemove={() => undefined}
        extraActions={
          <>
            <button type="button" onClick={props.onPrint} disabled={grid.selectedRow === null}>Print</button>
            <button type="button" onClick={props.onExport}>Export to Excel</button>
          </>
        }
      />
    </div>
  );
}
