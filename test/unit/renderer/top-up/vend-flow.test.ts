import { describe, expect, it } from 'vitest';
import type { TopUpRow } from '../../../../shared/ipc/parties-schemas';
import type { Sale, VendQuote } from '../../../../shared/ipc/vending-schemas';
import { amountKey, groupToken, newIdempotencyKey, START, vendReducer, type VendEvent, type VendStep } from '../../../../renderer/top-up/TopUp/vend-flow';

const row = { accountId: 'acc-1', customerNo: '0001', customerName: 'Lili', meterNo: '58000000065', meterType: 'electricity' } as TopUpRow;
const quote = { accountId: 'acc-1', priceVersion: 3, paidMinor: 1000, unitsTenths: 87 } as VendQuote;
const sale = { id: 'sale-1', tokens: [{ role: 'credit', digits: '12345678901234567890', tid: 1 }] } as Sale;

function run(events: VendEvent[], from: VendStep = START): VendStep {
  return events.reduce(vendReducer, from);
}

describe('the vend steps', () => {
  it('goes grid, amount, Confirm Vending Info, password, receipt; the receipt is the sold sale', () => {
    const step = run([
      { type: 'open', row, by: 'money' },
      { type: 'amount', amount: '10' },
      { type: 'quoting' },
      { type: 'quoted', quote, paymentType: 'Cash', idempotencyKey: 'k'.repeat(32) },
      { type: 'toPassword' },
      { type: 'password', password: 'Vend#2026!' },
      { type: 'confirming' },
      { type: 'sold', sale, replayed: false, printQueued: false },
    ]);
    expect(step).toEqual({ kind: 'receipt', sale, replayed: false, printQueued: false });
  });

  it('keeps the idempotency key made when the confirm dialog opened, through Back and forth', () => {
    const atPassword = run([
      { type: 'open', row, by: 'unit' },
      { type: 'amount', amount: '1' },
      { type: 'quoted', quote, paymentType: 'Cash', idempotencyKey: 'first-key-0000000000' },
      { type: 'toPassword' },
      { type: 'back' },
      { type: 'paymentType', paymentType: 'Cheque' },
      { type: 'toPassword' },
    ]);
    expect(atPassword).toMatchObject({ kind: 'password', idempotencyKey: 'first-key-0000000000', paymentType: 'Cheque', by: 'unit' });
  });

  it('ignores a second confirm while one is in flight, and Esc cannot walk away from it', () => {
    const busy = run([
      { type: 'open', row, by: 'money' },
      { type: 'quoted', quote, paymentType: 'Cash', idempotencyKey: 'k'.repeat(32) },
      { type: 'toPassword' },
      { type: 'password', password: 'x' },
      { type: 'confirming' },
    ]);
    expect(vendReducer(busy, { type: 'confirming' })).toBe(busy);
    expect(vendReducer(busy, { type: 'back' })).toBe(busy);
    expect(vendReducer(busy, { type: 'password', password: 'y' })).toBe(busy);
  });

  it('shows a failure next to the field and lets the cashier try again', () => {
    const failed = run([{ type: 'open', row, by: 'money' }, { type: 'quoting' }, { type: 'failed', message: 'Amount: type at least 1.00 USD.' }]);
    expect(failed).toMatchObject({ kind: 'amount', busy: false, error: 'Amount: type at least 1.00 USD.' });
    expect(vendReducer(failed, { type: 'amount', amount: '5' })).toMatchObject({ error: null, amount: '5' });
  });

  it('Esc goes one step back each time, and from the receipt to the grid', () => {
    const confirm = run([{ type: 'open', row, by: 'money' }, { type: 'amount', amount: '10' }, { type: 'quoted', quote, paymentType: 'Cash', idempotencyKey: 'k'.repeat(32) }]);
    const amount = vendReducer(confirm, { type: 'back' });
    expect(amount).toMatchObject({ kind: 'amount', amount: '10', by: 'money' });
    expect(vendReducer(amount, { type: 'back' })).toEqual(START);
    expect(vendReducer({ kind: 'receipt', sale, replayed: false, printQueued: false }, { type: 'back' })).toEqual(START);
  });

  it('never makes a receipt from a quote: sold is only taken at the password step', () => {
    const confirm = run([{ type: 'open', row, by: 'money' }, { type: 'quoted', quote, paymentType: 'Cash', idempotencyKey: 'k'.repeat(32) }]);
    expect(vendReducer(confirm, { type: 'sold', sale, replayed: false, printQueued: false })).toBe(confirm);
    expect(vendReducer(START, { type: 'sold', sale, replayed: false, printQueued: false })).toBe(START);
  });
});

describe('keys and tokens', () => {
  it('Alt+M and Alt+U switch Money and Unit; other keys go to the field', () => {
    const key = (k: string, altKey = true) => amountKey({ key: k, altKey, ctrlKey: false, metaKey: false });
    expect(key('u')).toBe('unit');
    expect(key('M')).toBe('money');
    expect(key('u', false)).toBeNull();
    expect(key('5')).toBeNull();
    expect(amountKey({ key: 'u', altKey: true, ctrlKey: true, metaKey: false })).toBeNull();
  });

  it('groups a 20-digit token in fours and a 9-digit code in threes', () => {
    expect(groupToken('12345678901234567890')).toBe('1234 5678 9012 3456 7890');
    expect(groupToken('123456789')).toBe('123 456 789');
  });

  it('makes request ids the contract accepts, a new one each time', () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    expect(newIdempotencyKey()).not.toBe(a);
  });
});
