import type { ManagementRecord, RolloverCandidate } from '../../../shared/ipc/advanced-schemas';
import { Message } from '../../components/Fields';
import { LibraryGrid, type GridColumn } from '../../components/LibraryGrid/LibraryGrid';
import { gridStateProps, type LibraryGridState } from '../../components/LibraryGrid/useLibraryGrid';
import { ManagementReceipt } from '../ManagementAction/ManagementReceipt';

export interface RolloverViewProps {
  grid: LibraryGridState<RolloverCandidate, 'meterNo'>;
  message: { text: string; ok: boolean } | null;
  record: ManagementRecord | null;
  onMarkPending: () => void;
  onIssueNow: () => void;
  onCloseReceipt: () => void;
}

/** Advanced Center - Key Change Roll-over (props only): meters still on base date 1993 or KRN 1. */
export function RolloverView(props: Readonly<RolloverViewProps>) {
  const { grid } = props;
  const columns: ReadonlyArray<GridColumn<RolloverCandidate, 'meterNo'>> = [
    { key: 'meterNo', label: 'Meter No.', sortKey: 'meterNo', render: (r) => r.meterNo },
    { key: 'profile', label: 'Model', render: (r) => r.profileName },
    { key: 'keys', label: 'Key', render: (r) => r.keyParams },
    { key: 'why', label: 'Why', render: (r) => r.why },
    { key: 'pending', label: 'Pending', render: (r) => (r.pending ? 'Yes' : 'No') },
  ];
  return (
    <div className="screen">
      {props.message ? <Message kind={props.message.ok ? 'notice' : 'error'}>{props.message.text}</Message> : null}
      {props.record ? <ManagementReceipt record={props.record} message={null} onPrint={() => undefined} onClose={props.onCloseReceipt} /> : null}
      <LibraryGrid
        label="Key Change Roll-over"
        readOnly
        columns={columns}
        {...gridStateProps(grid)}
        rowKey={(r) => r.meterId}
        canEdit={false}
        onNew={() => undefined}
        onEdit={() => undefined}
        onRemove={() => undefined}
        extraActions={
          <>
            <button type="button" onClick={props.onMarkPending} disabled={grid.selectedRow === null}>Mark pending</button>
            <button type="button" onClick={props.onIssueNow} disabled={grid.selectedRow === null}>Issue now</button>
          </>
        }
      />
    </div>
  );
}
