import { useState } from 'react';
import type { UserRow } from '../../../shared/ipc/access-schemas';
import { Dialog } from '../../components/Dialog';
import { Message, SelectField } from '../../components/Fields';

/** Reset Password's question (props only): the user's passwords stop working at once. */
export function ResetPasswordDialog(props: Readonly<{ row: UserRow; problem: string | null; busy: boolean; onConfirm: () => void; onCancel: () => void }>) {
  return (
    <Dialog id="reset-dialog" title={`Reset the password of ${props.row.loginId}?`} onCancel={props.onCancel}>
      {props.problem ? <Message kind="error">{props.problem}</Message> : null}
      <p>
        {props.row.name}'s login and vend passwords stop working now, and any open session of theirs ends. You get a one-time temporary password to give them; it
        also clears their locks.
      </p>
      <div className="form-actions">
        <button type="button" className="primary" onClick={props.onConfirm} disabled={props.busy}>
          {props.busy ? 'Resetting…' : 'Reset Password'}
        </button>
        <button type="button" onClick={props.onCancel} disabled={props.busy}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}

const WHICH_LABEL = { both: 'Login and vend password', login: 'Login only', vend: 'Vend password only' } as const;
export type UnlockWhich = keyof typeof WHICH_LABEL;

/** Unlock (props only): which lock to clear; the locked one(s) preselected. */
export function UnlockDialog(props: Readonly<{ row: UserRow; problem: string | null; busy: boolean; onConfirm: (which: UnlockWhich) => void; onCancel: () => void }>) {
  const initial: UnlockWhich = props.row.loginLocked && !props.row.vendLocked ? 'login' : props.row.vendLocked && !props.row.loginLocked ? 'vend' : 'both';
  const [which, setWhich] = useState<UnlockWhich>(initial);
  const locked = [props.row.loginLocked ? 'the login' : null, props.row.vendLocked ? 'the vend password' : null].filter(Boolean).join(' and ');
  return (
    <Dialog id="unlock-dialog" title={`Unlock ${props.row.loginId}`} onCancel={props.onCancel}>
      {props.problem ? <Message kind="error">{props.problem}</Message> : null}
      <p>{locked ? `${props.row.name}: ${locked} ${props.row.loginLocked && props.row.vendLocked ? 'are' : 'is'} locked after too many wrong attempts.` : `${props.row.name} has no lock now.`}</p>
      <SelectField id="unlock-which" label="Unlock" value={which} onChange={(value) => setWhich(value as UnlockWhich)} options={(Object.keys(WHICH_LABEL) as UnlockWhich[]).map((k) => ({ value: k, label: WHICH_LABEL[k] }))} disabled={props.busy} />
      <div className="form-actions">
        <button type="button" className="primary" onClick={() => props.onConfirm(which)} disabled={props.busy}>
          {props.busy ? 'Unlocking…' : 'Unlock'}
        </button>
        <button type="button" onClick={props.onCancel} disabled={props.busy}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
