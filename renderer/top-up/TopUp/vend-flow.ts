import type { Sale, VendBy, VendQuote } from '../../../shared/ipc/vending-schemas';
import type { TopUpRow } from '../../../shared/ipc/parties-schemas';
import { assertNever } from '../../../shared/errors/result';

/**
 * The Top-up Center's vend as a state machine (pure): the grid, the amount (Money or Unit), "Confirm Vending Info"
 * (the quote in full and the payment type), "Input Transaction Password - Confirm Payment", then the receipt of the
 * committed sale. Esc goes one step back; the receipt comes only from `vend.confirm`'s sale.
 */
export type VendStep =
  | { kind: 'grid' }
  | { kind: 'amount'; row: TopUpRow; by: VendBy; amount: string; busy: boolean; error: string | null }
  | { kind: 'confirm'; row: TopUpRow; by: VendBy; amount: string; quote: VendQuote; paymentType: string; idempotencyKey: string }
  | {
      kind: 'password';
      row: TopUpRow;
      by: VendBy;
      amount: string;
      quote: VendQuote;
      paymentType: string;
      idempotencyKey: string;
      password: string;
      busy: boolean;
      error: string | null;
    }
  | { kind: 'receipt'; sale: Sale; replayed: boolean; printQueued: boolean };

export type VendEvent =
  | { type: 'open'; row: TopUpRow; by: VendBy }
  | { type: 'by'; by: VendBy }
  | { type: 'amount'; amount: string }
  | { type: 'quoting' }
  | { type: 'quoted'; quote: VendQuote; paymentType: string; idempotencyKey: string }
  | { type: 'failed'; message: string }
  | { type: 'paymentType'; paymentType: string }
  | { type: 'toPassword' }
  | { type: 'password'; password: string }
  | { type: 'confirming' }
  | { type: 'sold'; sale: Sale; replayed: boolean; printQueued: boolean }
  | { type: 'back' };

export const START: VendStep = { kind: 'grid' };

export function vendReducer(step: VendStep, event: VendEvent): VendStep {
  switch (event.type) {
    case 'open':
      if (step.kind !== 'grid') return step;
      return { kind: 'amount', row: event.row, by: event.by, amount: '', busy: false, error: null };
    case 'by':
      if (step.kind !== 'amount' || step.busy) return step;
      return { ...step, by: event.by, error: null };
    case 'amount':
      if (step.kind !== 'amount' || step.busy) return step;
      return { ...step, amount: event.amount, error: null };
    case 'quoting':
      if (step.kind !== 'amount' || step.busy) return step;
      return { ...step, busy: true, error: null };
    case 'quoted':
      if (step.kind !== 'amount') return step;
      // the idempotency key is made here, when "Confirm Vending Info" opens: every later press reuses it
      return {
        kind: 'confirm',
        row: step.row,
        by: step.by,
        amount: step.amount,
        quote: event.quote,
        paymentType: event.paymentType,
        idempotencyKey: event.idempotencyKey,
      };
    case 'failed':
      if (step.kind === 'amount' || step.kind === 'password') return { ...step, busy: false, error: event.message };
      return step;
    case 'paymentType':
      if (step.kind !== 'confirm') return step;
      return { ...step, paymentType: event.paymentType };
    case 'toPassword':
      if (step.kind !== 'confirm') return step;
      return { ...step, kind: 'password', password: '', busy: false, error: null };
    case 'password':
      if (step.kind !== 'password' || step.busy) return step;
      return { ...step, password: event.password, error: null };
    case 'confirming':
      if (step.kind !== 'password' || step.busy) return step;
      return { ...step, busy: true, error: null };
    case 'sold':
      if (step.kind !== 'password') return step;
      return { kind: 'receipt', sale: event.sale, replayed: event.replayed, printQueued: event.printQueued };
    case 'back':
      return backFrom(step);
    default:
      return assertNever(event);
  }
}

function backFrom(step: VendStep): VendStep {
  switch (step.kind) {
    case 'grid':
      return step;
    case 'amount':
      return step.busy ? step : START;
    case 'confirm':
      return { kind: 'amount', row: step.row, by: step.by, amount: step.amount, busy: false, error: null };
    case 'password':
      // a confirm in flight cannot be walked away from: its answer decides whether a sale exists
      return step.busy
        ? step
        : { kind: 'confirm', row: step.row, by: step.by, amount: step.amount, quote: step.quote, paymentType: step.paymentType, idempotencyKey: step.idempotencyKey };
    case 'receipt':
      return START;
    default:
      return assertNever(step);
  }
}

/** A token as the receipt prints it: 4-digit groups ("1234 5678 9012 3456 7890"); 9-digit codes in 3s. */
export function groupToken(digits: string): string {
  const size = digits.length % 4 === 0 ? 4 : digits.length % 3 === 0 ? 3 : 4;
  const groups: string[] = [];
  for (let i = 0; i < digits.length; i += size) groups.push(digits.slice(i, i + size));
  return groups.join(' ');
}

/**
 * The Money/Unit switch in the amount dialog without the mouse: Alt+M for Money, Alt+U for Unit. Returns null for
 * any other key (it goes to the field).
 */
export function amountKey(event: { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean }): VendBy | null {
  if (!event.altKey || event.ctrlKey || event.metaKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'm') return 'money';
  if (key === 'u') return 'unit';
  return null;
}

/** A request id for one sale (a UUID without dashes fits the contract's 16-64 letters and digits). */
export function newIdempotencyKey(random: () => string = () => crypto.randomUUID()): string {
  return random().replaceAll('-', '');
}
