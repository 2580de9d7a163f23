import type { ManagementRecord } from '../../../shared/ipc/advanced-schemas';
import { MANAGEMENT_KIND_LABEL } from '../../../shared/ipc/advanced-schemas';

/** The token receipt shown after Generate (props only): the record's facts and its token(s), grouped in fours. */
export function formatToken(digits: string): string {
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}

export function ManagementReceipt(props: Readonly<{ record: ManagementRecord; onPrint: () => void; onClose: () => void; message: string | null }>) {
  const { record } = props;
  return (
    <section className="card" aria-label={`${MANAGEMENT_KIND_LABEL[record.kind]} receipt`}>
      <h2>{MANAGEMENT_KIND_LABEL[record.kind]}</h2>
      {record.receiptMark ? <p><strong>{record.receiptMark}</strong></p> : null}
      <dl>
        <dt>Customer No.</dt><dd>{record.customerNo ?? ''}</dd>
        <dt>User Coder</dt><dd>{record.customerName ?? ''}</dd>
        <dt>Meter No.</dt><dd>{record.meterNo}</dd>
        {record.valueText ? <><dt>Value</dt><dd>{record.valueText}</dd></> : null}
        <dt>Operator</dt><dd>{record.operatorLoginId}</dd>
        {record.tidDate ? <><dt>TID Date</dt><dd>{record.tidDate}</dd></> : null}
      </dl>
      <ol aria-label="Tokens">
        {record.tokens.map((token) => (
          <li key={token} className="token-digits">{formatToken(token)}</li>
        ))}
      </ol>
      {props.message ? <p role="status">{props.message}</p> : null}
      <button type="button" onClick={props.onPrint}>Print</button>{' '}
      <button type="button" onClick={props.onClose}>Done</button>
    </section>
  );
}
