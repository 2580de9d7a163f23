import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TopUpRow } from '../../../../shared/ipc/parties-schemas';
import type { ManagementRecord } from '../../../../shared/ipc/advanced-schemas';
import { ManagementActionView } from '../../../../renderer/advanced/ManagementAction/ManagementActionView';
import type { LibraryGridState } from '../../../../renderer/components/LibraryGrid/useLibraryGrid';
import { click, render, type Rendered } from '../render';

/** The account-based action view: the seed's Confirm … Info dialog, Set Max Overdraft disabled with the reason, the receipt. */
const ROW: TopUpRow = {
  accountId: 'a1', accountNo: 'AC-1', accountVersion: 1, customerId: 'c1', customerNo: '0001', customerName: 'Lili', meterId: 'm1', meterNo: '58000000065',
  meterType: 'electricity', priceId: 'p1', priceVersion: 1, pricePerUnit: 10000, currency: 'USD', taxBp: 1300, vatBp: 1300, exciseBp: 0, taxMode: 'vendor-compatible',
  maxOverdraftTenths: null,
};

function grid(): LibraryGridState<TopUpRow, 'meterNo' | 'customerNo' | 'customerName' | 'meterType'> {
  return {
    rows: [ROW], total: 1, page: 1, pageSize: 20, pageCount: 1, sort: null, searchText: '', loading: false, pending: false, error: null,
    selectedIndex: 0, selectedRow: ROW, setSearchText: vi.fn(), goToPage: vi.fn(), setPageSize: vi.fn(), toggleSort: vi.fn(), select: vi.fn(), reload: vi.fn(),
  };
}

const handlers = () => ({ onValue: vi.fn(), onOpen: vi.fn(), onCancel: vi.fn(), onGenerate: vi.fn(), onPrint: vi.fn(), onKeyForm: vi.fn() });
const KEY_FORM = { sgc: '', ti: '', krn: '', keyType: '', baseYear: '' };

let view: Rendered | null = null;
afterEach(() => view?.unmount());

describe('the management action view', () => {
  it('Confirm Set Max Overdraft Info shows the customer and meter, the reason, and a disabled Generate for an unpublished encoding', () => {
    const h = handlers();
    view = render(
      <ManagementActionView
        kind="setMaxOverdraft" grid={grid()} step={{ kind: 'confirm', row: ROW, problem: null, busy: false }} value="" problem={null} keyForm={KEY_FORM}
        support={{ supported: false, reason: "This meter model's Set Max Overdraft encoding is not published; TokenTill will not guess it.", receiptMark: null }}
        {...h}
      />,
    );
    const dialog = view.container.ownerDocument.querySelector('[role="dialog"]');
    expect(dialog?.querySelector('h1')?.textContent).toBe('Confirm Set Max Overdraft Info');
    expect([...(dialog?.querySelectorAll('dd') ?? [])].map((dd) => dd.textContent)).toEqual(['0001', 'Lili', '58000000065']);
    expect(dialog?.textContent).toContain('not published; TokenTill will not guess it.');
    const generate = [...(dialog?.querySelectorAll('button') ?? [])].find((b) => b.textContent === 'Generate');
    expect(generate?.hasAttribute('disabled')).toBe(true);
  });

  it('Clear Tamper: Generate is enabled and calls back; the receipt shows the token in groups of four with Print', () => {
    const h = handlers();
    view = render(<ManagementActionView kind="clearTamper" grid={grid()} step={{ kind: 'confirm', row: ROW, problem: null, busy: false }} value="" problem={null} keyForm={KEY_FORM} support={null} {...h} />);
    const generate = [...view.container.ownerDocument.querySelectorAll('[role="dialog"] button')].find((b) => b.textContent === 'Generate');
    if (!generate) throw new Error('no Generate button');
    click(generate);
    expect(h.onGenerate).toHaveBeenCalledTimes(1);
    const record: ManagementRecord = {
      id: 'r1', kind: 'clearTamper', accountId: 'a1', accountNo: 'AC-1', customerNo: '0001', customerName: 'Lili', meterId: 'm1', meterNo: '58000000065',
      valueText: null, valueNumber: null, params: {}, tid: 1, baseYear: 2014, tidDate: '2026-05-01T08:00', keyParams: null, receiptMark: null,
      operatorLoginId: '0000', operatorName: 'Raymond', createdAt: '2026-05-01T08:00:00.000Z', tokens: ['12345678901234567890'],
    };
    view.rerender(<ManagementActionView kind="clearTamper" grid={grid()} step={{ kind: 'receipt', record, message: null }} value="" problem={null} keyForm={KEY_FORM} support={null} {...h} />);
    expect(view.container.querySelector('[aria-label="Tokens"] li')?.textContent).toBe('1234 5678 9012 3456 7890');
    const print = [...view.container.querySelectorAll('button')].find((b) => b.textContent === 'Print');
    if (!print) throw new Error('no Print button');
    click(print);
    expect(h.onPrint).toHaveBeenCalledTimes(1);
  });
});
