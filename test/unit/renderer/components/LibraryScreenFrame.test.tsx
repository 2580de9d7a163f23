import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ScreenState } from '../../../../renderer/bridge/hooks';
import type { GridColumn } from '../../../../renderer/components/LibraryGrid/LibraryGrid';
import type { LibraryGridState } from '../../../../renderer/components/LibraryGrid/useLibraryGrid';
import { LibraryScreenFrame, type LibraryScreenFrameProps, type LibraryViewProps } from '../../../../renderer/components/LibraryScreenFrame';
import { click, render, type Rendered } from '../render';

/** The frame the library screens share: lookup problem, notice, grid toolbar, the screen's dialogs, Remove. */
type Row = { id: string; code: string };
const ROWS: Row[] = [
  { id: 'a', code: 'D01' },
  { id: 'b', code: 'D02' },
];
const COLUMNS: ReadonlyArray<GridColumn<Row, 'code'>> = [{ key: 'code', label: 'Code', sortKey: 'code', render: (r) => r.code }];

function grid(): LibraryGridState<Row, 'code'> {
  return {
    rows: ROWS, total: 2, page: 1, pageSize: 20, pageCount: 1, sort: null, searchText: '', loading: false, pending: false, error: null,
    selectedIndex: 0, selectedRow: ROWS[0] ?? null, setSearchText: vi.fn(), goToPage: vi.fn(), setPageSize: vi.fn(), toggleSort: vi.fn(), select: vi.fn(), reload: vi.fn(),
  };
}

function viewProps(overrides: Partial<LibraryViewProps<Row, 'code'>> = {}): LibraryViewProps<Row, 'code'> {
  return { grid: grid(), notice: null, onNew: vi.fn(), onEdit: vi.fn(), onRemove: vi.fn(), onConfirmRemove: vi.fn(), onClose: vi.fn(), ...overrides };
}

function props(overrides: Partial<LibraryScreenFrameProps<Row, 'code'>> = {}): LibraryScreenFrameProps<Row, 'code'> {
  return {
    view: viewProps(), label: 'District Library', columns: COLUMNS, rowKey: (r) => r.id, canEdit: true,
    removeNote: 'A district in use is kept and deactivated instead.', removing: null,
    ...overrides,
  };
}

function toolbarButtons(container: HTMLElement): { name: string | null; disabled: boolean }[] {
  return [...container.querySelectorAll<HTMLButtonElement>('[role="toolbar"] button')].map((b) => ({ name: b.textContent, disabled: b.disabled }));
}

let view: Rendered | null = null;
afterEach(() => view?.unmount());

describe('the library screen frame', () => {
  it('puts New, Edit, Remove, then Show inactive, the screen\'s own buttons and the Excel buttons in the toolbar', () => {
    const onShowInactive = vi.fn();
    view = render(
      <LibraryScreenFrame
        {...props({
          showInactive: { id: 'districts-show-inactive', checked: false, onChange: onShowInactive },
          extraActions: <button type="button">New range</button>,
          view: viewProps({ excel: <button type="button">Export</button> }),
        })}
      />,
    );
    const toolbar = view.container.querySelector('[role="toolbar"]');
    expect(toolbar?.getAttribute('aria-label')).toBe('District Library actions');
    expect([...(toolbar?.children ?? [])].map((c) => c.textContent)).toEqual(['New', 'Edit', 'Remove', 'Show inactive', 'New range', 'Export']);
    const toggle = view.container.querySelector<HTMLInputElement>('#districts-show-inactive');
    if (!toggle) throw new Error('no Show inactive toggle');
    click(toggle);
    expect(onShowInactive).toHaveBeenCalledWith(true);
    expect(view.container.querySelectorAll('tbody tr')).toHaveLength(2);
  });

  it('shows the notice of the last change above the grid, and passes the toolbar actions through', () => {
    const handlers = viewProps({ notice: 'The district D01 (North) was added.' });
    view = render(<LibraryScreenFrame {...props({ view: handlers })} />);
    const status = view.container.querySelector('.screen > [role="status"]');
    expect(status?.textContent).toBe('The district D01 (North) was added.');
    for (const button of view.container.querySelectorAll('[role="toolbar"] button')) click(button);
    expect([handlers.onNew, handlers.onEdit, handlers.onRemove].map((f) => vi.mocked(f).mock.calls.length)).toEqual([1, 1, 1]);
  });

  it('keeps New, Edit and Remove off until the lookup the dialogs need is ready, and offers to ask again when it failed', () => {
    const onRetry = vi.fn();
    const failed: ScreenState<string[]> = { kind: 'error', error: { code: 'INTERNAL', message: 'The categories could not be read.' } };
    view = render(<LibraryScreenFrame {...props({ lookup: { state: failed, onRetry } })} />);
    const alert = view.container.querySelector('.screen > [role="alert"]');
    expect(alert?.textContent).toBe('The categories could not be read. Try again');
    expect(toolbarButtons(view.container).every((b) => b.disabled)).toBe(true);
    const retry = alert?.querySelector('button');
    if (!retry) throw new Error('no Try again');
    click(retry);
    expect(onRetry).toHaveBeenCalledOnce();

    view.rerender(<LibraryScreenFrame {...props({ lookup: { state: { kind: 'ready', value: ['Residential'] }, onRetry } })} />);
    expect(view.container.querySelector('.screen > [role="alert"]')).toBeNull();
    expect(toolbarButtons(view.container).map((b) => b.disabled)).toEqual([false, false, false]);
  });

  it('turns the editing actions off without the permission, even with the lookup ready', () => {
    view = render(<LibraryScreenFrame {...props({ canEdit: false, lookup: { state: { kind: 'ready', value: [] }, onRetry: vi.fn() } })} />);
    expect(toolbarButtons(view.container).every((b) => b.disabled)).toBe(true);
  });

  it('renders the screen\'s own dialog, and the Remove confirmation with the library\'s note', () => {
    const onConfirmRemove = vi.fn();
    const onClose = vi.fn();
    const handlers = viewProps({ onConfirmRemove, onClose });
    view = render(
      <LibraryScreenFrame {...props({ view: handlers })}>
        <div role="dialog" aria-label="New District" />
      </LibraryScreenFrame>,
    );
    expect(view.container.querySelector('[role="dialog"]')?.getAttribute('aria-label')).toBe('New District');

    view.rerender(<LibraryScreenFrame {...props({ view: handlers, removing: { what: 'the district D01 (North)', problem: 'The district changed.', busy: false } })} />);
    const dialog = view.container.querySelector('[role="dialog"]');
    expect(dialog?.querySelector('h1')?.textContent).toBe('Remove the district D01 (North)?');
    expect(dialog?.querySelector('p')?.textContent).toBe('A district in use is kept and deactivated instead.');
    expect(dialog?.querySelector('[role="alert"]')?.textContent).toBe('The district changed.');
    const [remove, cancel] = [...(dialog?.querySelectorAll('button') ?? [])];
    if (!remove || !cancel) throw new Error('no Remove / Cancel');
    click(remove);
    click(cancel);
    expect(onConfirmRemove).toHaveBeenCalledOnce();
    expect(onClose).toHaveBeenCalledOnce();
  });
});
