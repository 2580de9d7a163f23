import { DISTRICT_FIELD_LABEL, type DistrictField } from '../../../shared/library/party-rules';
import { FormDialog } from '../../components/FormDialog';
import { CheckboxField, TextField } from '../../components/Fields';
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
  return (
    <FormDialog id="district-dialog" title={form.mode === 'new' ? 'New district' : `Edit district (version ${form.version ?? ''})`} problem={props.problem} busy={props.busy} onSave={props.onSave} onCancel={props.onCancel}>
      <TextField id="district-code" label={L.code} value={form.code} onChange={(code) => props.onChange({ code })} error={errors.code} maxLength={12} hint="1 to 12 letters, digits or dashes, such as D02." />
      <TextField id="district-name" label={L.name} value={form.name} onChange={(name) => props.onChange({ name })} error={errors.name} maxLength={80} />
      <TextField id="district-description" label={L.description} value={form.description} onChange={(description) => props.onChange({ description })} error={errors.description} maxLength={200} hint="For example: residential zone, industrial area." />
      {form.mode === 'edit' ? <CheckboxField id="district-active" label="Active" checked={form.active} onChange={(active) => props.onChange({ active })} /> : null}
    </FormDialog>
  );
}
