import type { FormEvent } from 'react';
import { Message, TextField } from '../components/Fields';
import { PASSWORD_HINT, type NewPasswordErrors, type NewPasswordFields } from './password-form';

/**
 * The seed's password change form (props only): current password, new password, the new one again, Save. Used by
 * Login Password Change and Vend Password Change; `what` names the password in every label.
 */
export interface PasswordChangeFormProps {
  id: string;
  title: string;
  what: string;
  fields: NewPasswordFields;
  errors: NewPasswordErrors;
  problem: string | null;
  notice: string | null;
  busy: boolean;
  onChange: (patch: Partial<NewPasswordFields>) => void;
  onSave: () => void;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function PasswordChangeForm(props: Readonly<PasswordChangeFormProps>) {
  const { fields, errors, what } = props;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSave();
  };
  return (
    <div className="screen">
      <form className="card" onSubmit={submit} noValidate aria-labelledby={`${props.id}-title`}>
        <h1 id={`${props.id}-title`}>{props.title}</h1>
        {props.notice ? <Message kind="notice">{props.notice}</Message> : null}
        {props.problem ? <Message kind="error">{props.problem}</Message> : null}
        <TextField id={`${props.id}-current`} label={`Current ${what}`} type="password" value={fields.current} onChange={(current) => props.onChange({ current })} error={errors.current} autoComplete="current-password" disabled={props.busy} />
        <TextField id={`${props.id}-new`} label={`New ${what}`} type="password" value={fields.next} onChange={(next) => props.onChange({ next })} error={errors.next} hint={PASSWORD_HINT} autoComplete="new-password" disabled={props.busy} />
        <TextField id={`${props.id}-confirm`} label={`${capitalised(`new ${what}`)} again`} type="password" value={fields.confirm} onChange={(confirm) => props.onChange({ confirm })} error={errors.confirm} autoComplete="new-password" disabled={props.busy} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={props.busy}>
            {props.busy ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
    </div>
  );
}
