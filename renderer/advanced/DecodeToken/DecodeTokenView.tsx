import type { DecodeResult, DecodeVerdict } from '../../../shared/ipc/advanced-schemas';
import type { TopUpRow, TopUpSortColumn } from '../../../shared/ipc/parties-schemas';
import { Message, TextField } from '../../components/Fields';
import { LibraryGrid, type GridColumn } from '../../components/LibraryGrid/LibraryGrid';
import { gridStateProps, type LibraryGridState } from '../../components/LibraryGrid/useLibraryGrid';

export interface DecodeTokenViewProps {
  grid: LibraryGridState<TopUpRow, TopUpSortColumn>;
  token: string;
  result: DecodeResult | null;
  problem: string | null;
  busy: boolean;
  onToken: (text: string) => void;
  onDecode: () => void;
}

export const VERDICT_TITLE: Readonly<Record<DecodeVerdict, string>> = {
  'issued-here': 'Issued by this system',
  'not-issued-here': 'Not issued by this system',
  'check-failed': 'Fails the check under this meter\'s key',
  'old-tid': 'Older than the meter\'s last TID',
};

/** Advanced Center - Decode Token (props only): paste a token, choose the meter's row, Decode; the answer. */
export function DecodeTokenView(props: Readonly<DecodeTokenViewProps>) {
  const { grid, result } = props;
  const columns: ReadonlyArray<GridColumn<TopUpRow, TopUpSortColumn>> = [
    { key: 'customerNo', label: 'Customer No.', sortKey: 'customerNo', render: (r) => r.customerNo },
    { key: 'customerName', label: 'User Coder', sortKey: 'customerName', render: (r) => r.customerName },
    { key: 'meterNo', label: 'Meter No.', sortKey: 'meterNo', render: (r) => r.meterNo },
  ];
  return (
    <div className="screen">
      <TextField id="decode-token" label="Token" value={props.token} onChange={props.onToken} inputMode="numeric" />
      <button type="button" onClick={props.onDecode} disabled={props.busy}>Decode</button>
      {props.problem ? <Message kind="error">{props.problem}</Message> : null}
      {result ? (
        <section className="card" aria-label="Decode result">
          <h2>{VERDICT_TITLE[result.verdict]}</h2>
          <p>{result.message}</p>
          <dl>
            {result.meaning ? <><dt>Carries</dt><dd>{result.meaning}</dd></> : null}
            <dt>Class / subclass</dt><dd>{result.tokenClass} / {result.subclass}</dd>
            {result.tid !== null ? <><dt>TID</dt><dd>{result.tid}</dd></> : null}
            {result.lastTid !== null ? <><dt>Last TID issued</dt><dd>{result.lastTid}</dd></> : null}
            {result.sale ? <><dt>Sale</dt><dd>{result.sale.receiptNo} ({result.sale.soldAt}, {result.sale.operatorLoginId})</dd></> : null}
            {result.record ? <><dt>Record</dt><dd>{result.record.kind} ({result.record.createdAt}, {result.record.operatorLoginId})</dd></> : null}
          </dl>
        </section>
      ) : null}
      <LibraryGrid
        label="Meter"
        readOnly
        columns={columns}
        {...gridStateProps(grid)}
        rowKey={(r) => r.accountId}
        canEdit={false}
        onNew={() => undefined}
        onEdit={() => undefined}
        onRemove={() => undefined}
      />
    </div>
  );
}
