import { describe, expect, it } from 'vitest';
import { pickerKeyAction } from '../../../../../renderer/components/SearchPicker/picker-keys';

describe('the search picker keyboard', () => {
  const open = (activeIndex: number | null, optionCount = 3) => ({ open: true, optionCount, activeIndex });
  it('opens with Down, moves within the options and chooses with Enter', () => {
    expect(pickerKeyAction('ArrowDown', { open: false, optionCount: 0, activeIndex: null })).toEqual({ type: 'open' });
    expect(pickerKeyAction('ArrowDown', open(null))).toEqual({ type: 'highlight', index: 0 });
    expect(pickerKeyAction('ArrowDown', open(2))).toEqual({ type: 'highlight', index: 2 });
    expect(pickerKeyAction('ArrowUp', open(0))).toEqual({ type: 'highlight', index: 0 });
    expect(pickerKeyAction('ArrowUp', open(null))).toEqual({ type: 'highlight', index: 2 });
    expect(pickerKeyAction('End', open(0))).toEqual({ type: 'highlight', index: 2 });
    expect(pickerKeyAction('Home', open(2))).toEqual({ type: 'highlight', index: 0 });
    expect(pickerKeyAction('Enter', open(1))).toEqual({ type: 'choose', index: 1 });
  });

  it('leaves Enter to the form when nothing is highlighted, and closes with Escape (kept) or Tab (moving on)', () => {
    expect(pickerKeyAction('Enter', { open: false, optionCount: 3, activeIndex: 1 })).toBeNull();
    expect(pickerKeyAction('Enter', open(null))).toBeNull();
    expect(pickerKeyAction('Escape', open(1))).toEqual({ type: 'close', keepFocus: true });
    expect(pickerKeyAction('Escape', { open: false, optionCount: 3, activeIndex: null })).toBeNull();
    expect(pickerKeyAction('Tab', open(1))).toEqual({ type: 'close', keepFocus: false });
    expect(pickerKeyAction('a', open(1))).toBeNull();
    expect(pickerKeyAction('ArrowDown', open(null, 0))).toBeNull();
  });
});
