import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../../../shared/errors/result';
import type { ListResponse } from '../../../../../shared/ipc/list';
import { LibraryGrid, type GridColumn } from '../../../../../renderer/components/LibraryGrid/LibraryGrid';
import { useLibraryGrid, type GridRequest } from '../../../../../renderer/components/LibraryGrid/useLibraryGrid';
import { click, press, render, type Rendered } from '../../render';

type Row = { id: string; meterNo: string; type: string };
const ALL: Row[] = Array.from({ length: 39 }, (_, i) => ({ id: `m${i}`, meterNo: `580000${String(i + 1).padStart(4, '0')}`, type: i < 19 ? 'Electricity Meter' : 'Gas Meter' }));

/** Stands in for main: searches and sorts every row, then serves one page (as the `<library>.list` channel does). */
function fakeMain(requests: GridRequest<'meterNo'>[]) {
  return async (request: GridRequest<'meterNo'>): Promise<Result<ListResponse<Row>>> => {
    requests.push(request);
    let rows = ALL.filter((r) => r.meterNo.includes(request.search) || r.type.toLowerCase().includes(request.search.toLowerCase()));
    if (request.sort?.direction === 'desc') rows = [...rows].reverse();
    const pageCount = Math.max(1, Math.ceil(rows.length / request.pageSize));
    const page = Math.min(request.page, pageCount);
    return { ok: true, value: { rows: rows.slice((page - 1) * request.pageSize, page * request.pageSize), total: rows.length, page, pageSize: request.pageSize, pageCount } };
  };
}

const COLUMNS: GridColumn<Row, 'meterNo'>[] = [
  { key: 'id', label: 'Id', sortKey: 'meterNo', render: (r) => r.meterNo },
  { key: 'type', label: 'Type', render: (r) => r.type },
];

function Harness({ requests, onEdit, onRemove }: { requests: GridRequest<'meterNo'>[]; onEdit: () => void; onRemove: () => void }) {
  const grid = useLibraryGrid<Row, 'meterNo'>({ load: fakeMain(requests), debounceMs: 0 });
  return (
    <LibraryGrid
      label="Meter Library"
      columns={COLUMNS}
      rows={grid.rows}
      rowKey={(r) => r.id}
      total={grid.total}
      page={grid.page}
      pageSize={grid.pageSize}
      pageCount={grid.pageCount}
      sort={grid.sort}
      searchText={grid.searchText}
      loading={grid.loading}
      problem={grid.error?.message ?? null}
      selectedIndex={grid.selectedIndex}
      canEdit
      onSearchText={grid.setSearchText}
      onPage={grid.goToPage}
      onPageSize={grid.setPageSize}
      onSort={grid.toggleSort}
      onSelect={grid.select}
      onNew={() => undefined}
      onEdit={onEdit}
      onRemove={onRemove}
      onReload={grid.reload}
    />
  );
}

let rendered: Rendered | null = null;
afterEach(() => {
  rendered?.unmount();
  rendered = null;
});

const settle = () => act(async () => {
  await new Promise((resolve) => setTimeout(resolve, 10));
});

function setup() {
  const requests: GridRequest<'meterNo'>[] = [];
  const onEdit = vi.fn();
  const onRemove = vi.fn();
  rendered = render(<Harness requests={requests} onEdit={onEdit} onRemove={onRemove} />);
  const c = rendered.container;
  const q = <T extends Element>(selector: string) => c.querySelector(selector) as T;
  return {
    requests, onEdit, onRemove, c,
    grid: () => q<HTMLTableElement>('table[role="grid"]'),
    footer: () => q<HTMLElement>('.grid-displaying').textContent,
    pageText: () => q<HTMLElement>('.grid-page').textContent,
    cells: () => [...c.querySelectorAll('tbody tr')].map((tr) => tr.querySelector('td')?.textContent),
    selected: () => c.querySelector('tbody tr[aria-selected="true"] td')?.textContent,
    button: (name: string) => [...c.querySelectorAll('button')].find((b) => b.textContent === name || b.getAttribute('aria-label') === name) as HTMLButtonElement,
    search: () => q<HTMLInputElement>('input[type="search"]'),
  };
}

function typeInto(input: HTMLInputElement, value: string) {
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('the library grid', () => {
  it('shows the seed toolbar and footer: New, Edit, Remove; 20 per page; Page 1 of 2; Displaying 1 to 20 of 39 items', async () => {
    const g = setup();
    await settle();
    expect(['New', 'Edit', 'Remove'].map((name) => g.button(name)?.disabled)).toEqual([false, false, false]);
    expect(g.search().placeholder).toBe('Please input the key word to search');
    expect((g.c.querySelector('select[aria-label="Rows per page"]') as HTMLSelectElement).value).toBe('20');
    expect(g.pageText()).toBe('Page 1 of 2');
    expect(g.footer()).toBe('Displaying 1 to 20 of 39 items');
    expect(g.cells()).toHaveLength(20);
    click(g.button('Next page'));
    await settle();
    expect([g.pageText(), g.footer(), g.cells().length]).toEqual(['Page 2 of 2', 'Displaying 21 to 39 of 39 items', 19]);
  });

  it('asks main to search all rows (not the loaded page), from page 1', async () => {
    const g = setup();
    await settle();
    click(g.button('Next page'));
    await settle();
    typeInto(g.search(), '0035');
    await settle();
    expect(g.requests.at(-1)).toMatchObject({ search: '0035', page: 1 });
    expect(g.cells()).toEqual(['5800000035']);
    expect(g.footer()).toBe('Displaying 1 to 1 of 1 items');
    typeInto(g.search(), 'nothing');
    await settle();
    expect(g.footer()).toBe('Displaying 0 to 0 of 0 items');
    expect(g.c.querySelector('.grid-empty')?.textContent).toBe('Nothing matches the key word.');
  });

  it('sorts by a column header, ascending then descending, and pages 50 at a time', async () => {
    const g = setup();
    await settle();
    click(g.button('Id'));
    await settle();
    expect(g.requests.at(-1)?.sort).toEqual({ column: 'meterNo', direction: 'asc' });
    click(g.c.querySelector('th button') as HTMLButtonElement);
    await settle();
    expect(g.requests.at(-1)?.sort).toEqual({ column: 'meterNo', direction: 'desc' });
    expect(g.cells()[0]).toBe('5800000039');
    expect(g.c.querySelector('th')?.getAttribute('aria-sort')).toBe('descending');
    const size = g.c.querySelector('select[aria-label="Rows per page"]') as HTMLSelectElement;
    act(() => {
      size.value = '50';
      size.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    expect([g.pageText(), g.footer()]).toEqual(['Page 1 of 1', 'Displaying 1 to 39 of 39 items']);
  });

  it('moves the selection with the arrows (onto the next page), opens Edit with Enter, and sends typing to the search box', async () => {
    const g = setup();
    await settle();
    expect(g.selected()).toBe('5800000001');
    press(g.grid(), 'ArrowDown');
    press(g.grid(), 'ArrowDown');
    expect(g.selected()).toBe('5800000003');
    expect(g.grid().getAttribute('aria-activedescendant')).toBe('grid-meter-library-row-2');
    press(g.grid(), 'Enter');
    expect(g.onEdit).toHaveBeenCalledTimes(1);
    press(g.grid(), 'Delete');
    expect(g.onRemove).toHaveBeenCalledTimes(1);
    press(g.grid(), 'End');
    press(g.grid(), 'ArrowDown');
    await settle();
    expect([g.pageText(), g.selected()]).toEqual(['Page 2 of 2', '5800000021']);
    press(g.grid(), 'ArrowUp');
    await settle();
    expect([g.pageText(), g.selected()]).toEqual(['Page 1 of 2', '5800000020']);
    press(g.grid(), '9');
    press(g.search(), '1');
    expect(document.activeElement).toBe(g.search());
    expect(g.search().value).toBe('9');
  });

  it('shows a failed load as a sentence with Try again', async () => {
    const requests: GridRequest<'meterNo'>[] = [];
    let fail = true;
    function Failing() {
      const grid = useLibraryGrid<Row, 'meterNo'>({
        load: async (request) => (fail ? { ok: false, error: { code: 'PERMISSION_DENIED', message: 'Your role does not allow this action (meters.view). Ask an administrator.' } } : fakeMain(requests)(request)),
        debounceMs: 0,
      });
      return (
        <LibraryGrid label="Meter Library" columns={COLUMNS} rows={grid.rows} rowKey={(r) => r.id} total={grid.total} page={grid.page} pageSize={grid.pageSize}
          pageCount={grid.pageCount} sort={grid.sort} searchText={grid.searchText} loading={grid.loading} problem={grid.error?.message ?? null}
          selectedIndex={grid.selectedIndex} canEdit={false} onSearchText={grid.setSearchText} onPage={grid.goToPage} onPageSize={grid.setPageSize}
          onSort={grid.toggleSort} onSelect={grid.select} onNew={() => undefined} onEdit={() => undefined} onRemove={() => undefined} onReload={grid.reload} />
      );
    }
    rendered = render(<Failing />);
    await settle();
    const alert = rendered.container.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Your role does not allow this action (meters.view).');
    expect([...rendered.container.querySelectorAll('.toolbar button')].map((b) => (b as HTMLButtonElement).disabled)).toEqual([true, true, true]);
    fail = false;
    click(alert?.querySelector('button') as HTMLButtonElement);
    await settle();
    expect(rendered.container.querySelector('[role="alert"]')).toBeNull();
    expect(rendered.container.querySelectorAll('tbody tr')).toHaveLength(20);
  });
});
