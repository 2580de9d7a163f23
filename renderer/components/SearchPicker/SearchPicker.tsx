import type { KeyboardEvent } from 'react';
import { pickerKeyAction } from './picker-keys';
import type { PickerOption, PickerState } from './usePicker';
import './search-picker.css';

/**
 * A labelled field that picks one row of a big library by keyword (props only): the ARIA combobox pattern. Typing
 * searches in main (the screen's hook calls the library's list channel); Down opens the list with the first rows,
 * Up/Down/Home/End move, Enter chooses, Escape closes without choosing (and does not close the dialog around it).
 * Closed, the field shows the chosen row.
 */
export interface SearchPickerProps {
  id: string;
  label: string;
  picker: PickerState;
  /** What is chosen, as the field shows it ('' when nothing is). */
  selectedLabel: string;
  onChoose: (option: PickerOption) => void;
  placeholder?: string;
  error?: string | undefined;
  hint?: string | undefined;
  disabled?: boolean;
}

export function SearchPicker(props: Readonly<SearchPickerProps>) {
  const { picker, id } = props;
  const listId = `${id}-options`;
  const statusId = `${id}-status`;
  const errorId = props.error ? `${id}-error` : undefined;
  const hintId = props.hint ? `${id}-hint` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  const active = picker.activeIndex === null ? undefined : picker.options[picker.activeIndex];

  const choose = (option: PickerOption) => {
    props.onChoose(option);
    picker.close();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const action = pickerKeyAction(event.key, { open: picker.open, optionCount: picker.options.length, activeIndex: picker.activeIndex });
    if (!action) return;
    switch (action.type) {
      case 'open':
        event.preventDefault();
        picker.openList();
        break;
      case 'highlight':
        event.preventDefault();
        picker.highlight(action.index);
        break;
      case 'choose': {
        event.preventDefault();
        const option = picker.options[action.index];
        if (option) choose(option);
        break;
      }
      case 'close':
        if (action.keepFocus) {
          event.preventDefault();
          event.stopPropagation();
        }
        picker.close();
        break;
    }
  };

  const status = picker.problem
    ? picker.problem.message
    : picker.loading
      ? 'Searching…'
      : picker.options.length === 0
        ? 'Nothing matches the key word.'
        : picker.total > picker.options.length
          ? `${picker.options.length} of ${picker.total} shown: type more to narrow them.`
          : `${picker.total} found.`;

  return (
    <div className={props.error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{props.label}</label>
      <div className="field-control search-picker">
        <input
          id={id}
          type="text"
          role="combobox"
          aria-expanded={picker.open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={picker.open && active ? `${id}-option-${active.id}` : undefined}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy}
          value={picker.open ? picker.text : props.selectedLabel}
          placeholder={props.placeholder ?? 'Type to search, or press Down'}
          onChange={(event) => picker.setText(event.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => picker.open && picker.close()}
          disabled={props.disabled}
          autoComplete="off"
          spellCheck={false}
        />
        {picker.open ? (
          <div className="search-picker-popup">
            <ul id={listId} role="listbox" aria-label={props.label} className="search-picker-list">
              {picker.options.map((option, index) => (
                <li
                  key={option.id}
                  id={`${id}-option-${option.id}`}
                  role="option"
                  aria-selected={index === picker.activeIndex}
                  className={index === picker.activeIndex ? 'search-picker-option search-picker-active' : 'search-picker-option'}
                  onMouseDown={(event) => event.preventDefault()}
                  onMouseEnter={() => picker.highlight(index)}
                  onClick={() => choose(option)}
                >
                  <span>{option.label}</span>
                  {option.detail ? <span className="search-picker-detail">{option.detail}</span> : null}
                </li>
              ))}
            </ul>
            <div id={statusId} role="status" className="search-picker-status">
              {status}
            </div>
          </div>
        ) : null}
        {props.error ? (
          <div id={errorId} className="field-error">
            {props.error}
          </div>
        ) : null}
        {props.hint ? (
          <div id={hintId} className="field-hint">
            {props.hint}
          </div>
        ) : null}
      </div>
    </div>
  );
}
