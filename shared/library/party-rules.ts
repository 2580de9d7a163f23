/**
 * The rules of the Customer, District, Sales Station and Account Libraries (L2): a form's text fields made into the
 * values a row is stored with, or the first field at fault with a sentence. The dialogs run these for their field
 * errors and main runs them again before saving. Numbers and codes are text chosen by the operator ("0001"): leading
 * zeros are kept and nothing is renumbered.
 */
export type FieldCheck<Field extends string, Value> = { ok: true; value: Value } | { ok: false; field: Field; problem: string };

/** Customer and account numbers: 1 to 20 letters, digits or dashes, kept as typed ("0001" stays "0001"). */
export const PARTY_NO_PATTERN = /^[A-Za-z0-9-]{1,20}$/;
/** District and station codes, as setup takes a station code: 1 to 12 letters, digits or dashes. */
export const CODE_PATTERN = /^[A-Za-z0-9-]{1,12}$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const NAME_MAX = 80;
export const ADDRESS_MAX = 200;
export const PHONE_MAX = 40;
export const EMAIL_MAX = 120;
export const IDENTITY_MAX = 40;
export const DESCRIPTION_MAX = 200;

function fail<Field extends string>(field: Field, problem: string): { ok: false; field: Field; problem: string } {
  return { ok: false, field, problem };
}

/** Trims and folds runs of white space inside a one-line text. */
export function tidyText(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

function tooLong(text: string, max: number): boolean {
  return [...text].length > max;
}

// ---- customers ---------------------------------------------------------------------------------------------------

export interface CustomerForm {
  customerNo: string;
  name: string;
  address: string;
  phone: string;
  email: string;
  identityNo: string;
  categoryId: string;
  districtId: string;
}

export type CustomerValues = CustomerForm;
export type CustomerField = keyof CustomerForm;

export const CUSTOMER_FIELD_LABEL: Readonly<Record<CustomerField, string>> = {
  customerNo: 'Customer No.',
  name: 'User Coder (name)',
  address: 'Address',
  phone: 'Phone',
  email: 'Email',
  identityNo: 'Identity number',
  categoryId: 'Customer category',
  districtId: 'District',
};

/** Checks a customer form; `categoryIds` are the customer categories that exist. */
export function checkCustomerForm(form: CustomerForm, categoryIds: readonly string[]): FieldCheck<CustomerField, CustomerValues> {
  const customerNo = form.customerNo.trim();
  if (customerNo === '') return fail('customerNo', 'Type the customer number, such as 0001.');
  if (!PARTY_NO_PATTERN.test(customerNo)) return fail('customerNo', 'A customer number is 1 to 20 letters, digits or dashes, such as 0001.');
  const name = tidyText(form.name);
  if (name === '') return fail('name', "Type the customer's name.");
  if (tooLong(name, NAME_MAX)) return fail('name', `The name is at most ${NAME_MAX} characters.`);
  const address = tidyText(form.address);
  if (tooLong(address, ADDRESS_MAX)) return fail('address', `The address is at most ${ADDRESS_MAX} characters.`);
  const phone = tidyText(form.phone);
  if (tooLong(phone, PHONE_MAX)) return fail('phone', `The phone is at most ${PHONE_MAX} characters.`);
  const email = form.email.trim();
  if (tooLong(email, EMAIL_MAX)) return fail('email', `The email is at most ${EMAIL_MAX} characters.`);
  if (email !== '' && !EMAIL_PATTERN.test(email)) return fail('email', 'Type an email address such as name@example.com, or leave it empty.');
  const identityNo = tidyText(form.identityNo);
  if (tooLong(identityNo, IDENTITY_MAX)) return fail('identityNo', `The identity number is at most ${IDENTITY_MAX} characters.`);
  if (!categoryIds.includes(form.categoryId)) return fail('categoryId', 'Choose the customer category (it decides which prices the customer can have).');
  if (form.districtId.trim() === '') return fail('districtId', 'Choose the district the customer lives in.');
  return { ok: true, value: { customerNo, name, address, phone, email, identityNo, categoryId: form.categoryId, districtId: form.districtId.trim() } };
}

// ---- districts -----------------------------------------------------------------------------------------------------

export interface DistrictForm {
  code: string;
  name: string;
  description: string;
}

export type DistrictValues = DistrictForm;
export type DistrictField = keyof DistrictForm;

export const DISTRICT_FIELD_LABEL: Readonly<Record<DistrictField, string>> = {
  code: 'District code',
  name: 'Name',
  description: 'Description',
};

export function checkDistrictForm(form: DistrictForm): FieldCheck<DistrictField, DistrictValues> {
  const code = form.code.trim();
  if (code === '') return fail('code', 'Type the district code, such as D02.');
  if (!CODE_PATTERN.test(code)) return fail('code', 'A district code is 1 to 12 letters, digits or dashes, such as D02.');
  const name = tidyText(form.name);
  if (name === '') return fail('name', 'Type the name of the district.');
  if (tooLong(name, NAME_MAX)) return fail('name', `The name is at most ${NAME_MAX} characters.`);
  const description = tidyText(form.description);
  if (tooLong(description, DESCRIPTION_MAX)) return fail('description', `The description is at most ${DESCRIPTION_MAX} characters.`);
  return { ok: true, value: { code, name, description } };
}

// ---- sales stations ------------------------------------------------------------------------------------------------

export interface StationForm {
  code: string;
  name: string;
  districtId: string;
  address: string;
  phone: string;
}

export type StationValues = StationForm;
export type StationField = keyof StationForm;

export const STATION_FIELD_LABEL: Readonly<Record<StationField, string>> = {
  code: 'Station code',
  name: 'Name',
  districtId: 'District',
  address: 'Address',
  phone: 'Phone',
};

export function checkStationForm(form: StationForm): FieldCheck<StationField, StationValues> {
  const code = form.code.trim();
  if (code === '') return fail('code', 'Type the station code, such as ST02.');
  if (!CODE_PATTERN.test(code)) return fail('code', 'A station code is 1 to 12 letters, digits or dashes, such as ST02.');
  const name = tidyText(form.name);
  if (name === '') return fail('name', 'Type the name of the sales station.');
  if (tooLong(name, NAME_MAX)) return fail('name', `The name is at most ${NAME_MAX} characters.`);
  if (form.districtId.trim() === '') return fail('districtId', 'Choose the district the station is in.');
  const address = tidyText(form.address);
  if (tooLong(address, ADDRESS_MAX)) return fail('address', `The address is at most ${ADDRESS_MAX} characters.`);
  const phone = tidyText(form.phone);
  if (tooLong(phone, PHONE_MAX)) return fail('phone', `The phone is at most ${PHONE_MAX} characters.`);
  return { ok: true, value: { code, name, districtId: form.districtId.trim(), address, phone } };
}

// ---- accounts ------------------------------------------------------------------------------------------------------

export interface AccountForm {
  accountNo: string;
  customerId: string;
  meterId: string;
  salesStationId: string;
  priceId: string;
}

export type AccountValues = AccountForm;
export type AccountField = keyof AccountForm;

export const ACCOUNT_FIELD_LABEL: Readonly<Record<AccountField, string>> = {
  accountNo: 'Account No.',
  customerId: 'Customer',
  meterId: 'Meter',
  salesStationId: 'Sales station',
  priceId: 'Price',
};

export function checkAccountForm(form: AccountForm): FieldCheck<AccountField, AccountValues> {
  const accountNo = form.accountNo.trim();
  if (accountNo === '') return fail('accountNo', 'Type the account number, such as 0001.');
  if (!PARTY_NO_PATTERN.test(accountNo)) return fail('accountNo', 'An account number is 1 to 20 letters, digits or dashes, such as 0001.');
  if (form.customerId.trim() === '') return fail('customerId', 'Choose the customer: search by customer number or name.');
  if (form.meterId.trim() === '') return fail('meterId', 'Choose the meter: search by meter number.');
  if (form.salesStationId.trim() === '') return fail('salesStationId', 'Choose the sales station the account belongs to.');
  if (form.priceId.trim() === '') return fail('priceId', "Choose a price for the meter's type and the customer's category.");
  return {
    ok: true,
    value: { accountNo, customerId: form.customerId.trim(), meterId: form.meterId.trim(), salesStationId: form.salesStationId.trim(), priceId: form.priceId.trim() },
  };
}
