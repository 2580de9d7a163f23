import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditRowView } from '../../../../shared/ipc/access-schemas';
import { AuditLogView } from '../../../../renderer/advanced/AuditLog/AuditLogView';
import type { LibraryGridState } from '../../../../renderer/components/LibraryGrid/useLibraryGrid';
import { click, press, render, type Rendered } from '../render';

/** The Audit Log view: a read-only grid (no New, Edit, Remove; Enter and Delete do nothing), Verify and the exports. */
const ROWS: AuditRowView[] = [
  { seq: 12, at: '2026-03-02T08:00:00.000Z', stationId: 's', actor: '0000', action: 'keys.load', target: 'vk:123456:1:2:DKGA02:2014', result: 'ok', details: '{"fingerprint":"0A1B"}' },
  { seq: 11, at: '2026-03-02T07:59:00.000Z', stationId: 's', actor: 'cashier', action: 'access.denied', target: 'meters.list', result: 'denied', details: '{}' },
];

function grid(): LibraryGridState<AuditRowView, 'seq' | 'actor' | 'action' | 'target' | 'result'> {
  return {
    rows: ROWS, total: 2, page: 1, pageSize: 20, pageCount: 1, sort: { column: 'seq', direction: 'desc' }, searchText: '', loading: false, pending: false, error: null,
    selectedIndex: 0, selectedRow: ROWS[0] ?? null, setSearchText: vi.fn(), goToPage: vi.fn(), setPageSize: vi.fn(), toggleSort: vi.fn(), select: vi.fn(), reload: vi.fn(),
  };
}

let view: Rendered | null = null;
afterEach(() => view?.unmount());

describe('the Audit Log view', () => {
  it('shows the rows newest first with no editing actions, and the verdict', () => {
    const onVerify = vi.fn();
    const onExport = vi.fn();
    view = render(
      <AuditLogView
        grid={grid()}
        verdict={{ ok: false, rows: 12, brokenAtSeq: 5, reason: 'row 5 was changed after it was written', message: 'The audit log is broken at row 5: row 5 was changed after it was written.' }}
        action={{ kind: 'idle' }}
        formatDateTime={(iso) => iso.slice(0, 16)}
        onVerify={onVerify}
        onExport={onExport}
      />,
    );
    const buttons = [...view.container.querySelectorAll('[role="toolbar"] button')].map((b) => b.textContent);
    expect(buttons).toEqual(['Verify', 'Export CSV', 'Export Excel']);
    expect(view.container.querySelector('[role="alert"]')?.textContent).toBe('The audit log is broken at row 5: row 5 was changed after it was written.');
    const cells = [...view.container.querySelectorAll('tbody tr:first-child td')].map((td) => td.textContent);
    expect(cells).toEqual(['12', '2026-03-02T08:00', '0000', 'keys.load', 'vk:123456:1:2:DKGA02:2014', 'ok', '{"fingerprint":"0A1B"}']);
    const table = view.container.querySelector('table');
    if (!table) throw new Error('no grid');
    press(table, 'Enter');
    press(table, 'Delete');
    expect(view.container.querySelector('[role="dialog"]')).toBeNull();
    const [verify, , excel] = [...view.container.querySelectorAll('[role="toolbar"] button')];
    if (!verify || !excel) throw new Error('no toolbar buttons');
    click(excel);
    expect(onExport).toHaveBeenCalledWith('xlsx');
    click(verify);
    expect(onVerify).toHaveBeenCalledTimes(1);
  });
});
