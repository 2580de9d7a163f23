import type { TemporaryPasswordResult } from '../../../shared/ipc/access-schemas';
import { Dialog } from '../../components/Dialog';
import '../password.css';

/**
 * The one-time temporary password of a new user or a reset (props only). It is shown here once and nowhere else:
 * TokenTill keeps only its hash, and it stops working at its expiry or when the user chooses their own passwords.
 */
export function TemporaryPasswordDialog(props: Readonly<{ result: TemporaryPasswordResult; expiresText: string; reason: 'new' | 'reset'; onDone: () => void }>) {
  const { user, temporaryPassword, mode } = props.result;
  return (
    <Dialog id="temporary-password" title={props.reason === 'new' ? `User ${user.loginId} added` : `Password of ${user.loginId} reset`} onCancel={props.onDone}>
      <p>
        Give this temporary password to {user.name} ({user.loginId}). It is shown only now. At the first sign-in they must choose a new login password and a new
        vend password.
      </p>
      <dl className="temporary-password">
        <dt id="temporary-password-label">Temporary password</dt>
        <dd>
          <output aria-labelledby="temporary-password-label" className="token-digits">
            {temporaryPassword}
          </output>
        </dd>
        <dt>Valid until</dt>
        <dd>{props.expiresText}</dd>
      </dl>
      {mode === 'vendor' ? <p className="field-hint">This site's settings keep the vendor's 123456 as the reset password; the change at sign-in is still forced.</p> : null}
      <div className="form-actions">
        <button type="button" className="primary" onClick={props.onDone}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
