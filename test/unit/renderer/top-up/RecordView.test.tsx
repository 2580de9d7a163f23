import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LibraryGridState } from '../../../../renderer/components/LibraryGrid/useLibraryGrid';
import { RecordView, type RecordViewProps } from '../../../../renderer/top-up/Record/RecordView';
import { NO_FILTERS } from '../../../../renderer/top-up/Record/record-search';
import type { Sale } from '../../../../shared/ipc/vending-schemas';
import { render, type Rendered } from '../render';

const SALE = {
  id: 's1', customerNo: '0001', customerName: 'Lili', meterNo: '58000000065', pricePerUnit: 10_000, vatMinor: 130, exciseMinor: 0,
  unitsTenths: 87, meterType: 'electricity', paidMinor: 1000, currency: 'USD', operatorLoginId: 'cashier', soldAt: '2026-05-01T08:03:00.000Z',
  tidDate: '2026-05-01T08:04', tokens: [{ role: 'credit', digits: '12345678901234567890', tid: 1 }],
} as Sale;

function grid(): LibraryGridState<Sale, never> {
  return {
    rows: [SALE], total: 1, page: 1, pageSize: 20, pageCount: 1, sort: null, searchText: '', loading: false, pending: false, error: null,
    selectedIndex: 0, selectedRow: SALE, setSearchText: vi.fn(), goToPage: vi.fn(), setPageSize: vi.fn(), toggleSort: vi.fn(), select: vi.fn(), reload: vi.fn(),
  };
}

let view: Rendered | null = null;
afterEach(() => view?.unmount());

function show(overrides: Partial<RecordViewProps> = {}): HTMLElement {
  view = render(
    <RecordView
      grid={grid()}
      filters={NO_FILTERS}
      fieldError={null}
      action={{ kind: 'idle' }}
      canPrint
      canExport
      formatAmount={(minor, currency) => `${(minor / 100).toFixed(2)} ${currency}`}
      formatDateTime={(iso) => iso.replace('T', ' ').slice(0, 16)}
      onFilter={vi.fn()}
      onSearch={vi.fn()}
      onPrint={vi.fn()}
      onExport={vi.fn()}
      {...overrides}
    />,
  );
  return view.container;
}

describe('the Record screen', () => {
  it("shows the seed's columns, the TID's minute and the commit time", () => {
    const container = show();
    expect([...container.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual([
      'Customer No.', 'User Coder', 'Meter No.', 'Price', 'Tax', 'Total Unit', 'Total Paid', 'Operator', 'Token', 'TID Date', 'Create Date',
    ]);
    expect([...container.querySelectorAll('tbody td')].map((td) => td.textContent)).toEqual([
      '0001', 'Lili', '58000000065', '1', '1.30 USD', '8.7 kWh', '10.00 USD', 'cashier', '1234 5678 9012 3456 7890', '2026-05-01 08:04', '2026-05-01 08:03',
    ]);
  });

  it('draws the export as a progress bar while it runs, and disables what the operator may not do', () => {
    const container = show({ action: { kind: 'busy', what: 'Exporting to Excel…', done: 100, total: 250 }, canPrint: false });
    const bar = container.querySelector('progress');
    expect(bar?.getAttribute('aria-label')).toBe('Export progress');
    expect([bar?.getAttribute('value'), bar?.getAttribute('max')]).toEqual(['100', '250']);
    const button = (name: string) => [...container.querySelectorAll('button')].find((b) => b.textContent === name);
    expect(button('Print')?.disabled).toBe(true);
    expect(button('Export to Excel')?.disabled).toBe(true);
  });

  it('puts a field mistake next to its field', () => {
    const container = show({ fieldError: { field: 'token', message: 'The token is digits only (spaces are fine).' } });
    const token = [...container.querySelectorAll('label')].find((l) => l.textContent?.startsWith('Token'));
    expect(token?.querySelector('input')?.getAttribute('aria-invalid')).toBe('true');
    expect(token?.querySelector('.field-error')?.textContent).toBe('The token is digits only (spaces are fine).');
  });
});
