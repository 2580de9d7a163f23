/**
 * The library grid's keyboard, as a pure function: arrows move the selection (past the last row of a page to the next
 * page, and back), Page Up/Down turn pages, Home/End jump to the first/last row, Enter opens the selected row for Edit,
 * Delete asks to remove it, and typing a character starts a search with it.
 */
export type GridKeyAction =
  | { type: 'select'; index: number }
  | { type: 'page'; page: number; select: 'first' | 'last' }
  | { type: 'open' }
  | { type: 'remove' }
  | { type: 'type'; text: string };

export interface GridKeyState {
  rowCount: number;
  selectedIndex: number | null;
  page: number;
  pageCount: number;
}

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

export function gridKeyAction(event: KeyLike, state: GridKeyState): GridKeyAction | null {
  const { rowCount, selectedIndex, page, pageCount } = state;
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  switch (event.key) {
    case 'ArrowDown':
      if (rowCount === 0) return null;
      if (selectedIndex === null) return { type: 'select', index: 0 };
      if (selectedIndex < rowCount - 1) return { type: 'select', index: selectedIndex + 1 };
      return page < pageCount ? { type: 'page', page: page + 1, select: 'first' } : null;
    case 'ArrowUp':
      if (rowCount === 0) return null;
      if (selectedIndex === null) return { type: 'select', index: rowCount - 1 };
      if (selectedIndex > 0) return { type: 'select', index: selectedIndex - 1 };
      return page > 1 ? { type: 'page', page: page - 1, select: 'last' } : null;
    case 'PageDown':
      return page < pageCount ? { type: 'page', page: page + 1, select: 'first' } : rowCount > 0 ? { type: 'select', index: rowCount - 1 } : null;
    case 'PageUp':
      return page > 1 ? { type: 'page', page: page - 1, select: 'first' } : rowCount > 0 ? { type: 'select', index: 0 } : null;
    case 'Home':
      return rowCount > 0 ? { type: 'select', index: 0 } : null;
    case 'End':
      return rowCount > 0 ? { type: 'select', index: rowCount - 1 } : null;
    case 'Enter':
      return selectedIndex !== null ? { type: 'open' } : null;
    case 'Delete':
      return selectedIndex !== null ? { type: 'remove' } : null;
    default:
      // One printable character (a letter, digit, space, symbol): it goes to the search box.
      return [...event.key].length === 1 ? { type: 'type', text: event.key } : null;
  }
}
