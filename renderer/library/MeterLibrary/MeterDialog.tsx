import { METER_KIND_LABEL, METER_KINDS, type MeterKind } from '../../../shared/format/units';
import type { ProfileInfo } from '../../../shared/ipc/library-schemas';
import { describeKeyParams } from '../../../shared/library/key-params';
import { FormDialog } from '../../components/FormDialog';
import { CheckboxField, SelectField, TextField } from '../../components/Fields';
import { KeyParamsFields } from './KeyParamsFields';
import { profilesForType, type FieldErrors, type MeterForm, type MeterFormField } from './meter-form';

/** The Meter Library's New and Edit dialog ("MeterInfo"), props only. */
export interface MeterDialogProps {
  form: MeterForm;
  errors: FieldErrors<MeterFormField>;
  problem: string | null;
  busy: boolean;
  profiles: readonly ProfileInfo[];
  onChange: (patch: Partial<MeterForm>) => void;
  onType: (type: MeterKind) => void;
  onProfile: (profileId: string) => void;
  onSave: () => void;
  onCancel: () => void;
}

export function MeterDialog(props: Readonly<MeterDialogProps>) {
  const { form, errors } = props;
  const profile = props.profiles.find((p) => p.id === form.profileId);
  const isNew = form.mode === 'new';
  return (
    <FormDialog id="meter-dialog" title={isNew ? 'New meter' : `Edit meter ${form.meterNo}`} problem={props.problem} busy={props.busy} onSave={props.onSave} onCancel={props.onCancel}>
      {isNew ? (
        <TextField
          id="meter-no"
          label="Meter number"
          value={form.meterNo}
          onChange={(meterNo) => props.onChange({ meterNo })}
          error={errors.meterNo}
          hint={profile?.scheme === 'OpenPAYGO' ? `The kit's serial${profile.serialPrefix ? `, starting with ${profile.serialPrefix}` : ''}.` : '11 or 13 digits, the last one the check digit.'}
          maxLength={40}
        />
      ) : (
        <div className="field">
          <span>Meter number</span>
          <div className="dialog-readonly">{form.meterNo}</div>
        </div>
      )}
      <SelectField
        id="meter-type"
        label="Type"
        value={form.meterType}
        onChange={(value) => props.onType(value as MeterKind)}
        options={METER_KINDS.map((kind) => ({ value: kind, label: METER_KIND_LABEL[kind] }))}
        error={errors.meterType}
      />
      <SelectField
        id="meter-profile"
        label="Meter model"
        value={form.profileId}
        onChange={props.onProfile}
        options={profilesForType(props.profiles, form.meterType).map((p) => ({ value: p.id, label: p.name }))}
        error={errors.profileId}
        hint={profile ? `${profile.scheme}${profile.testOnly ? ', for tests only' : ''}` : undefined}
      />
      {profile?.scheme === 'STS' ? (
        <fieldset>
          <legend>Key parameters</legend>
          {!isNew ? (
            <p className="field-hint" id="meter-keys-note">
              The meter holds: {form.currentKeys ? describeKeyParams(form.currentKeys) : 'none'}.
              {form.pendingKeys ? ` Pending: ${describeKeyParams(form.pendingKeys)}.` : ''}{' '}
              {form.hasTokens
                ? 'It has had tokens: changes become pending and move to the meter with its next vend or key change.'
                : 'It has had no token yet: changes apply at once.'}
            </p>
          ) : null}
          <KeyParamsFields idPrefix="meter" keys={form.keys} errors={errors} onChange={(patch) => props.onChange({ keys: { ...form.keys, ...patch } })} />
        </fieldset>
      ) : null}
      {profile?.scheme === 'OpenPAYGO' ? (
        <fieldset>
          <legend>OpenPAYGO kit</legend>
          <TextField
            id="kit-secret"
            label="Secret"
            type="password"
            value={form.kitSecret}
            onChange={(kitSecret) => props.onChange({ kitSecret })}
            error={errors.kitSecret}
            hint={form.secretSet ? 'A secret is stored. Leave empty to keep it; it is never shown.' : '32 hexadecimal digits from the kit maker. Kept in the key store, never shown again.'}
            maxLength={32}
          />
          <TextField id="kit-starting-code" label="Starting code" value={form.kitStartingCode} onChange={(kitStartingCode) => props.onChange({ kitStartingCode })} error={errors.kitStartingCode} inputMode="numeric" maxLength={9} />
          <TextField id="kit-count" label="Count" value={form.kitCount} onChange={(kitCount) => props.onChange({ kitCount })} error={errors.kitCount} inputMode="numeric" maxLength={9} />
        </fieldset>
      ) : null}
      {!isNew ? <CheckboxField id="meter-active" label="Active" checked={form.active} onChange={(active) => props.onChange({ active })} /> : null}
    </FormDialog>
  );
}
