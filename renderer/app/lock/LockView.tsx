import { useLayoutEffect, useRef, type FormEvent } from 'react';
import { Message, TextField } from '../../components/Fields';

export interface LockViewProps {
  operator: string;
  idleMinutes: number | null;
  password: string;
  error: string | null;
  busy: boolean;
  onPassword: (value: string) => void;
  onUnlock: () => void;
  onSignOut: () => void;
}

/** The lock over the shell (props only): a modal dialog asking the signed-in operator's password again. */
export function LockView(props: Readonly<LockViewProps>) {
  const dialogRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    dialogRef.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onUnlock();
  };
  return (
    <div className="lock-backdrop">
      <div className="card lock-card" role="dialog" aria-modal="true" aria-labelledby="lock-title" aria-describedby="lock-text" ref={dialogRef}>
        <h1 id="lock-title">Session locked</h1>
        <p id="lock-text">
          {props.idleMinutes !== null ? `Locked after ${props.idleMinutes} minutes without activity. ` : 'This session is locked. '}
          Your open screens are kept. Enter the password of <strong>{props.operator}</strong> to continue.
        </p>
        {props.error ? <Message kind="error">{props.error}</Message> : null}
        <form onSubmit={submit} noValidate>
          <TextField id="lock-password" label="Password" type="password" value={props.password} onChange={props.onPassword} autoComplete="current-password" disabled={props.busy} />
          <div className="form-actions">
            <button type="submit" className="primary" disabled={props.busy}>
              {props.busy ? 'Unlocking…' : 'Unlock'}
            </button>
            <button type="button" onClick={props.onSignOut} disabled={props.busy}>
              Sign out
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
