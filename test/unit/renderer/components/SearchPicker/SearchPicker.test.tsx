import { act, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../../../shared/errors/result';
import { SearchPicker } from '../../../../../renderer/components/SearchPicker/SearchPicker';
import { usePicker, type PickerOption } from '../../../../../renderer/components/SearchPicker/usePicker';
import { press, render, type Rendered } from '../../render';

const CUSTOMERS: PickerOption[] = Array.from({ length: 30 }, (_, i) => ({ id: `c${i + 1}`, label: `${String(i + 1).padStart(4, '0')} ${i % 2 ? 'Lili' : 'Bule'} ${i + 1}`, detail: 'Residential' }));

/** Stands in for main: searches every customer, answers the first 20 and the total. */
function fakeMain(asked: string[]) {
  return async (search: string): Promise<Result<{ options: PickerOption[]; total: number }>> => {
    asked.push(search);
    const found = CUSTOMERS.filter((c) => c.label.toLowerCase().includes(search.toLowerCase()));
    return { ok: true, value: { options: found.slice(0, 20), total: found.length } };
  };
}

function Harness({ asked, outerKeys }: { asked: string[]; outerKeys: string[] }) {
  const picker = usePicker({ load: fakeMain(asked), debounceMs: 0 });
  const [chosen, setChosen] = useState<PickerOption | null>(null);
  return (
    <div onKeyDown={(event) => outerKeys.push(event.key)}>
      <SearchPicker id="customer" label="Customer" picker={picker} selectedLabel={chosen?.label ?? ''} onChoose={setChosen} />
      <output id="chosen">{chosen?.id ?? ''}</output>
    </div>
  );
}

const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 5)));

function type(input: HTMLInputElement, text: string) {
  act(() => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    setter?.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

let view: Rendered | null = null;
afterEach(() => view?.unmount());

describe('SearchPicker', () => {
  it('searches main as the operator types, and chooses with the keyboard', async () => {
    const asked: string[] = [];
    const outerKeys: string[] = [];
    view = render(<Harness asked={asked} outerKeys={outerKeys} />);
    const input = view.container.querySelector<HTMLInputElement>('input[role="combobox"]');
    if (!input) throw new Error('no combobox');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(view.container.querySelector('label')?.textContent).toBe('Customer');

    press(input, 'ArrowDown');
    await settle();
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(asked).toEqual(['']);
    expect(view.container.querySelectorAll('[role="option"]').length).toBe(20);
    expect(view.container.querySelector('[role="status"]')?.textContent).toBe('20 of 30 shown: type more to narrow them.');

    type(input, 'lili 2');
    await settle();
    expect(asked.at(-1)).toBe('lili 2');
    const options = [...view.container.querySelectorAll('[role="option"]')].map((o) => o.textContent);
    expect(options).toEqual(['0002 Lili 2Residential', '0020 Lili 20Residential', '0022 Lili 22Residential', '0024 Lili 24Residential', '0026 Lili 26Residential', '0028 Lili 28Residential']);
    press(input, 'ArrowDown');
    expect(input.getAttribute('aria-activedescendant')).toBe('customer-option-c20');
    press(input, 'Enter');
    expect(view.container.querySelector('#chosen')?.textContent).toBe('c20');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.value).toBe('0020 Lili 20');
  });

  it('closes with Escape without choosing, and keeps the Escape from the dialog around it', async () => {
    const asked: string[] = [];
    const outerKeys: string[] = [];
    view = render(<Harness asked={asked} outerKeys={outerKeys} />);
    const input = view.container.querySelector<HTMLInputElement>('input[role="combobox"]');
    if (!input) throw new Error('no combobox');
    type(input, 'bule');
    await settle();
    expect(input.getAttribute('aria-expanded')).toBe('true');
    press(input, 'Escape');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(view.container.querySelector('#chosen')?.textContent).toBe('');
    expect(outerKeys).not.toContain('Escape');
    press(input, 'Escape');
    expect(outerKeys).toContain('Escape');
  });
});
