import { currencyLabel } from '../../../shared/format/currencies';
import type { AccountPriceChoice } from '../../../shared/ipc/parties-schemas';
import { ACCOUNT_FIELD_LABEL, type AccountField } from '../../../shared/library/party-rules';
import { formatPricePerUnit, formatRatePercent } from '../../../shared/money/decimal-text';
import type { ScreenState } from '../../bridge/hooks';
import { FormDialog } from '../../components/FormDialog';
import { CheckboxField, SelectField, TextField } from '../../components/Fields';
import { SearchPicker } from '../../components/SearchPicker/SearchPicker';
import type { PickerState } from '../../components/SearchPicker/usePicker';
import type { FieldErrors } from '../useMasterLibrary';
import { maxOverdraftText, type AccountFormState } from './account-form';

/**
 * The Account Library's New and Edit dialog (props only): "Account Library - New (input or choose the correct
 * information) - Save". Customer, meter and sales station are searched in main as the operator types; the price list
 * offers the active prices for the meter's type and the customer's category.
 */
export interface AccountDialogProps {
  form: AccountFormState;
  errors: FieldErrors<AccountField>;
  problem: string | null;
  busy: boolean;
  customerPicker: PickerState;
  meterPicker: PickerState;
  stationPicker: PickerState;
  priceChoices: ScreenState<AccountPriceChoice[]>;
  currencyDisplay: Readonly<Record<string, string>>;
  onChange: (patch: Partial<AccountFormState>) => void;
  onSave: () => void;
  onCancel: () => void;
}

export function priceChoiceLabel(p: AccountPriceChoice, currencyDisplay: Readonly<Record<string, string>>): string {
  return `${p.name}: ${formatPricePerUnit(p.pricePerUnit)} ${currencyLabel(p.currency, currencyDisplay)}, tax ${formatRatePercent(p.vatBp + p.exciseBp)} %`;
}

function priceOptions(props: Readonly<AccountDialogProps>): { options: Array<{ value: string; label: string }>; hint: string } {
  const { form, priceChoices } = props;
  if (form.customerId === '' || form.meterId === '') return { options: [{ value: '', label: 'Choose the customer and the meter first' }], hint: '' };
  if (priceChoices.kind === 'loading' || priceChoices.kind === 'idle') return { options: [{ value: form.priceId, label: form.priceLabel || 'Loading the prices…' }], hint: '' };
  if (priceChoices.kind !== 'ready') {
    return { options: [{ value: form.priceId, label: form.priceLabel }], hint: priceChoices.kind === 'offline' ? priceChoices.message : priceChoices.error.message };
  }
  const options = priceChoices.value.map((p) => ({ value: p.id, label: priceChoiceLabel(p, props.currencyDisplay) }));
  if (form.priceId !== '' && !priceChoices.value.some((p) => p.id === form.priceId)) options.unshift({ value: form.priceId, label: `${form.priceLabel} (no longer offered for this meter and customer)` });
  if (form.priceId === '') options.unshift({ value: '', label: options.length === 0 ? 'No price fits: add one in the Price Library' : 'Choose a price' });
  return { options, hint: "Only active prices for the meter's type and the customer's category are offered." };
}

export function AccountDialog(props: Readonly<AccountDialogProps>) {
  const { form, errors } = props;
  const L = ACCOUNT_FIELD_LABEL;
  const prices = priceOptions(props);
  return (
    <FormDialog id="account-dialog" title={form.mode === 'new' ? 'New account' : `Edit account (version ${form.version ?? ''})`} problem={props.problem} busy={props.busy} onSave={props.onSave} onCancel={props.onCancel}>
      <TextField id="account-no" label={L.accountNo} value={form.accountNo} onChange={(accountNo) => props.onChange({ accountNo })} error={errors.accountNo} maxLength={20} hint="Your own number, such as 0001: leading zeros are kept." />
      <SearchPicker
        id="account-customer"
        label={L.customerId}
        picker={props.customerPicker}
        selectedLabel={form.customerLabel}
        onChoose={(option) => props.onChange({ customerId: option.id, customerLabel: option.label })}
        error={errors.customerId}
        placeholder="Customer No. or name"
      />
      <SearchPicker
        id="account-meter"
        label={L.meterId}
        picker={props.meterPicker}
        selectedLabel={form.meterLabel}
        onChoose={(option) => props.onChange({ meterId: option.id, meterLabel: option.label, meterType: null })}
        error={errors.meterId}
        placeholder="Meter number"
        hint="A meter has one active account."
      />
      <SearchPicker
        id="account-station"
        label={L.salesStationId}
        picker={props.stationPicker}
        selectedLabel={form.salesStationLabel}
        onChoose={(option) => props.onChange({ salesStationId: option.id, salesStationLabel: option.label })}
        error={errors.salesStationId}
      />
      <SelectField
        id="account-price"
        label={L.priceId}
        value={form.priceId}
        onChange={(priceId) => {
          const choice = props.priceChoices.kind === 'ready' ? props.priceChoices.value.find((p) => p.id === priceId) : undefined;
          props.onChange({ priceId, priceLabel: choice?.name ?? '' });
        }}
        options={prices.options}
        error={errors.priceId}
        hint={prices.hint}
        disabled={form.customerId === '' || form.meterId === ''}
      />
      <div className="field">
        <span id="account-overdraft-label">Max overdraft</span>
        <output id="account-overdraft" aria-labelledby="account-overdraft-label" className="field-control dialog-readonly">
          {maxOverdraftText(form.maxOverdraftTenths, form.meterType)}
        </output>
      </div>
      {form.mode === 'edit' ? <CheckboxField id="account-active" label="Active" checked={form.active} onChange={(active) => props.onChange({ active })} hint="The Top-up Center sells to active accounts only." /> : null}
    </FormDialog>
  );
}
