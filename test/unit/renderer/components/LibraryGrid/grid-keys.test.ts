import { describe, expect, it } from 'vitest';
import { gridKeyAction } from '../../../../../renderer/components/LibraryGrid/grid-keys';

const at = (selectedIndex: number | null, page = 1, pageCount = 3, rowCount = 20) => ({ rowCount, selectedIndex, page, pageCount });

describe('the grid keyboard', () => {
  it('moves the selection with the arrows, across page ends', () => {
    expect(gridKeyAction({ key: 'ArrowDown' }, at(null))).toEqual({ type: 'select', index: 0 });
    expect(gridKeyAction({ key: 'ArrowDown' }, at(4))).toEqual({ type: 'select', index: 5 });
    expect(gridKeyAction({ key: 'ArrowDown' }, at(19, 1))).toEqual({ type: 'page', page: 2, select: 'first' });
    expect(gridKeyAction({ key: 'ArrowDown' }, at(19, 3))).toBeNull();
    expect(gridKeyAction({ key: 'ArrowUp' }, at(0, 2))).toEqual({ type: 'page', page: 1, select: 'last' });
    expect(gridKeyAction({ key: 'ArrowUp' }, at(0, 1))).toBeNull();
    expect(gridKeyAction({ key: 'ArrowUp' }, at(3))).toEqual({ type: 'select', index: 2 });
    expect(gridKeyAction({ key: 'ArrowDown' }, at(null, 1, 1, 0))).toBeNull();
  });

  it('turns pages, jumps to the ends, opens with Enter and removes with Delete', () => {
    expect(gridKeyAction({ key: 'PageDown' }, at(3, 1))).toEqual({ type: 'page', page: 2, select: 'first' });
    expect(gridKeyAction({ key: 'PageUp' }, at(3, 2))).toEqual({ type: 'page', page: 1, select: 'first' });
    expect(gridKeyAction({ key: 'End' }, at(3))).toEqual({ type: 'select', index: 19 });
    expect(gridKeyAction({ key: 'Home' }, at(3))).toEqual({ type: 'select', index: 0 });
    expect(gridKeyAction({ key: 'Enter' }, at(3))).toEqual({ type: 'open' });
    expect(gridKeyAction({ key: 'Enter' }, at(null))).toBeNull();
    expect(gridKeyAction({ key: 'Delete' }, at(2))).toEqual({ type: 'remove' });
  });

  it('sends typed characters to the search box, but not shortcuts or named keys', () => {
    expect(gridKeyAction({ key: '5' }, at(0))).toEqual({ type: 'type', text: '5' });
    expect(gridKeyAction({ key: 'w' }, at(0))).toEqual({ type: 'type', text: 'w' });
    expect(gridKeyAction({ key: 'c', ctrlKey: true }, at(0))).toBeNull();
    expect(gridKeyAction({ key: 'Tab' }, at(0))).toBeNull();
    expect(gridKeyAction({ key: 'F5' }, at(0))).toBeNull();
  });
});
