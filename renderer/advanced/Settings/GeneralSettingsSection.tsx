import { useEffect, useState, type FormEvent } from 'react';
import { formatDateTime, type DateStyle } from '../../../shared/format/dates';
import { clock } from '../../app/clock';
import { timeZoneOptions } from '../../app/time-zones';
import { Message, SelectField, TextField } from '../../components/Fields';
import {
  checkGeneralForm,
  GENERAL_LABELS,
  generalFormOf,
  paymentTypeLabel,
  type GeneralErrors,
  type GeneralForm,
} from './general-settings-form';
import type { SettingsSectionProps } from './settings-sections';

const DATE_STYLE_NAMES: Readonly<Record<DateStyle, string>> = {
  seed: 'As the vendor screens',
  iso: 'Year-month-day',
  locale: "This computer's language",
};

/** The General settings: idle lock, TID time zone, per-vend ceiling, payment types and date format. */
export function GeneralSettingsSection({ settings, canEdit, save }: Readonly<SettingsSectionProps>) {
  const stored = settings.general;
  const [form, setForm] = useState<GeneralForm>(() => generalFormOf(stored));
  const [errors, setErrors] = useState<GeneralErrors>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'notice'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [newType, setNewType] = useState('');

  useEffect(() => setForm(generalFormOf(stored)), [stored]);

  const change = <K extends keyof GeneralForm>(field: K, value: GeneralForm[K]) => {
    setForm((previous) => ({ ...previous, [field]: value }));
    setMessage(null);
  };
  const setType = (index: number, value: string) => change('paymentTypes', form.paymentTypes.map((name, i) => (i === index ? value : name)));
  const removeType = (index: number) => change('paymentTypes', form.paymentTypes.filter((_, i) => i !== index));
  const moveUp = (index: number) => {
    if (index === 0) return;
    const next = [...form.paymentTypes];
    const [moved] = next.splice(index, 1);
    if (moved !== undefined) next.splice(index - 1, 0, moved);
    change('paymentTypes', next);
  };
  const addType = () => {
    if (newType.trim() === '') return;
    change('paymentTypes', [...form.paymentTypes, newType.trim()]);
    setNewType('');
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkGeneralForm(form, stored);
    if (!checked.ok) {
      setErrors(checked.errors);
      setMessage({ kind: 'error', text: checked.summary });
      return;
    }
    setErrors({});
    setBusy(true);
    void save({ section: 'general', value: checked.value }).then((result) => {
      setBusy(false);
      setMessage(result.ok ? { kind: 'notice', text: 'The general settings are saved.' } : { kind: 'error', text: result.error.message });
    });
  };

  const disabled = busy || !canEdit;
  const now = clock.now();
  return (
    <form onSubmit={submit} noValidate aria-labelledby="settings-general-title" className="settings-section">
      <h3 id="settings-general-title">General</h3>
      {message ? <Message kind={message.kind}>{message.text}</Message> : null}
      <TextField
        id="settings-idleTimeoutMinutes"
        label={GENERAL_LABELS.idleTimeoutMinutes}
        value={form.idleTimeoutMinutes}
        onChange={(value) => change('idleTimeoutMinutes', value)}
        inputMode="numeric"
        error={errors.idleTimeoutMinutes}
        hint="A session nobody uses for this long locks and asks for the password again; open screens stay open."
        disabled={disabled}
        maxLength={3}
      />
      <SelectField
        id="settings-tidTimeZone"
        label={GENERAL_LABELS.tidTimeZone}
        value={form.tidTimeZone}
        onChange={(value) => change('tidTimeZone', value)}
        options={timeZoneOptions(form.tidTimeZone)}
        error={errors.tidTimeZone}
        hint="Token IDs count minutes in this zone. Change it only to match another vending system of your utility."
        disabled={disabled}
      />
      <TextField
        id="settings-perVendCeiling"
        label={`${GENERAL_LABELS.perVendCeiling} (${settings.company.defaultCurrency})`}
        value={form.perVendCeiling}
        onChange={(value) => change('perVendCeiling', value)}
        inputMode="decimal"
        error={errors.perVendCeiling}
        hint="The largest amount one sale may take; a larger sale is refused."
        disabled={disabled}
        maxLength={14}
      />
      <fieldset className="field-list" aria-describedby={errors.paymentTypes ? 'settings-paymentTypes-error' : undefined}>
        <legend>{GENERAL_LABELS.paymentTypes}</legend>
        {errors.paymentTypes ? (
          <div id="settings-paymentTypes-error" className="field-error">
            {errors.paymentTypes}
          </div>
        ) : null}
        {form.paymentTypes.map((name, index) => (
          <div className="list-row" key={index}>
            <TextField
              id={`settings-paymentType-${index}`}
              label={paymentTypeLabel(index)}
              value={name}
              onChange={(value) => setType(index, value)}
              error={errors[`paymentTypes.${index}`]}
              disabled={disabled}
              maxLength={40}
            />
            <button type="button" onClick={() => moveUp(index)} disabled={disabled || index === 0} aria-label={`Move ${name || paymentTypeLabel(index)} up`}>
              ↑
            </button>
            <button type="button" onClick={() => removeType(index)} disabled={disabled} aria-label={`Remove ${name || paymentTypeLabel(index)}`}>
              Remove
            </button>
          </div>
        ))}
        <div className="list-row">
          <TextField id="settings-newPaymentType" label="New payment type" value={newType} onChange={setNewType} disabled={disabled} maxLength={40} />
          <button type="button" onClick={addType} disabled={disabled || newType.trim() === ''}>
            Add payment type
          </button>
        </div>
      </fieldset>
      <SelectField
        id="settings-dateFormat"
        label={GENERAL_LABELS.dateFormat}
        value={form.dateFormat}
        onChange={(value) => change('dateFormat', value as DateStyle)}
        options={(['seed', 'iso', 'locale'] as const).map((style) => ({
          value: style,
          label: `${DATE_STYLE_NAMES[style]}: ${formatDateTime(now, { style })}`,
        }))}
        disabled={disabled}
      />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={disabled}>
          {busy ? 'Saving…' : 'Save general settings'}
        </button>
        {!canEdit ? <span className="muted">Your role may look at these settings but not change them.</span> : null}
      </div>
    </form>
  );
}
