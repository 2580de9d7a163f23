import type { FormEvent } from 'react';
import { DISTRICT_FIELD_LABEL, type DistrictField } from '../../../shared/library/party-rules';
import { Dialog } from '../../components/Dialog';
import { CheckboxField, Message, TextField } from '../../components/Fields';
import type { FieldErrors } from '../useMasterLibrary';
import type { DistrictFormState } from './district-form';

/** The District Library's New and Edit dialog (props only). */
export interface DistrictDialogProps {
  form: DistrictFormState;
  errors: FieldErrors<DistrictField>;
  problem: string | null;
  busy: boolean;
  onChange: (patch: Partial<DistrictFormState>) => void;
  onSave: () => void;
  onCancel: () => void;
}

export function DistrictDialog(props: Readonly<DistrictDialogProps>) {
  const { form, errors } = props;
  const L = DISTRICT_FIELD_LABEL;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSave();
  };
  return (
    <Dialog id="district-dialog" title={form.mode === 'new' ? 'New district' : `Edit district (version ${form.version ?? ''})`} onCancel={props.onCancel}>
      {props.problem ? <Message kind="error">{props.problem}</Message> : null}
      <form onSubmit={submit} noValidate>
        <TextField id="district-code" label={L.code} value={form.code} onChange={(code) => props.onChange({ code })} error={errors.code} maxLength={12} hint="1 to 12 letters, digits or dashes, such as D02." />
        <TextField id="district-name" label={L.name} value={form.name} onChange={(name) => props.onChange({ name })} error={errors.name} maxLength={80} />
        <TextField id="district-description" label={L.description} value={form.description} onChange={(description) => props.onChange({ description })} error={errors.description} maxLength={200} hint="For example: residential zone, industrial area." />
        {form.mode === 'edit' ? <CheckboxField id="district-active" label="Active" checked={form.active} onChange={(active) => props.onChange({ active })} /> : null}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={props.busy}>
            {props.busy ? 'Saving…' : 'Save'}
          </button>
          <button type="button" onClick={props.onCancel} disabled={props.busy}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
