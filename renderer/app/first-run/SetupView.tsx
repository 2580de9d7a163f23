import type { FormEvent } from 'react';
import { CURRENCIES } from '../../../shared/format/currencies';
import { PASSWORD_MIN_LENGTH } from '../../../shared/auth/password-policy';
import { CheckboxField, Message, SelectField, TextField } from '../../components/Fields';
import { timeZoneOptions } from '../time-zones';
import { SETUP_LABELS, type FormErrors, type SetupField, type SetupForm } from './setup-form';

const CURRENCY_OPTIONS = CURRENCIES.map((currency) => ({ value: currency.code, label: `${currency.code} — ${currency.name}` }));
const POLICY_HINT = `At least ${PASSWORD_MIN_LENGTH} characters, with letters, numbers and a special symbol such as # or !.`;

export interface SetupViewProps {
  form: SetupForm;
  errors: FormErrors<SetupForm>;
  summary: string | null;
  busy: boolean;
  onChange: <F extends SetupField>(field: F, value: SetupForm[F]) => void;
  onSubmit: () => void;
}

/** The first-run setup form (props only). */
export function SetupView({ form, errors, summary, busy, onChange, onSubmit }: Readonly<SetupViewProps>) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  const text = (field: Exclude<SetupField, 'loadDemo'>, extra: { type?: 'password'; hint?: string; autoComplete?: string; autoFocus?: boolean; maxLength?: number } = {}) => (
    <TextField
      id={`setup-${field}`}
      label={SETUP_LABELS[field]}
      value={form[field]}
      onChange={(value) => onChange(field, value)}
      error={errors[field]}
      disabled={busy}
      {...extra}
    />
  );
  return (
    <main className="page-centre">
      <form className="card card-wide" onSubmit={submit} noValidate aria-labelledby="setup-title">
        <h1 id="setup-title">Set up TokenTill</h1>
        <p className="lead">This terminal has no data yet. Fill in the company, this sales station and the first administrator.</p>
        {summary ? <Message kind="error">{summary}</Message> : null}
        <div className="form-columns">
          <fieldset>
            <legend>Company and station</legend>
            {text('companyName', { autoFocus: true, maxLength: 120 })}
            {text('stationCode', { hint: 'Up to 12 letters, numbers or dashes, e.g. ST01.', maxLength: 12 })}
            {text('stationName', { maxLength: 80 })}
            {text('districtName', { maxLength: 80 })}
            <SelectField
              id="setup-defaultCurrency"
              label={SETUP_LABELS.defaultCurrency}
              value={form.defaultCurrency}
              onChange={(value) => onChange('defaultCurrency', value)}
              options={CURRENCY_OPTIONS}
              error={errors.defaultCurrency}
              disabled={busy}
            />
            {text('currencyDisplay', { hint: 'Optional: how screens and receipts name it, e.g. RMB for CNY.', maxLength: 8 })}
            <SelectField
              id="setup-tidTimeZone"
              label={SETUP_LABELS.tidTimeZone}
              value={form.tidTimeZone}
              onChange={(value) => onChange('tidTimeZone', value)}
              options={timeZoneOptions(form.tidTimeZone)}
              error={errors.tidTimeZone}
              hint="The clock token IDs count in. Keep UTC unless your utility's other vending system uses another."
              disabled={busy}
            />
          </fieldset>
          <fieldset>
            <legend>Administrator</legend>
            {text('adminUserId', { hint: 'What the administrator types to sign in, e.g. 0000.', maxLength: 40 })}
            {text('adminName', { maxLength: 80 })}
            {text('adminPassword', { type: 'password', hint: POLICY_HINT, autoComplete: 'new-password' })}
            {text('adminPasswordConfirm', { type: 'password', autoComplete: 'new-password' })}
            {text('vendPassword', { type: 'password', hint: 'Asked before every sale is confirmed. It must differ from the login password.', autoComplete: 'new-password' })}
            {text('vendPasswordConfirm', { type: 'password', autoComplete: 'new-password' })}
            <CheckboxField
              id="setup-loadDemo"
              label={SETUP_LABELS.loadDemo}
              checked={form.loadDemo}
              onChange={(checked) => onChange('loadDemo', checked)}
              hint="Adds the vendor manual's demo data to try the till: a cashier user, and what later features bring."
              disabled={busy}
            />
          </fieldset>
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Setting up…' : 'Set up TokenTill'}
          </button>
        </div>
      </form>
    </main>
  );
}
