import { afterEach, describe, expect, it } from 'vitest';
import type { Sale } from '../../../../shared/ipc/vending-schemas';
import { VendingReceipt } from '../../../../renderer/top-up/TopUp/VendingReceipt';
import { click, render, type Rendered } from '../render';

const sale = {
  id: 'sale-1',
  receiptNo: 'ST01-000007',
  soldAt: '2026-05-01T08:03:00.000Z',
  customerNo: '0002',
  customerName: 'Bule',
  meterNo: '58000000099',
  meterType: 'electricity',
  pricePerUnit: 10_000,
  currency: 'USD',
  vatBp: 1300,
  vatMinor: 130,
  exciseBp: 0,
  exciseMinor: 0,
  paidMinor: 1000,
  unitsTenths: 87,
  unit: 'kWh',
  tokens: [
    { role: 'key-change', digits: '11112222333344445555', tid: null },
    { role: 'key-change', digits: '66667777888899990000', tid: null },
    { role: 'credit', digits: '12345678901234567890', tid: 4321 },
  ],
} as Sale;

let view: Rendered | null = null;
afterEach(() => view?.unmount());

function show(onDone: () => void = () => undefined, onPrint: () => void = () => undefined): HTMLElement {
  view = render(
    <VendingReceipt
      sale={sale}
      replayed={false}
      printQueued={false}
      canPrint
      printMessage={null}
      formatAmount={(minor, currency) => `${(minor / 100).toFixed(2)} ${currency}`}
      formatDate={(iso) => iso.slice(0, 10)}
      formatTime={(iso) => iso.slice(11, 16)}
      onPrint={onPrint}
      onDone={onDone}
    />,
  );
  return view.container;
}

describe('the Vending Receipt', () => {
  it("shows the seed's fields from the sale", () => {
    const container = show();
    const terms = [...container.querySelectorAll('dt')].map((dt) => dt.textContent);
    expect(terms).toEqual(['Receipt No.', 'Customer No.', 'User Coder', 'Meter No.', 'Price', 'Tax', 'Total Paid', 'Total Unit', 'Date', 'Time']);
    const values = [...container.querySelectorAll('dd')].map((dd) => dd.textContent);
    expect(values).toEqual(['ST01-000007', '0002', 'Bule', '58000000099', '1 USD/kWh', '1.30 USD (13 %)', '10.00 USD', '8.7 kWh', '2026-05-01', '08:03']);
  });

  it('puts the key-change tokens first, numbered, under "Enter these first, in this order", then the credit token', () => {
    const container = show();
    const keyChange = container.querySelector('ol[aria-label="Key-change tokens"]');
    expect(keyChange?.previousElementSibling?.textContent).toBe('Enter these first, in this order');
    expect([...(keyChange?.querySelectorAll('li') ?? [])].map((li) => li.textContent)).toEqual(['1111 2222 3333 4444 5555', '6666 7777 8888 9999 0000']);
    const credit = container.querySelector('[aria-label="Token"]');
    expect(credit?.textContent).toBe('1234 5678 9012 3456 7890');
    expect(keyChange?.compareDocumentPosition(credit as Node)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
  });

  it('has New Sale in focus (Enter serves the next customer) and Print', () => {
    let done = 0;
    let printed = 0;
    const container = show(
      () => {
        done += 1;
      },
      () => {
        printed += 1;
      },
    );
    expect(document.activeElement?.textContent).toBe('New Sale');
    const print = [...container.querySelectorAll('button')].find((b) => b.textContent === 'Print');
    if (!print) throw new Error('no Print button');
    click(print);
    click(document.activeElement as Element);
    expect({ done, printed }).toEqual({ done: 1, printed: 1 });
  });
});
