import type { LoginHistoryRow } from '../../../shared/ipc/advanced-schemas';
import { Message } from '../../components/Fields';
import { LibraryGrid, type GridColumn } from '../../components/LibraryGrid/LibraryGrid';
import { gridStateProps, type LibraryGridState } from '../../components/LibraryGrid/useLibraryGrid';

export interface LoginHistoryViewProps {
  grid: LibraryGridState<LoginHistoryRow, 'time'>;
  message: { text: string; ok: boolean } | null;
  formatDateTime: (iso: string) => string;
  onExport: () => void;
}

/** Advanced Center - Login History (props only): every login attempt, newest first; search; export. */
export function LoginHistoryView(props: Readonly<LoginHistoryViewProps>) {
  const { grid } = props;
  const columns: ReadonlyArray<GridColumn<LoginHistoryRow, 'time'>> = [
    { key: 'time', label: 'Time', sortKey: 'time', render: (r) => props.formatDateTime(r.time) },
    { key: 'loginId', label: 'User ID', render: (r) => r.loginId },
    { key: 'stationId', label: 'Station', render: (r) => r.stationId },
    { key: 'result', label: 'Result', render: (r) => r.result },
    { key: 'reason', label: 'Reason', render: (r) => r.reason },
  ];
  return (
    <div className="screen">
      {props.message ? <Message kind={props.message.ok ? 'notice' : 'error'}>{props.message.text}</Message> : null}
      <LibraryGrid
        label="Login History"
        readOnly
        columns={columns}
        {...gridStateProps(grid)}
        rowKey={(r) => r.id}
        canEdit={false}
        onNew={() => undefined}
        onEdit={() => undefined}
        onRemove={() => undefined}
        extraActions={<button type="button" onClick={props.onExport}>Export to Excel</button>}
      />
    </div>
  );
}
