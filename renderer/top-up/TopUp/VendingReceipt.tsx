import { useLayoutEffect, useRef } from 'react';
import { formatUnits } from '../../../shared/format/units';
import type { Sale } from '../../../shared/ipc/vending-schemas';
import { formatPricePerUnit, formatRatePercent } from '../../../shared/money/decimal-text';
import { Message } from '../../components/Fields';
import { groupToken } from './vend-flow';

/**
 * The "Vending Receipt" panel (props only), drawn from the committed sale only: Customer No., User Coder, Meter No.,
 * Price, Tax, Total Paid, Total Unit, Date, Time and the token in 4-digit groups; key-change tokens first, numbered.
 * Enter (or Esc) on "New Sale" goes back to the grid for the next customer.
 */
export interface VendingReceiptProps {
  sale: Sale;
  replayed: boolean;
  printQueued: boolean;
  canPrint: boolean;
  printMessage: string | null;
  formatAmount: (minor: number, currency: string) => string;
  formatDate: (iso: string) => string;
  formatTime: (iso: string) => string;
  onPrint: () => void;
  onDone: () => void;
}

export function VendingReceipt(props: Readonly<VendingReceiptProps>) {
  const { sale } = props;
  const doneRef = useRef<HTMLButtonElement>(null);
  // a layout effect: New Sale has the focus before the receipt is painted, so an Enter the moment it shows is not lost
  useLayoutEffect(() => doneRef.current?.focus(), []);
  const keyChange = sale.tokens.filter((t) => t.role === 'key-change');
  const credit = sale.tokens.filter((t) => t.role === 'credit');
  const taxMinor = sale.vatMinor + sale.exciseMinor;
  return (
    <section className="card vend-receipt" aria-label="Vending Receipt" onKeyDown={(event) => event.key === 'Escape' && props.onDone()}>
      <h1>Vending Receipt</h1>
      {props.replayed ? <Message kind="notice">This sale was already made; this is its receipt. No new token was issued.</Message> : null}
      <dl className="vend-info">
        <dt>Receipt No.</dt>
        <dd>{sale.receiptNo}</dd>
        <dt>Customer No.</dt>
        <dd>{sale.customerNo}</dd>
        <dt>User Coder</dt>
        <dd>{sale.customerName}</dd>
        <dt>Meter No.</dt>
        <dd>{sale.meterNo}</dd>
        <dt>Price</dt>
        <dd>
          {formatPricePerUnit(sale.pricePerUnit)} {sale.currency}/{sale.unit}
        </dd>
        <dt>Tax</dt>
        <dd>
          {props.formatAmount(taxMinor, sale.currency)} ({formatRatePercent(sale.vatBp + sale.exciseBp)} %)
        </dd>
        <dt>Total Paid</dt>
        <dd>{props.formatAmount(sale.paidMinor, sale.currency)}</dd>
        <dt>Total Unit</dt>
        <dd>{formatUnits(sale.unitsTenths, sale.meterType)}</dd>
        <dt>Date</dt>
        <dd>{props.formatDate(sale.soldAt)}</dd>
        <dt>Time</dt>
        <dd>{props.formatTime(sale.soldAt)}</dd>
      </dl>
      {keyChange.length > 0 ? (
        <div className="vend-key-change">
          <h2>Enter these first, in this order</h2>
          <ol aria-label="Key-change tokens">
            {keyChange.map((token) => (
              <li key={token.digits} className="vend-token">
                {groupToken(token.digits)}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      {credit.map((token) => (
        <p key={token.digits} className="vend-token vend-token-credit" aria-label="Token">
          {groupToken(token.digits)}
        </p>
      ))}
      {props.printQueued ? <p className="field-hint">The receipt was sent to the printer.</p> : null}
      {props.printMessage ? <p role="status">{props.printMessage}</p> : null}
      <div className="form-actions">
        <button type="button" ref={doneRef} onClick={props.onDone}>
          New Sale
        </button>
        <button type="button" onClick={props.onPrint} disabled={!props.canPrint}>
          Print
        </button>
      </div>
    </section>
  );
}
