import { STATION_FIELD_LABEL, type StationField } from '../../../shared/library/party-rules';
import { FormDialog } from '../../components/FormDialog';
import { CheckboxField, TextField } from '../../components/Fields';
import { SearchPicker } from '../../components/SearchPicker/SearchPicker';
import type { PickerState } from '../../components/SearchPicker/usePicker';
import type { FieldErrors } from '../useMasterLibrary';
import type { StationFormState } from './station-form';

/** The Sales Station Library's New and Edit dialog (props only). */
export interface StationDialogProps {
  form: StationFormState;
  errors: FieldErrors<StationField>;
  problem: string | null;
  busy: boolean;
  districtPicker: PickerState;
  onChange: (patch: Partial<StationFormState>) => void;
  onSave: () => void;
  onCancel: () => void;
}

export function StationDialog(props: Readonly<StationDialogProps>) {
  const { form, errors } = props;
  const L = STATION_FIELD_LABEL;
  return (
    <FormDialog id="station-dialog" title={form.mode === 'new' ? 'New sales station' : `Edit sales station (version ${form.version ?? ''})`} problem={props.problem} busy={props.busy} onSave={props.onSave} onCancel={props.onCancel}>
      <TextField id="station-code" label={L.code} value={form.code} onChange={(code) => props.onChange({ code })} error={errors.code} maxLength={12} hint="1 to 12 letters, digits or dashes, such as ST02." />
      <TextField id="station-name" label={L.name} value={form.name} onChange={(name) => props.onChange({ name })} error={errors.name} maxLength={80} />
      <SearchPicker
        id="station-district"
        label={L.districtId}
        picker={props.districtPicker}
        selectedLabel={form.districtLabel}
        onChoose={(option) => props.onChange({ districtId: option.id, districtLabel: option.label })}
        error={errors.districtId}
      />
      <TextField id="station-address" label={L.address} value={form.address} onChange={(address) => props.onChange({ address })} error={errors.address} maxLength={200} />
      <TextField id="station-phone" label={L.phone} value={form.phone} onChange={(phone) => props.onChange({ phone })} error={errors.phone} maxLength={40} />
      {form.mode === 'edit' ? (
        <CheckboxField
          id="station-active"
          label="Active"
          checked={form.active}
          onChange={(active) => props.onChange({ active })}
          disabled={form.thisTerminal}
          {...(form.thisTerminal ? { hint: 'This terminal sells for this station: it stays active.' } : {})}
        />
      ) : null}
    </FormDialog>
  );
}
