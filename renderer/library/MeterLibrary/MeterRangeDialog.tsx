import { METER_KIND_LABEL, METER_KINDS, type MeterKind } from '../../../shared/format/units';
import type { ProfileInfo } from '../../../shared/ipc/library-schemas';
import type { RangePlan } from '../../../shared/library/meter-range';
import { FormDialog } from '../../components/FormDialog';
import { SelectField, TextField } from '../../components/Fields';
import { KeyParamsFields } from './KeyParamsFields';
import { profilesForType, type FieldErrors, type RangeForm, type RangeFormField } from './meter-form';

/**
 * Batch input (the seed's "Id Range: 0000001 - 00000010 - 10 meters"), props only: the first and last number without
 * the check digit, the count as it is typed, the type and model, and the key parameters all the meters share.
 */
export interface MeterRangeDialogProps {
  form: RangeForm;
  errors: FieldErrors<RangeFormField>;
  problem: string | null;
  busy: boolean;
  /** Numbers of the range already in the library, when main found some: saving then skips them. */
  existing: string[] | null;
  preview: RangePlan | null;
  profiles: readonly ProfileInfo[];
  onChange: (patch: Partial<RangeForm>) => void;
  onType: (type: MeterKind) => void;
  onProfile: (profileId: string) => void;
  onSave: () => void;
  onCancel: () => void;
}

export function MeterRangeDialog(props: Readonly<MeterRangeDialogProps>) {
  const { form, errors } = props;
  const profile = props.profiles.find((p) => p.id === form.profileId);
  const kit = profile?.scheme === 'OpenPAYGO';
  const count = props.preview?.ok ? props.preview.count : null;
  return (
    <FormDialog id="meter-range-dialog" title="New meters (Id Range)" problem={props.problem} busy={props.busy} onSave={props.onSave} onCancel={props.onCancel} saveLabel={props.existing !== null ? 'Skip them and save' : undefined} wide>
      <SelectField
        id="range-type"
        label="Type"
        value={form.meterType}
        onChange={(value) => props.onType(value as MeterKind)}
        options={METER_KINDS.map((k) => ({ value: k, label: METER_KIND_LABEL[k] }))}
        hint="Choose the type of meters."
      />
      <SelectField
        id="range-profile"
        label="Meter model"
        value={form.profileId}
        onChange={props.onProfile}
        options={profilesForType(props.profiles, form.meterType).map((p) => ({ value: p.id, label: p.name }))}
        error={errors.profileId}
      />
      <TextField
        id="range-first"
        label="Id Range: first"
        value={form.first}
        onChange={(first) => props.onChange({ first })}
        error={errors.first}
        hint={kit ? 'The first serial, with the model prefix.' : 'Without the check digit: 10 digits for 11-digit meter numbers.'}
        maxLength={40}
      />
      <TextField id="range-last" label="Id Range: last" value={form.last} onChange={(last) => props.onChange({ last })} error={errors.last} maxLength={40} />
      <div className="field">
        <span>Meters</span>
        <div className="dialog-readonly range-count" role="status" aria-label="Meters in the range">
          {count !== null ? `- ${count} meters` : props.preview && !props.preview.ok ? props.preview.problem : 'Type the first and last number.'}
        </div>
      </div>
      {profile?.scheme === 'STS' ? (
        <fieldset>
          <legend>Key parameters of these meters</legend>
          <KeyParamsFields idPrefix="range" keys={form.keys} errors={errors} onChange={(patch) => props.onChange({ keys: { ...form.keys, ...patch } })} />
        </fieldset>
      ) : null}
      {kit ? <p className="field-hint">Each kit's secret and starting code are entered afterwards with Edit (every kit has its own).</p> : null}
      {props.existing !== null ? (
        <div role="alert" className="message message-error">
          {props.existing.length} of these meter numbers are already in the library. Save again to add the others and skip these:
          <div className="existing-list" aria-label="Meter numbers already in the library">
            {props.existing.join(', ')}
          </div>
        </div>
      ) : null}
    </FormDialog>
  );
}
