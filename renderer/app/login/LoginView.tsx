import type { FormEvent } from 'react';
import { Message, TextField } from '../../components/Fields';

export interface LoginViewProps {
  companyName: string | null;
  station: string | null;
  userId: string;
  password: string;
  notice: string | null;
  error: string | null;
  busy: boolean;
  onUserId: (value: string) => void;
  onPassword: (value: string) => void;
  onSubmit: () => void;
}

/** The sign-in form (props only). */
export function LoginView(props: Readonly<LoginViewProps>) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit();
  };
  return (
    <main className="page-centre">
      <form className="card" onSubmit={submit} noValidate aria-labelledby="login-title">
        <div className="card-brand">TokenTill</div>
        <h1 id="login-title">Sign in</h1>
        <p className="lead">
          {props.companyName ?? ''}
          {props.station ? <span className="muted"> · Station {props.station}</span> : null}
        </p>
        {props.notice ? <Message kind="notice">{props.notice}</Message> : null}
        {props.error ? <Message kind="error">{props.error}</Message> : null}
        <TextField id="login-user" label="User id" value={props.userId} onChange={props.onUserId} autoComplete="username" autoFocus disabled={props.busy} maxLength={40} />
        <TextField id="login-password" label="Password" type="password" value={props.password} onChange={props.onPassword} autoComplete="current-password" disabled={props.busy} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={props.busy}>
            {props.busy ? 'Signing in…' : 'Sign in'}
          </button>
        </div>
      </form>
    </main>
  );
}
