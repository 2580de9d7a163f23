import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../../../shared/errors/result';
import type { ListResponse } from '../../../../../shared/ipc/list';
import { useLibraryGrid, type GridRequest, type LibraryGridState } from '../../../../../renderer/components/LibraryGrid/useLibraryGrid';
import { render, type Rendered } from '../../render';

/**
 * V2: `pending` says the rows on screen do not yet answer what is in the search box (typed, debouncing, asked, or
 * answered for an older request), so the Top-up Center never opens the previous row for a cashier who typed ahead.
 */
type Row = { id: string };
type Answer = (rows: Row[]) => void;

let view: Rendered | null = null;
afterEach(() => view?.unmount());

describe('useLibraryGrid pending', () => {
  it('is true from the first key typed until the answer to that search has arrived, in every render between', async () => {
    const waiting: Array<{ request: GridRequest<never>; answer: Answer }> = [];
    const seen: Array<{ pending: boolean; search: string; rows: string }> = [];
    let grid: LibraryGridState<Row, never> | null = null;
    function Probe() {
      const state = useLibraryGrid<Row, never>({
        debounceMs: 0,
        load: (request) =>
          new Promise<Result<ListResponse<Row>>>((resolve) => {
            waiting.push({ request, answer: (rows) => resolve({ ok: true, value: { rows, total: rows.length, page: 1, pageSize: 20, pageCount: 1 } }) });
          }),
      });
      grid = state;
      seen.push({ pending: state.pending, search: state.searchText, rows: state.rows.map((r) => r.id).join(',') });
      return null;
    }
    view = render(<Probe />);
    expect(grid).not.toBeNull();
    await act(async () => waiting.shift()?.answer([{ id: 'lili' }, { id: 'bule' }]));
    expect(seen.at(-1)).toEqual({ pending: false, search: '', rows: 'lili,bule' });

    seen.length = 0;
    act(() => grid?.setSearchText('bule'));
    await act(async () => new Promise((resolve) => setTimeout(resolve, 5)));
    expect(waiting).toHaveLength(1);
    // every render that still shows the old rows says pending
    expect(seen.filter((s) => s.rows === 'lili,bule').every((s) => s.pending)).toBe(true);
    await act(async () => waiting.shift()?.answer([{ id: 'bule' }]));
    expect(seen.at(-1)).toEqual({ pending: false, search: 'bule', rows: 'bule' });
  });
});
