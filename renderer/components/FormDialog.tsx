import type { FormEvent, ReactNode } from 'react';
import { Dialog } from './Dialog';
import { Message } from './Fields';

/**
 * A New/Edit dialog's frame (props only), as every library dialog repeated it: main's last answer above the form, the
 * screen's fields, then Save (the form's submit, so Enter in a field saves) and Cancel, both off while the save runs.
 * The fields' own checks are the screen's; `noValidate` keeps the browser's bubbles out of the way of them.
 */
export interface FormDialogProps {
  id: string;
  title: string;
  /** Main's sentence when the last save failed. */
  problem: string | null;
  busy: boolean;
  onSave: () => void;
  onCancel: () => void;
  /** The Save button's text when it is not "Save" (e.g. "Skip them and save"); "Saving…" while busy either way. */
  saveLabel?: string;
  wide?: boolean;
  /** The fields, and anything else shown above Save and Cancel. */
  children: ReactNode;
}

export function FormDialog(props: Readonly<FormDialogProps>) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSave();
  };
  return (
    <Dialog id={props.id} title={props.title} onCancel={props.onCancel} wide={props.wide}>
      {props.problem ? <Message kind="error">{props.problem}</Message> : null}
      <form onSubmit={submit} noValidate>
        {props.children}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={props.busy}>
            {props.busy ? 'Saving…' : (props.saveLabel ?? 'Save')}
          </button>
          <button type="button" onClick={props.onCancel} disabled={props.busy}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
