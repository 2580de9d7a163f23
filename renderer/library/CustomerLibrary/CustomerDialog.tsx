import type { CategoryInfo } from '../../../shared/ipc/library-schemas';
import { CUSTOMER_FIELD_LABEL, type CustomerField } from '../../../shared/library/party-rules';
import { FormDialog } from '../../components/FormDialog';
import { CheckboxField, SelectField, TextField } from '../../components/Fields';
import { SearchPicker } from '../../components/SearchPicker/SearchPicker';
import type { PickerState } from '../../components/SearchPicker/usePicker';
import type { FieldErrors } from '../useMasterLibrary';
import type { CustomerFormState } from './customer-form';

/** The Customer Library's New and Edit dialog (props only). */
export interface CustomerDialogProps {
  form: CustomerFormState;
  errors: FieldErrors<CustomerField>;
  problem: string | null;
  busy: boolean;
  categories: readonly CategoryInfo[];
  districtPicker: PickerState;
  onChange: (patch: Partial<CustomerFormState>) => void;
  onSave: () => void;
  onCancel: () => void;
}

export function CustomerDialog(props: Readonly<CustomerDialogProps>) {
  const { form, errors } = props;
  const L = CUSTOMER_FIELD_LABEL;
  return (
    <FormDialog id="customer-dialog" title={form.mode === 'new' ? 'New customer' : `Edit customer (version ${form.version ?? ''})`} problem={props.problem} busy={props.busy} onSave={props.onSave} onCancel={props.onCancel}>
      <TextField id="customer-no" label={L.customerNo} value={form.customerNo} onChange={(customerNo) => props.onChange({ customerNo })} error={errors.customerNo} maxLength={20} hint="Your own number, such as 0001: leading zeros are kept." />
      <TextField id="customer-name" label={L.name} value={form.name} onChange={(name) => props.onChange({ name })} error={errors.name} maxLength={80} />
      <SelectField
        id="customer-category"
        label={L.categoryId}
        value={form.categoryId}
        onChange={(categoryId) => props.onChange({ categoryId })}
        options={props.categories.map((c) => ({ value: c.id, label: c.name }))}
        error={errors.categoryId}
        hint="Decides which prices the customer's accounts can have."
      />
      <SearchPicker
        id="customer-district"
        label={L.districtId}
        picker={props.districtPicker}
        selectedLabel={form.districtLabel}
        onChoose={(option) => props.onChange({ districtId: option.id, districtLabel: option.label })}
        error={errors.districtId}
      />
      <TextField id="customer-address" label={L.address} value={form.address} onChange={(address) => props.onChange({ address })} error={errors.address} maxLength={200} />
      <TextField id="customer-phone" label={L.phone} value={form.phone} onChange={(phone) => props.onChange({ phone })} error={errors.phone} maxLength={40} />
      <TextField id="customer-email" label={L.email} value={form.email} onChange={(email) => props.onChange({ email })} error={errors.email} maxLength={120} />
      <TextField id="customer-identity" label={L.identityNo} value={form.identityNo} onChange={(identityNo) => props.onChange({ identityNo })} error={errors.identityNo} maxLength={40} />
      {form.mode === 'edit' ? <CheckboxField id="customer-active" label="Active" checked={form.active} onChange={(active) => props.onChange({ active })} hint="An inactive customer's accounts leave the Top-up Center." /> : null}
    </FormDialog>
  );
}
