import type { AuditRowView, AuditSortColumn, AuditVerdictView } from '../../../shared/ipc/access-schemas';
import { Message } from '../../components/Fields';
import { LibraryGrid, type GridColumn } from '../../components/LibraryGrid/LibraryGrid';
import { gridStateProps, type LibraryGridState } from '../../components/LibraryGrid/useLibraryGrid';
import type { AuditAction } from './useAuditLog';

/** Advanced Center - Audit Log (props only): every recorded action, newest first; verify the chain; export. */
export interface AuditLogViewProps {
  grid: LibraryGridState<AuditRowView, AuditSortColumn>;
  verdict: AuditVerdictView | null;
  action: AuditAction;
  formatDateTime: (iso: string) => string;
  onVerify: () => void;
  onExport: (format: 'csv' | 'xlsx') => void;
}

function shortDetails(details: string): string {
  const text = details === '{}' ? '' : details;
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

export function AuditLogView(props: Readonly<AuditLogViewProps>) {
  const { grid, action } = props;
  const busy = action.kind === 'busy';
  const columns: ReadonlyArray<GridColumn<AuditRowView, AuditSortColumn>> = [
    { key: 'seq', label: 'No.', sortKey: 'seq', align: 'right', render: (r) => String(r.seq) },
    { key: 'at', label: 'Time', render: (r) => props.formatDateTime(r.at) },
    { key: 'actor', label: 'User', sortKey: 'actor', render: (r) => r.actor },
    { key: 'action', label: 'Action', sortKey: 'action', render: (r) => r.action },
    { key: 'target', label: 'Target', sortKey: 'target', render: (r) => r.target },
    { key: 'result', label: 'Result', sortKey: 'result', render: (r) => r.result },
    { key: 'details', label: 'Details', render: (r) => <span title={r.details}>{shortDetails(r.details)}</span> },
  ];
  return (
    <div className="screen">
      {props.verdict ? <Message kind={props.verdict.ok ? 'notice' : 'error'}>{props.verdict.message}</Message> : null}
      {action.kind === 'busy' ? <p role="status">{action.what}</p> : null}
      {action.kind === 'done' ? <Message kind={action.ok ? 'notice' : 'error'}>{action.message}</Message> : null}
      <LibraryGrid
        label="Audit Log"
        readOnly
        columns={columns}
        {...gridStateProps(grid)}
        rowKey={(r) => String(r.seq)}
        canEdit={false}
        onNew={() => undefined}
        onEdit={() => undefined}
        onRemove={() => undefined}
        extraActions={
          <>
            <button type="button" onClick={props.onVerify} disabled={busy}>
              Verify
            </button>
            <button type="button" onClick={() => props.onExport('csv')} disabled={busy}>
              Export CSV
            </button>
            <button type="button" onClick={() => props.onExport('xlsx')} disabled={busy}>
              Export Excel
            </button>
          </>
        }
      />
    </div>
  );
}
