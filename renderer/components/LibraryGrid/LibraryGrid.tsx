import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { displayingText, PAGE_SIZES, pageText, type PageSize, type SortDirection } from '../../../shared/ipc/list';
import { gridKeyAction } from './grid-keys';
import './library-grid.css';

/**
 * The library grid, as the seed shows every library: a toolbar (New, Edit, Remove), the rows with sortable column
 * headers, and the footer (rows per page 20/50/100, first/previous/"Page 1 of 2"/next/last, the search box "Please
 * input the key word to search", and "Displaying 1 to 20 of 39 items"). Props only: the screen's hook
 * (useLibraryGrid) owns the data and calls main. Keyboard: arrows move the selection, Enter opens Edit, Delete asks to
 * remove, typing goes to the search box.
 */
export interface GridColumn<Row, S extends string> {
  key: string;
  label: string;
  /** The sort column this header sorts by, when it can sort. */
  sortKey?: S;
  align?: 'left' | 'right';
  render: (row: Row) => ReactNode;
}

export interface LibraryGridProps<Row, S extends string> {
  /** The grid's name, e.g. "Meter Library" (also the toolbar's and table's accessible name). */
  label: string;
  columns: ReadonlyArray<GridColumn<Row, S>>;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  total: number;
  page: number;
  pageSize: PageSize;
  pageCount: number;
  sort: { column: S; direction: SortDirection } | null;
  searchText: string;
  loading: boolean;
  /** A sentence to show above the rows (the last load failed). */
  problem: string | null;
  selectedIndex: number | null;
  /** Whether the operator may change the library (New, Edit and Remove are disabled otherwise). */
  canEdit: boolean;
  onSearchText: (text: string) => void;
  onPage: (page: number, select?: 'first' | 'last') => void;
  onPageSize: (size: PageSize) => void;
  onSort: (column: S) => void;
  onSelect: (index: number | null) => void;
  onNew: () => void;
  onEdit: () => void;
  onRemove: () => void;
  onReload: () => void;
  /** More toolbar buttons after New, Edit, Remove (e.g. the Meter Library's batch input). */
  extraActions?: ReactNode;
  /** A list nobody edits (S1's audit log): no New, Edit or Remove, and Enter and Delete do nothing. */
  readOnly?: boolean;
}

function sortMark(direction: SortDirection | null): string {
  if (direction === 'asc') return ' ▲';
  if (direction === 'desc') return ' ▼';
  return '';
}

export function LibraryGrid<Row, S extends string>(props: Readonly<LibraryGridProps<Row, S>>) {
  const searchRef = useRef<HTMLInputElement>(null);
  const { rows, selectedIndex, page, pageCount } = props;
  const idBase = `grid-${props.label.replace(/\W+/g, '-').toLowerCase()}`;
  const hasSelection = selectedIndex !== null && rows[selectedIndex] !== undefined;

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const action = gridKeyAction(event, { rowCount: rows.length, selectedIndex, page, pageCount });
    if (!action) return;
    event.preventDefault();
    switch (action.type) {
      case 'select':
        props.onSelect(action.index);
        break;
      case 'page':
        props.onPage(action.page, action.select);
        break;
      case 'open':
        if (props.canEdit && !props.readOnly) props.onEdit();
        break;
      case 'remove':
        if (props.canEdit && !props.readOnly) props.onRemove();
        break;
      case 'type':
        props.onSearchText(props.searchText + action.text);
        searchRef.current?.focus();
        break;
    }
  };

  return (
    <section className="library-grid" aria-label={props.label}>
      <div className="toolbar" role="toolbar" aria-label={`${props.label} actions`}>
        {props.readOnly ? null : (
          <>
            <button type="button" onClick={props.onNew} disabled={!props.canEdit}>
              New
            </button>
            <button type="button" onClick={props.onEdit} disabled={!props.canEdit || !hasSelection}>
              Edit
            </button>
            <button type="button" onClick={props.onRemove} disabled={!props.canEdit || !hasSelection}>
              Remove
            </button>
          </>
        )}
        {props.extraActions}
      </div>
      {props.problem ? (
        <div role="alert" className="message message-error">
          {props.problem}{' '}
          <button type="button" onClick={props.onReload}>
            Try again
          </button>
        </div>
      ) : null}
      <div className="library-grid-rows">
        <table
          role="grid"
          aria-label={props.label}
          aria-rowcount={props.total + 1}
          aria-busy={props.loading}
          aria-activedescendant={hasSelection ? `${idBase}-row-${selectedIndex}` : undefined}
          tabIndex={0}
          onKeyDown={onKeyDown}
          className="grid library-grid-table"
        >
          <thead>
            <tr>
              {props.columns.map((column) => {
                const direction = column.sortKey !== undefined && props.sort?.column === column.sortKey ? props.sort.direction : null;
                return (
                  <th
                    key={column.key}
                    scope="col"
                    className={column.align === 'right' ? 'num' : undefined}
                    aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : undefined}
                  >
                    {column.sortKey !== undefined ? (
                      <button type="button" className="grid-sort" onClick={() => column.sortKey !== undefined && props.onSort(column.sortKey)}>
                        {column.label}
                        {sortMark(direction)}
                      </button>
                    ) : (
                      column.label
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr
                key={props.rowKey(row)}
                id={`${idBase}-row-${index}`}
                aria-selected={index === selectedIndex}
                aria-rowindex={(page - 1) * props.pageSize + index + 2}
                className={index === selectedIndex ? 'grid-row-selected' : undefined}
                onClick={() => props.onSelect(index)}
                onDoubleClick={() => {
                  props.onSelect(index);
                  if (props.canEdit && !props.readOnly) props.onEdit();
                }}
              >
                {props.columns.map((column) => (
                  <td key={column.key} className={column.align === 'right' ? 'num' : undefined}>
                    {column.render(row)}
                  </td>
                ))}
              </tr>
            ))}
            {rows.length === 0 && !props.loading ? (
              <tr>
                <td colSpan={props.columns.length} className="grid-empty">
                  {props.searchText.trim() === '' ? 'No items yet.' : 'Nothing matches the key word.'}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <div className="grid-footer">
        <select aria-label="Rows per page" value={props.pageSize} onChange={(event) => props.onPageSize(Number(event.target.value) as PageSize)}>
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
        <button type="button" aria-label="First page" onClick={() => props.onPage(1)} disabled={page <= 1}>
          «
        </button>
        <button type="button" aria-label="Previous page" onClick={() => props.onPage(page - 1)} disabled={page <= 1}>
          ‹
        </button>
        <span className="grid-page">{pageText(page, pageCount)}</span>
        <button type="button" aria-label="Next page" onClick={() => props.onPage(page + 1)} disabled={page >= pageCount}>
          ›
        </button>
        <button type="button" aria-label="Last page" onClick={() => props.onPage(pageCount)} disabled={page >= pageCount}>
          »
        </button>
        <button type="button" aria-label="Reload" onClick={props.onReload}>
          ↻
        </button>
        <input
          ref={searchRef}
          type="search"
          className="grid-search"
          aria-label="Search"
          placeholder="Please input the key word to search"
          value={props.searchText}
          onChange={(event) => props.onSearchText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && props.searchText !== '') {
              event.preventDefault();
              props.onSearchText('');
            }
          }}
          spellCheck={false}
        />
        <span className="grid-displaying" role="status">
          {displayingText(page, props.pageSize, props.total)}
        </span>
      </div>
    </section>
  );
}
