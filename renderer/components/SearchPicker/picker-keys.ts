/**
 * The search picker's keyboard, as a pure function: Down opens the list (or moves to the next option), Up moves back,
 * Home/End jump, Enter chooses the highlighted option, Escape closes the list without choosing, Tab closes it and moves
 * on. Typing is the input's own (it searches).
 */
export type PickerKeyAction =
  | { type: 'open' }
  | { type: 'highlight'; index: number }
  | { type: 'choose'; index: number }
  | { type: 'close'; keepFocus: boolean };

export interface PickerKeyState {
  open: boolean;
  optionCount: number;
  activeIndex: number | null;
}

export function pickerKeyAction(key: string, state: PickerKeyState): PickerKeyAction | null {
  const { open, optionCount, activeIndex } = state;
  switch (key) {
    case 'ArrowDown':
      if (!open) return { type: 'open' };
      if (optionCount === 0) return null;
      return { type: 'highlight', index: activeIndex === null ? 0 : Math.min(optionCount - 1, activeIndex + 1) };
    case 'ArrowUp':
      if (!open || optionCount === 0) return null;
      return { type: 'highlight', index: activeIndex === null ? optionCount - 1 : Math.max(0, activeIndex - 1) };
    case 'Home':
      return open && optionCount > 0 ? { type: 'highlight', index: 0 } : null;
    case 'End':
      return open && optionCount > 0 ? { type: 'highlight', index: optionCount - 1 } : null;
    case 'Enter':
      return open && activeIndex !== null && activeIndex < optionCount ? { type: 'choose', index: activeIndex } : null;
    case 'Escape':
      return open ? { type: 'close', keepFocus: true } : null;
    case 'Tab':
      return open ? { type: 'close', keepFocus: false } : null;
    default:
      return null;
  }
}
