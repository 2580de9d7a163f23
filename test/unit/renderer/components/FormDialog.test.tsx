import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FormDialog } from '../../../../renderer/components/FormDialog';
import { click, render, type Rendered } from '../render';

/** The New/Edit dialogs' frame: main's sentence, the fields, Save as the form's submit, Cancel; both off while saving. */
let view: Rendered | null = null;
afterEach(() => view?.unmount());

function buttons(container: HTMLElement): { text: string | null; disabled: boolean }[] {
  return [...container.querySelectorAll<HTMLButtonElement>('.form-actions button')].map((b) => ({ text: b.textContent, disabled: b.disabled }));
}

describe('the form dialog', () => {
  it('shows the title, the fields with the focus in the first, and saves when the form is submitted (Enter)', () => {
    const onSave = vi.fn();
    const onCancel = vi.fn();
    view = render(
      <FormDialog id="district-dialog" title="New district" problem={null} busy={false} onSave={onSave} onCancel={onCancel}>
        <input id="district-code" aria-label="Code" />
      </FormDialog>,
    );
    const dialog = view.container.querySelector('[role="dialog"]');
    expect(dialog?.getAttribute('aria-labelledby')).toBe('district-dialog-title');
    expect(view.container.querySelector('#district-dialog-title')?.textContent).toBe('New district');
    expect(document.activeElement?.id).toBe('district-code');
    expect(view.container.querySelector('[role="alert"]')).toBeNull();
    expect(buttons(view.container)).toEqual([{ text: 'Save', disabled: false }, { text: 'Cancel', disabled: false }]);
    const form = view.container.querySelector('form');
    act(() => {
      form?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(onSave).toHaveBeenCalledOnce();
    const cancel = view.container.querySelector<HTMLButtonElement>('.form-actions button[type="button"]');
    if (!cancel) throw new Error('no Cancel');
    click(cancel);
    expect(onCancel).toHaveBeenCalledOnce();
  });

  it('shows main\'s sentence, its own Save text, and turns both buttons off while the save runs', () => {
    const props = { id: 'meter-range-dialog', title: 'New meters (Id Range)', onSave: vi.fn(), onCancel: vi.fn(), saveLabel: 'Skip them and save' };
    view = render(
      <FormDialog {...props} problem="The meter 58000000010 is already in the library." busy={false}>
        <p>fields</p>
      </FormDialog>,
    );
    expect(view.container.querySelector('[role="alert"]')?.textContent).toBe('The meter 58000000010 is already in the library.');
    expect(buttons(view.container)[0]).toEqual({ text: 'Skip them and save', disabled: false });
    view.rerender(
      <FormDialog {...props} problem={null} busy>
        <p>fields</p>
      </FormDialog>,
    );
    expect(buttons(view.container)).toEqual([{ text: 'Saving…', disabled: true }, { text: 'Cancel', disabled: true }]);
  });
});
