import type { FormEvent } from 'react';
import { Message, TextField } from '../../components/Fields';
import { PASSWORD_HINT, type FirstPasswordsErrors, type FirstPasswordsFields } from '../password-form';

/** Choose your own passwords (props only): shown instead of the shell while a reset password must be changed. */
export interface FirstPasswordsViewProps {
  name: string;
  userId: string;
  fields: FirstPasswordsFields;
  errors: FirstPasswordsErrors;
  problem: string | null;
  busy: boolean;
  onChange: (patch: Partial<FirstPasswordsFields>) => void;
  onSave: () => void;
  onSignOut: () => void;
}

export function FirstPasswordsView(props: Readonly<FirstPasswordsViewProps>) {
  const { fields, errors } = props;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSave();
  };
  return (
    <main className="page-centre">
      <form className="card" onSubmit={submit} noValidate aria-labelledby="first-passwords-title">
        <div className="card-brand">TokenTill</div>
        <h1 id="first-passwords-title">Choose your passwords</h1>
        <p className="lead">
          {props.name} ({props.userId}): your password was set by an administrator. Choose your own login password and vend password now; nothing
          else opens until you do.
        </p>
        {props.problem ? <Message kind="error">{props.problem}</Message> : null}
        <TextField id="first-temporary" label="Temporary password" type="password" value={fields.temporary} onChange={(temporary) => props.onChange({ temporary })} error={errors.temporary} autoComplete="current-password" autoFocus disabled={props.busy} />
        <TextField id="first-login" label="New login password" type="password" value={fields.login} onChange={(login) => props.onChange({ login })} error={errors.login} hint={PASSWORD_HINT} autoComplete="new-password" disabled={props.busy} />
        <TextField id="first-login-confirm" label="New login password again" type="password" value={fields.loginConfirm} onChange={(loginConfirm) => props.onChange({ loginConfirm })} error={errors.loginConfirm} autoComplete="new-password" disabled={props.busy} />
        <TextField id="first-vend" label="New vend password" type="password" value={fields.vend} onChange={(vend) => props.onChange({ vend })} error={errors.vend} hint="Asked before every vend; it must differ from the login password." autoComplete="new-password" disabled={props.busy} />
        <TextField id="first-vend-confirm" label="New vend password again" type="password" value={fields.vendConfirm} onChange={(vendConfirm) => props.onChange({ vendConfirm })} error={errors.vendConfirm} autoComplete="new-password" disabled={props.busy} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={props.busy}>
            {props.busy ? 'Saving…' : 'Save passwords'}
          </button>
          <button type="button" onClick={props.onSignOut} disabled={props.busy}>
            Sign out
          </button>
        </div>
      </form>
    </main>
  );
}
