import { useEffect, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { currencyLabel } from '../../../shared/format/currencies';
import { METER_KIND_LABEL } from '../../../shared/format/units';
import type { TopUpRow, TopUpSortColumn } from '../../../shared/ipc/parties-schemas';
import type { VendBy } from '../../../shared/ipc/vending-schemas';
import { formatPricePerUnit, formatRatePercent } from '../../../shared/money/decimal-text';
import { LibraryGrid, type GridColumn } from '../../components/LibraryGrid/LibraryGrid';
import { gridStateProps, type LibraryGridState } from '../../components/LibraryGrid/useLibraryGrid';
import { AmountDialog, ConfirmVendingInfoDialog, PasswordDialog } from './VendDialogs';
import { VendingReceipt } from './VendingReceipt';
import { amountKey, type VendStep } from './vend-flow';
import './top-up.css';

/**
 * Top-up Center (props only), as the seed shows it: Money, Unit and Refresh at the left, the accounts grid (Customer
 * No., User Coder, Meter No., Meter Type, Price, Currency, Tax (%)), the vend's dialogs over it and the receipt of
 * the committed sale. Enter on a row opens Money, Alt+U opens Unit; the grid takes typing as its search.
 */
export interface TopUpViewProps {
  grid: LibraryGridState<TopUpRow, TopUpSortColumn>;
  step: VendStep;
  /** The screen's tab is in front (the grid takes the focus when it comes back). */
  active: boolean;
  paymentTypes: readonly string[];
  currencyDisplay: Readonly<Record<string, string>>;
  canReprint: boolean;
  printMessage: string | null;
  formatAmount: (minor: number, currency: string) => string;
  formatDate: (iso: string) => string;
  formatTime: (iso: string) => string;
  onOpen: (by: VendBy) => void;
  onBy: (by: VendBy) => void;
  onAmount: (amount: string) => void;
  onQuote: () => void;
  onPaymentType: (paymentType: string) => void;
  onToPassword: () => void;
  onPassword: (password: string) => void;
  onConfirm: () => void;
  onBack: () => void;
  onRefresh: () => void;
  onPrint: () => void;
}

export function TopUpView(props: Readonly<TopUpViewProps>) {
  const { grid, step } = props;
  const columns: ReadonlyArray<GridColumn<TopUpRow, TopUpSortColumn>> = [
    { key: 'customerNo', label: 'Customer No.', sortKey: 'customerNo', render: (r) => r.customerNo },
    { key: 'customerName', label: 'User Coder', sortKey: 'customerName', render: (r) => r.customerName },
    { key: 'meterNo', label: 'Meter No.', sortKey: 'meterNo', render: (r) => r.meterNo },
    { key: 'meterType', label: 'Meter Type', sortKey: 'meterType', render: (r) => METER_KIND_LABEL[r.meterType] },
    { key: 'price', label: 'Price', align: 'right', render: (r) => formatPricePerUnit(r.pricePerUnit) },
    { key: 'currency', label: 'Currency', render: (r) => currencyLabel(r.currency, props.currencyDisplay) },
    { key: 'tax', label: 'Tax (%)', align: 'right', render: (r) => formatRatePercent(r.taxBp) },
  ];
  const hasRow = grid.selectedRow !== null;
  const mainRef = useRef<HTMLDivElement>(null);
  // back on the grid (first shown, Esc from a dialog, New Sale): the grid has the focus, so typing searches it
  useLayoutEffect(() => {
    if (props.active && step.kind === 'grid') mainRef.current?.querySelector<HTMLElement>('[role="grid"]')?.focus();
  }, [props.active, step.kind]);
  // Enter on the grid opens Money for the selected row, Alt+M / Alt+U open Money or Unit (the grid is read-only: it
  // never edits an account)
  const onGridKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (step.kind !== 'grid' || (!hasRow && !grid.pending)) return;
    const target = event.target as HTMLElement;
    if (target.getAttribute('role') !== 'grid' && target.getAttribute('type') !== 'search') return;
    const by = event.key === 'Enter' ? 'money' : amountKey(event);
    if (by === null) return;
    event.preventDefault();
    // typed ahead of the search: open once the rows answer what was typed, never the row that was there before
    if (grid.pending) wanted.current = by;
    else props.onOpen(by);
  };
  const wanted = useRef<VendBy | null>(null);
  useEffect(() => {
    const by = wanted.current;
    if (by === null || grid.pending) return;
    wanted.current = null;
    if (grid.selectedRow !== null && step.kind === 'grid') props.onOpen(by);
  });
  return (
    <div className="screen top-up">
      <nav className="top-up-actions" aria-label="Vending">
        <button type="button" onClick={() => props.onOpen('money')} disabled={!hasRow || step.kind !== 'grid'} title="Enter or Alt+M">
          Money
        </button>
        <button type="button" onClick={() => props.onOpen('unit')} disabled={!hasRow || step.kind !== 'grid'} title="Alt+U">
          Unit
        </button>
        <button type="button" onClick={props.onRefresh}>
          Refresh
        </button>
      </nav>
      <div className="top-up-main" ref={mainRef} onKeyDown={onGridKey}>
        {step.kind === 'receipt' ? (
          <VendingReceipt
            sale={step.sale}
            replayed={step.replayed}
            printQueued={step.printQueued}
            canPrint={props.canReprint}
            printMessage={props.printMessage}
            formatAmount={props.formatAmount}
            formatDate={props.formatDate}
            formatTime={props.formatTime}
            onPrint={props.onPrint}
            onDone={props.onBack}
          />
        ) : (
          <LibraryGrid
            label="Top-up Center"
            readOnly
            columns={columns}
            {...gridStateProps(grid)}
            rowKey={(r) => r.accountId}
            canEdit={false}
            onNew={() => undefined}
            onEdit={() => undefined}
            onRemove={() => undefined}
          />
        )}
      </div>
      {step.kind === 'amount' ? (
        <AmountDialog step={step} currencyDisplay={props.currencyDisplay} onBy={props.onBy} onAmount={props.onAmount} onSubmit={props.onQuote} onCancel={props.onBack} />
      ) : null}
      {step.kind === 'confirm' ? (
        <ConfirmVendingInfoDialog
          step={step}
          paymentTypes={props.paymentTypes}
          formatAmount={props.formatAmount}
          onPaymentType={props.onPaymentType}
          onSubmit={props.onToPassword}
          onCancel={props.onBack}
        />
      ) : null}
      {step.kind === 'password' ? (
        <PasswordDialog step={step} formatAmount={props.formatAmount} onPassword={props.onPassword} onSubmit={props.onConfirm} onCancel={props.onBack} />
      ) : null}
    </div>
  );
}
