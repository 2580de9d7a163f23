import { Dialog } from './Dialog';
import { Message } from './Fields';

/**
 * Asks before a library row is removed (props only). Main decides: a row that others point at (a meter that has had
 * tokens, a price an account uses) is deactivated instead, and the answer says so.
 */
export function RemoveDialog(props: Readonly<{ what: string; note: string; problem: string | null; busy: boolean; onConfirm: () => void; onCancel: () => void }>) {
  return (
    <Dialog id="remove-dialog" title={`Remove ${props.what}?`} onCancel={props.onCancel}>
      {props.problem ? <Message kind="error">{props.problem}</Message> : null}
      <p>{props.note}</p>
      <div className="form-actions">
        <button type="button" className="primary" onClick={props.onConfirm} disabled={props.busy}>
          {props.busy ? 'Removing…' : 'Remove'}
        </button>
        <button type="button" onClick={props.onCancel} disabled={props.busy}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
