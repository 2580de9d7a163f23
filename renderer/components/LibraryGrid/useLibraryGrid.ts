import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppError, Result } from '../../../shared/errors/result';
import { DEFAULT_PAGE_SIZE, type ListResponse, type PageSize, type SortDirection } from '../../../shared/ipc/list';

/**
 * The state behind a library grid: what is asked (keyword, page, page size, sort), what came back, which row is
 * selected. The screen hands in `load`, which calls its `<library>.list` channel: the search runs in main over all
 * rows. Typing is debounced; an answer to an older request is dropped when a newer one was sent.
 */
export interface GridSort<S extends string> {
  column: S;
  direction: SortDirection;
}

export interface GridRequest<S extends string> {
  search: string;
  page: number;
  pageSize: PageSize;
  sort: GridSort<S> | null;
}

export type GridLoad<Row, S extends string> = (request: GridRequest<S>) => Promise<Result<ListResponse<Row>>>;

export interface LibraryGridState<Row, S extends string> {
  rows: readonly Row[];
  total: number;
  page: number;
  pageSize: PageSize;
  pageCount: number;
  sort: GridSort<S> | null;
  /** What is in the search box (the request follows it after the debounce). */
  searchText: string;
  loading: boolean;
  /** A load is running or the search box holds text not yet asked for (the rows may not match what is typed). */
  pending: boolean;
  error: AppError | null;
  selectedIndex: number | null;
  selectedRow: Row | null;
  setSearchText(text: string): void;
  goToPage(page: number, select?: 'first' | 'last'): void;
  setPageSize(size: PageSize): void;
  /** A click on a column header: ascending first, then descending. */
  toggleSort(column: S): void;
  select(index: number | null): void;
  reload(): void;
}

/**
 * The grid state's half of LibraryGrid's props (rows, paging, sort, search box, selection, reload), for spreading
 * into the grid: every screen wired these sixteen props the same way. A screen overrides one by naming it after.
 */
export function gridStateProps<Row, S extends string>(grid: LibraryGridState<Row, S>) {
  return {
    rows: grid.rows,
    total: grid.total,
    page: grid.page,
    pageSize: grid.pageSize,
    pageCount: grid.pageCount,
    sort: grid.sort,
    searchText: grid.searchText,
    loading: grid.loading,
    problem: grid.error?.message ?? null,
    selectedIndex: grid.selectedIndex,
    onSearchText: grid.setSearchText,
    onPage: grid.goToPage,
    onPageSize: grid.setPageSize,
    onSort: grid.toggleSort,
    onSelect: grid.select,
    onReload: grid.reload,
  };
}

export function useLibraryGrid<Row, S extends string>(options: { load: GridLoad<Row, S>; debounceMs?: number; initialSort?: GridSort<S> | null }): LibraryGridState<Row, S> {
  const debounceMs = options.debounceMs ?? 250;
  const loadRef = useRef(options.load);
  loadRef.current = options.load;
  const [request, setRequest] = useState<GridRequest<S>>({ search: '', page: 1, pageSize: DEFAULT_PAGE_SIZE, sort: options.initialSort ?? null });
  const [searchText, setSearchTextState] = useState('');
  const [generation, setGeneration] = useState(0);
  const [response, setResponse] = useState<ListResponse<Row> | null>(null);
  const [loading, setLoading] = useState(true);
  const [answered, setAnswered] = useState<GridRequest<S> | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [selectedIndex, setSelectedIndex] = useState<number | null>(null);
  const pendingSelect = useRef<'first' | 'last' | 'keep'>('first');
  const sequence = useRef(0);

  useEffect(() => {
    const mine = ++sequence.current;
    setLoading(true);
    void loadRef.current(request).then((result) => {
      if (mine !== sequence.current) return;
      setLoading(false);
      setAnswered(request);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setError(null);
      setResponse(result.value);
      const count = result.value.rows.length;
      const wanted = pendingSelect.current;
      pendingSelect.current = 'keep';
      setSelectedIndex((current) => {
        if (count === 0) return null;
        if (wanted === 'last') return count - 1;
        if (wanted === 'first' || current === null) return 0;
        return Math.min(current, count - 1);
      });
    });
  }, [request, generation]);

  useEffect(() => {
    if (searchText === request.search) return;
    const timer = setTimeout(() => {
      pendingSelect.current = 'first';
      setRequest((r) => ({ ...r, search: searchText, page: 1 }));
    }, debounceMs);
    return () => clearTimeout(timer);
  }, [searchText, request.search, debounceMs]);

  const goToPage = useCallback((page: number, select: 'first' | 'last' = 'first') => {
    pendingSelect.current = select;
    setRequest((r) => ({ ...r, page: Math.max(1, page) }));
  }, []);
  const setPageSize = useCallback((pageSize: PageSize) => {
    pendingSelect.current = 'first';
    setRequest((r) => ({ ...r, pageSize, page: 1 }));
  }, []);
  const toggleSort = useCallback((column: S) => {
    pendingSelect.current = 'first';
    setRequest((r) => ({
      ...r,
      page: 1,
      sort: r.sort?.column === column && r.sort.direction === 'asc' ? { column, direction: 'desc' } : { column, direction: 'asc' },
    }));
  }, []);
  const reload = useCallback(() => {
    pendingSelect.current = 'keep';
    setGeneration((g) => g + 1);
  }, []);

  const rows = useMemo(() => response?.rows ?? [], [response]);
  return {
    rows,
    total: response?.total ?? 0,
    page: response?.page ?? request.page,
    pageSize: response?.pageSize ?? request.pageSize,
    pageCount: response?.pageCount ?? 1,
    sort: request.sort,
    searchText,
    loading,
    pending: loading || answered !== request || searchText !== request.search,
    error,
    selectedIndex,
    selectedRow: selectedIndex === null ? null : (rows[selectedIndex] ?? null),
    setSearchText: setSearchTextState,
    goToPage,
    setPageSize,
    toggleSort,
    select: setSelectedIndex,
    reload,
  };
}
