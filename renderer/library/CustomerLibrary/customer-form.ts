import type { CreateCustomerInput, CustomerRow, UpdateCustomerInput } from '../../../shared/ipc/parties-schemas';
import { DEFAULT_CATEGORY_ID } from '../../../shared/library/categories';
import { checkCustomerForm, type CustomerField, type CustomerForm } from '../../../shared/library/party-rules';
import { districtLabel } from '../picker-loads';
import type { FieldErrors } from '../useMasterLibrary';

/** The Customer Library's New/Edit form as pure state: "Customer Library - New (input the customer information) - Save". */
export interface CustomerFormState extends CustomerForm {
  mode: 'new' | 'edit';
  id: string | null;
  version: number | null;
  active: boolean;
  districtLabel: string;
}

export function newCustomerForm(): CustomerFormState {
  return {
    mode: 'new',
    id: null,
    version: null,
    active: true,
    customerNo: '',
    name: '',
    address: '',
    phone: '',
    email: '',
    identityNo: '',
    categoryId: DEFAULT_CATEGORY_ID,
    districtId: '',
    districtLabel: '',
  };
}

export function editCustomerForm(row: CustomerRow): CustomerFormState {
  return {
    mode: 'edit',
    id: row.id,
    version: row.version,
    active: row.active,
    customerNo: row.customerNo,
    name: row.name,
    address: row.address,
    phone: row.phone,
    email: row.email,
    identityNo: row.identityNo,
    categoryId: row.categoryId,
    districtId: row.districtId,
    districtLabel: districtLabel({ code: row.districtCode, name: row.districtName }),
  };
}

export type CustomerDialogCheck =
  | { ok: true; create: CreateCustomerInput; update: UpdateCustomerInput | null }
  | { ok: false; errors: FieldErrors<CustomerField> };

export function checkCustomerDialog(form: CustomerFormState, categoryIds: readonly string[]): CustomerDialogCheck {
  const checked = checkCustomerForm(form, categoryIds);
  if (!checked.ok) return { ok: false, errors: { [checked.field]: checked.problem } };
  const create: CreateCustomerInput = {
    customerNo: form.customerNo,
    name: form.name,
    address: form.address,
    phone: form.phone,
    email: form.email,
    identityNo: form.identityNo,
    categoryId: form.categoryId,
    districtId: form.districtId,
  };
  const update = form.mode === 'edit' && form.id !== null && form.version !== null ? { ...create, id: form.id, version: form.version, active: form.active } : null;
  return { ok: true, create, update };
}
