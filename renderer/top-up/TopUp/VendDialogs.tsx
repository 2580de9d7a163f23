import type { FormEvent, KeyboardEvent } from 'react';
import { currencyLabel } from '../../../shared/format/currencies';
import { formatUnits, METER_KIND_LABEL } from '../../../shared/format/units';
import type { VendBy } from '../../../shared/ipc/vending-schemas';
import { formatPricePerUnit, formatRatePercent } from '../../../shared/money/decimal-text';
import { Dialog } from '../../components/Dialog';
import { amountKey, type VendStep } from './vend-flow';

/** The vend's three dialogs (props only): the amount, "Confirm Vending Info", and the transaction password. */
type AmountStep = Extract<VendStep, { kind: 'amount' }>;
type ConfirmStep = Extract<VendStep, { kind: 'confirm' }>;
type PasswordStep = Extract<VendStep, { kind: 'password' }>;

function submitted(handler: () => void) {
  return (event: FormEvent) => {
    event.preventDefault();
    handler();
  };
}

export function AmountDialog(
  props: Readonly<{
    step: AmountStep;
    currencyDisplay: Readonly<Record<string, string>>;
    onBy: (by: VendBy) => void;
    onAmount: (amount: string) => void;
    onSubmit: () => void;
    onCancel: () => void;
  }>,
) {
  const { step } = props;
  const unit = METER_KIND_LABEL[step.row.meterType];
  const label = step.by === 'money' ? `Amount (${currencyLabel(step.row.currency, props.currencyDisplay)})` : 'Units';
  const onKey = (event: KeyboardEvent) => {
    const by = amountKey(event);
    if (by) {
      event.preventDefault();
      props.onBy(by);
    }
  };
  return (
    <Dialog id="vend-amount" title={step.by === 'money' ? 'Money' : 'Unit'} onCancel={props.onCancel}>
      <form onSubmit={submitted(props.onSubmit)} onKeyDown={onKey} noValidate>
        <p className="vend-for">
          {step.row.customerNo} {step.row.customerName} · {unit} {step.row.meterNo}
        </p>
        <div className="field">
          <label htmlFor="vend-amount-value">{label}</label>
          <div className="field-control">
            <input
              id="vend-amount-value"
              inputMode="decimal"
              autoComplete="off"
              value={step.amount}
              readOnly={step.busy}
              aria-invalid={step.error ? true : undefined}
              aria-describedby={step.error ? 'vend-amount-error' : 'vend-amount-hint'}
              onChange={(event) => props.onAmount(event.target.value)}
            />
            {step.error ? (
              <div id="vend-amount-error" className="field-error" role="alert">
                {step.error}
              </div>
            ) : null}
            <div id="vend-amount-hint" className="field-hint">
              Alt+M Money, Alt+U Unit; Enter to go on, Esc to go back.
            </div>
          </div>
        </div>
        <fieldset className="vend-by">
          <legend>Vend by</legend>
          <label>
            <input type="radio" name="vend-by" checked={step.by === 'money'} onChange={() => props.onBy('money')} /> Money
          </label>
          <label>
            <input type="radio" name="vend-by" checked={step.by === 'unit'} onChange={() => props.onBy('unit')} /> Unit
          </label>
        </fieldset>
        <div className="form-actions">
          <button type="button" onClick={props.onCancel} disabled={step.busy}>
            Cancel
          </button>
          <button type="submit" disabled={step.busy}>
            {step.busy ? 'Working out…' : 'OK'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function Row(props: Readonly<{ label: string; value: string }>) {
  return (
    <>
      <dt>{props.label}</dt>
      <dd>{props.value}</dd>
    </>
  );
}

export function ConfirmVendingInfoDialog(
  props: Readonly<{
    step: ConfirmStep;
    paymentTypes: readonly string[];
    formatAmount: (minor: number, currency: string) => string;
    onPaymentType: (paymentType: string) => void;
    onSubmit: () => void;
    onCancel: () => void;
  }>,
) {
  const q = props.step.quote;
  const money = (minor: number) => props.formatAmount(minor, q.currency);
  // Enter anywhere in the dialog (the payment type included) goes on; the buttons keep their own Enter
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.target as HTMLElement).tagName !== 'BUTTON') {
      event.preventDefault();
      props.onSubmit();
    }
  };
  return (
    <Dialog id="vend-confirm" title="Confirm Vending Info" onCancel={props.onCancel} wide>
      <form onSubmit={submitted(props.onSubmit)} onKeyDown={onKey}>
        <dl className="vend-info">
          <Row label="Customer No." value={q.customerNo} />
          <Row label="User Coder" value={q.customerName} />
          <Row label="Address" value={q.customerAddress.trim() === '' ? '—' : q.customerAddress} />
          <Row label="Meter No." value={q.meterNo} />
          <Row label="Meter Type" value={METER_KIND_LABEL[q.meterType]} />
          <Row label="Price" value={`${q.priceName}: ${formatPricePerUnit(q.pricePerUnit)} ${q.currency} / ${q.unit}`} />
          <Row label="Amount" value={money(q.paidMinor)} />
          {q.levies.map((levy) => (
            <Row key={levy.name} label={`${levy.name} (${formatRatePercent(levy.rateBp)} %)`} value={money(levy.amountMinor)} />
          ))}
          <Row label="Charge" value={money(q.chargeMinor)} />
          <Row label="Units" value={formatUnits(q.unitsTenths, q.meterType)} />
          <Row label="Rounding" value={money(q.roundingMinor)} />
        </dl>
        {q.keyChange ? (
          <p className="message message-notice">
            This meter's keys change with this sale ({q.keyChange.from} to {q.keyChange.to}): {q.keyChange.tokens} key-change tokens come before the
            credit token.
          </p>
        ) : null}
        <div className="field">
          <label htmlFor="vend-payment-type">Payment Type</label>
          <div className="field-control">
            <select id="vend-payment-type" value={props.step.paymentType} onChange={(event) => props.onPaymentType(event.target.value)}>
              {props.paymentTypes.map((type) => (
                <option key={type} value={type}>
                  {type}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="form-actions">
          <button type="button" onClick={props.onCancel}>
            Back
          </button>
          <button type="submit">Confirm</button>
        </div>
      </form>
    </Dialog>
  );
}

export function PasswordDialog(
  props: Readonly<{
    step: PasswordStep;
    formatAmount: (minor: number, currency: string) => string;
    onPassword: (password: string) => void;
    onSubmit: () => void;
    onCancel: () => void;
  }>,
) {
  const { step } = props;
  const q = step.quote;
  return (
    <Dialog id="vend-password" title="Input Transaction Password - Confirm Payment" onCancel={props.onCancel}>
      <form onSubmit={submitted(props.onSubmit)} noValidate>
        <dl className="vend-info">
          <Row label="Total Paid" value={props.formatAmount(q.paidMinor, q.currency)} />
          <Row label="Total Unit" value={formatUnits(q.unitsTenths, q.meterType)} />
        </dl>
        <div className="field">
          <label htmlFor="vend-password-value">Transaction Password</label>
          <div className="field-control">
            <input
              id="vend-password-value"
              type="password"
              autoComplete="off"
              value={step.password}
              readOnly={step.busy}
              aria-invalid={step.error ? true : undefined}
              aria-describedby={step.error ? 'vend-password-error' : undefined}
              onChange={(event) => props.onPassword(event.target.value)}
            />
            {step.error ? (
              <div id="vend-password-error" className="field-error" role="alert">
                {step.error}
              </div>
            ) : null}
          </div>
        </div>
        <div className="form-actions">
          <button type="button" onClick={props.onCancel} disabled={step.busy}>
            Back
          </button>
          <button type="submit" disabled={step.busy}>
            {step.busy ? 'Confirming…' : 'Confirm Payment'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
