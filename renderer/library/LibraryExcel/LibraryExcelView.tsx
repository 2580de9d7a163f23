import { useRef } from 'react';
import { Dialog } from '../../components/Dialog';
import type { ExcelActivity } from './useLibraryExcel';

export interface LibraryExcelViewProps {
  /** The library's name as the grid shows it, e.g. "Meter Library". */
  label: string;
  activity: ExcelActivity;
  canExport: boolean;
  canImport: boolean;
  onExport(): void;
  onImport(file: File): void;
  onCancel(): void;
  onDownloadReport(): void;
  onDismiss(): void;
}

const SHOWN_PROBLEMS = 200;

/** The Import and Export toolbar buttons of a library grid, the progress bar, and a refused import's problems. */
export function LibraryExcelView(props: Readonly<LibraryExcelViewProps>) {
  const fileRef = useRef<HTMLInputElement>(null);
  const { activity } = props;
  const busy = activity.kind === 'busy';
  const percent = busy && activity.total > 0 ? Math.floor((activity.done * 100) / activity.total) : 0;
  return (
    <>
      <button type="button" onClick={props.onExport} disabled={!props.canExport || busy}>
        Export
      </button>
      {props.canImport ? (
        <>
          <button type="button" onClick={() => fileRef.current?.click()} disabled={busy}>
            Import
          </button>
          <input
            ref={fileRef}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-label={`Excel file to import into the ${props.label}`}
            hidden
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              event.currentTarget.value = '';
              if (file) props.onImport(file);
            }}
          />
        </>
      ) : null}
      {busy && activity.showBar ? (
        <span className="excel-progress">
          <progress aria-label={activity.what === 'import' ? 'Import progress' : 'Export progress'} max={100} value={percent} />
          <span aria-live="polite">
            {activity.total > 0 ? `${percent} % (${activity.done} of ${activity.total})` : 'Reading the file…'}
          </span>
          {activity.what === 'import' ? (
            <button type="button" onClick={props.onCancel} disabled={activity.cancelling}>
              {activity.cancelling ? 'Cancelling…' : 'Cancel import'}
            </button>
          ) : null}
        </span>
      ) : null}
      {activity.kind === 'done' && activity.finishedBar ? (
        <span className="excel-progress">
          <progress aria-label={activity.what === 'import' ? 'Import progress' : 'Export progress'} max={100} value={100} />
          <span>100 %</span>
        </span>
      ) : null}
      {activity.kind === 'done' ? (
        <span role={activity.ok ? 'status' : 'alert'} className={activity.ok ? 'notice' : 'notice notice-error'}>
          {activity.message}{' '}
          <button type="button" onClick={props.onDismiss}>
            OK
          </button>
        </span>
      ) : null}
      {activity.kind === 'problems' ? (
        <Dialog id="import-problems" title={`${activity.fileName} was not imported`} onCancel={props.onDismiss} wide>
          <p role="alert">
            {activity.problems.length} {activity.problems.length === 1 ? 'problem' : 'problems'} found; nothing was written. Correct these rows and import the file again.
          </p>
          <table aria-label="Import problems">
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Column</th>
                <th scope="col">Value</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {activity.problems.slice(0, SHOWN_PROBLEMS).map((p, index) => (
                <tr key={`${p.row}-${p.column}-${index}`}>
                  <td>{p.row}</td>
                  <td>{p.column}</td>
                  <td>{p.value}</td>
                  <td>{p.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {activity.problems.length > SHOWN_PROBLEMS ? <p>The first {SHOWN_PROBLEMS} are shown; the report has them all.</p> : null}
          <div className="dialog-actions">
            <button type="button" onClick={props.onDownloadReport} disabled={activity.reportBase64 === null}>
              Download report
            </button>
            <button type="button" onClick={props.onDismiss}>
              Close
            </button>
          </div>
        </Dialog>
      ) : null}
    </>
  );
}
