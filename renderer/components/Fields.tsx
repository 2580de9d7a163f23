import type { ReactNode } from 'react';

/**
 * Labelled form fields: every input has a visible label tied to it, its hint and error are announced with it
 * (aria-describedby), and a field in error says so (aria-invalid). Presentational only.
 */
interface FieldFrameProps {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  children: (describedBy: string | undefined) => ReactNode;
}

function FieldFrame({ id, label, error, hint, children }: Readonly<FieldFrameProps>) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <div className="field-control">
        {children(describedBy)}
        {error ? (
          <div id={errorId} className="field-error">
            {error}
          </div>
        ) : null}
        {hint ? (
          <div id={hintId} className="field-hint">
            {hint}
          </div>
        ) : null}
      </div>
    </div>
  );
}

export interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'password' | 'number';
  error?: string | undefined;
  hint?: string | undefined;
  autoComplete?: string;
  autoFocus?: boolean;
  inputMode?: 'text' | 'numeric' | 'decimal';
  disabled?: boolean;
  maxLength?: number;
}

export function TextField(props: Readonly<TextFieldProps>) {
  return (
    <FieldFrame id={props.id} label={props.label} error={props.error} hint={props.hint}>
      {(describedBy) => (
        <input
          id={props.id}
          type={props.type ?? 'text'}
          value={props.value}
          onChange={(event) => props.onChange(event.target.value)}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy}
          autoComplete={props.autoComplete ?? 'off'}
          autoFocus={props.autoFocus}
          inputMode={props.inputMode}
          disabled={props.disabled}
          maxLength={props.maxLength}
          spellCheck={false}
        />
      )}
    </FieldFrame>
  );
}

export interface SelectFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: ReadonlyArray<{ value: string; label: string }>;
  error?: string | undefined;
  hint?: string | undefined;
  disabled?: boolean;
}

export function SelectField(props: Readonly<SelectFieldProps>) {
  return (
    <FieldFrame id={props.id} label={props.label} error={props.error} hint={props.hint}>
      {(describedBy) => (
        <select
          id={props.id}
          value={props.value}
          onChange={(event) => props.onChange(event.target.value)}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy}
          disabled={props.disabled}
        >
          {props.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

export interface CheckboxFieldProps {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
  disabled?: boolean;
}

export function CheckboxField(props: Readonly<CheckboxFieldProps>) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  return (
    <div className="field field-checkbox">
      <span />
      <div className="field-control">
        <label htmlFor={props.id} className="checkbox-label">
          <input
            id={props.id}
            type="checkbox"
            checked={props.checked}
            onChange={(event) => props.onChange(event.target.checked)}
            aria-describedby={hintId}
            disabled={props.disabled}
          />
          {props.label}
        </label>
        {props.hint ? (
          <div id={hintId} className="field-hint">
            {props.hint}
          </div>
        ) : null}
      </div>
    </div>
  );
}

/** A message the operator must read: errors are alerts (announced at once), notices are polite status. */
export function Message({ kind, children }: Readonly<{ kind: 'error' | 'notice'; children: ReactNode }>) {
  return kind === 'error' ? (
    <div role="alert" className="message message-error">
      {children}
    </div>
  ) : (
    <div role="status" className="message message-notice">
      {children}
    </div>
  );
}
