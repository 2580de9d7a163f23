import { CURRENCIES, currencyLabel } from '../../../shared/format/currencies';
import { METER_KIND_LABEL, METER_KINDS } from '../../../shared/format/units';
import type { CategoryInfo } from '../../../shared/ipc/library-schemas';
import { PRICE_FIELD_LABEL, TAX_MODE_LABEL } from '../../../shared/library/price-rules';
import { TAX_MODES } from '../../../shared/money/quote';
import { FormDialog } from '../../components/FormDialog';
import { CheckboxField, SelectField, TextField } from '../../components/Fields';
import type { PriceFormErrors, PriceFormState } from './price-form';

/** The Price Library's New and Edit dialog (props only): "Price Library - New (input the price information) - Save". */
export interface PriceDialogProps {
  form: PriceFormState;
  errors: PriceFormErrors;
  problem: string | null;
  busy: boolean;
  categories: readonly CategoryInfo[];
  currencyDisplay: Readonly<Record<string, string>>;
  onChange: (patch: Partial<PriceFormState>) => void;
  onSave: () => void;
  onCancel: () => void;
}

export function PriceDialog(props: Readonly<PriceDialogProps>) {
  const { form, errors } = props;
  const L = PRICE_FIELD_LABEL;
  return (
    <FormDialog id="price-dialog" title={form.mode === 'new' ? 'New price' : `Edit price (version ${form.version ?? ''})`} problem={props.problem} busy={props.busy} onSave={props.onSave} onCancel={props.onCancel}>
      <TextField id="price-name" label={L.name} value={form.name} onChange={(name) => props.onChange({ name })} error={errors.name} maxLength={80} hint='For example "1 USD, 13 %".' />
      <SelectField id="price-meter-type" label={L.meterType} value={form.meterType} onChange={(meterType) => props.onChange({ meterType })} options={METER_KINDS.map((k) => ({ value: k, label: METER_KIND_LABEL[k] }))} error={errors.meterType} />
      <SelectField id="price-category" label={L.categoryId} value={form.categoryId} onChange={(categoryId) => props.onChange({ categoryId })} options={props.categories.map((c) => ({ value: c.id, label: c.name }))} error={errors.categoryId} />
      <TextField id="price-per-unit" label={L.pricePerUnit} value={form.pricePerUnit} onChange={(pricePerUnit) => props.onChange({ pricePerUnit })} error={errors.pricePerUnit} inputMode="decimal" hint="Up to 4 decimals." maxLength={20} />
      <SelectField
        id="price-currency"
        label={L.currency}
        value={form.currency}
        onChange={(currency) => props.onChange({ currency })}
        options={CURRENCIES.map((c) => ({ value: c.code, label: `${currencyLabel(c.code, props.currencyDisplay)}${currencyLabel(c.code, props.currencyDisplay) !== c.code ? ` (${c.code})` : ''} - ${c.name}` }))}
        error={errors.currency}
      />
      <TextField id="price-vat" label={L.vatRate} value={form.vatRate} onChange={(vatRate) => props.onChange({ vatRate })} error={errors.vatRate} inputMode="decimal" maxLength={6} />
      <TextField id="price-excise" label={L.exciseRate} value={form.exciseRate} onChange={(exciseRate) => props.onChange({ exciseRate })} error={errors.exciseRate} inputMode="decimal" maxLength={6} />
      <SelectField
        id="price-tax-mode"
        label={L.taxMode}
        value={form.taxMode}
        onChange={(taxMode) => props.onChange({ taxMode })}
        options={TAX_MODES.map((m) => ({ value: m, label: TAX_MODE_LABEL[m] }))}
        error={errors.taxMode}
        hint={form.taxMode === 'vendor-compatible' ? 'As the seed: 10 USD at 1 USD and 13 % buys 8.7 kWh; 1 kWh costs 1.13 USD.' : '11.30 USD at 1 USD and 13 % buys 10.0 kWh; 10 kWh costs 11.30 USD.'}
      />
      <TextField id="price-min" label={L.minPurchase} value={form.minPurchase} onChange={(minPurchase) => props.onChange({ minPurchase })} error={errors.minPurchase} inputMode="decimal" maxLength={20} />
      <TextField id="price-max" label={L.maxPurchase} value={form.maxPurchase} onChange={(maxPurchase) => props.onChange({ maxPurchase })} error={errors.maxPurchase} inputMode="decimal" hint="Empty: no maximum." maxLength={20} />
      {form.mode === 'edit' ? <CheckboxField id="price-active" label="Active" checked={form.active} onChange={(active) => props.onChange({ active })} /> : null}
    </FormDialog>
  );
}
