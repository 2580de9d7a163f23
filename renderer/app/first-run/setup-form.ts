import { passwordPolicyProblem } from '../../../shared/auth/password-policy';
import { SetupInput } from '../../../shared/ipc/schemas';

/**
 * The first-run form, checked here with the same schema and password policy the main side applies, so every mistake
 * is shown next to its field, named, before anything is sent. The main side checks again.
 */
export interface SetupForm {
  companyName: string;
  stationCode: string;
  stationName: string;
  districtName: string;
  defaultCurrency: string;
  currencyDisplay: string;
  adminUserId: string;
  adminName: string;
  adminPassword: string;
  adminPasswordConfirm: string;
  vendPassword: string;
  vendPasswordConfirm: string;
  tidTimeZone: string;
  loadDemo: boolean;
}

export type SetupField = keyof SetupForm;
export type FormErrors<F> = Partial<Record<keyof F, string>>;

export const SETUP_LABELS: Readonly<Record<SetupField, string>> = {
  companyName: 'Company name',
  stationCode: 'Station code',
  stationName: 'Station name',
  districtName: 'District',
  defaultCurrency: 'Default currency',
  currencyDisplay: 'Currency shown as',
  adminUserId: 'Admin user id',
  adminName: 'Admin name',
  adminPassword: 'Login password',
  adminPasswordConfirm: 'Confirm login password',
  vendPassword: 'Transaction (vend) password',
  vendPasswordConfirm: 'Confirm transaction password',
  tidTimeZone: 'TID time zone',
  loadDemo: 'Load demo data',
};

/** Order in which the form shows fields; the first error in this order is the one the summary names. */
const FIELD_ORDER: readonly SetupField[] = [
  'companyName', 'stationCode', 'stationName', 'districtName', 'defaultCurrency', 'currencyDisplay', 'tidTimeZone',
  'adminUserId', 'adminName', 'adminPassword', 'adminPasswordConfirm', 'vendPassword', 'vendPasswordConfirm', 'loadDemo',
];

export function emptySetupForm(): SetupForm {
  return {
    companyName: '',
    stationCode: '',
    stationName: '',
    districtName: '',
    defaultCurrency: 'USD',
    currencyDisplay: '',
    adminUserId: '',
    adminName: '',
    adminPassword: '',
    adminPasswordConfirm: '',
    vendPassword: '',
    vendPasswordConfirm: '',
    tidTimeZone: 'UTC',
    loadDemo: false,
  };
}

function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

const REQUIRED: readonly SetupField[] = ['companyName', 'stationCode', 'stationName', 'districtName', 'adminUserId', 'adminName', 'adminPassword', 'vendPassword'];

export type SetupCheck = { ok: true; input: SetupInput } | { ok: false; errors: FormErrors<SetupForm>; summary: string };

export function checkSetupForm(form: SetupForm): SetupCheck {
  const errors: FormErrors<SetupForm> = {};
  const put = (field: SetupField, message: string) => {
    errors[field] ??= sentence(message);
  };
  for (const field of REQUIRED) {
    const value = form[field];
    if (typeof value === 'string' && value.trim() === '') put(field, `Fill in the ${SETUP_LABELS[field].toLowerCase()}`);
  }
  const parsed = SetupInput.safeParse({
    companyName: form.companyName,
    stationCode: form.stationCode,
    stationName: form.stationName,
    districtName: form.districtName,
    defaultCurrency: form.defaultCurrency,
    currencyDisplay: form.currencyDisplay,
    adminUserId: form.adminUserId,
    adminName: form.adminName,
    adminPassword: form.adminPassword,
    vendPassword: form.vendPassword,
    tidTimeZone: form.tidTimeZone,
    loadDemo: form.loadDemo,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (typeof field === 'string' && field in SETUP_LABELS) put(field as SetupField, issue.message);
    }
  }
  const loginProblem = form.adminPassword === '' ? null : passwordPolicyProblem(form.adminPassword, { userId: form.adminUserId.trim() });
  if (loginProblem) put('adminPassword', loginProblem);
  const vendProblem = form.vendPassword === '' ? null : passwordPolicyProblem(form.vendPassword, { userId: form.adminUserId.trim() });
  if (vendProblem) put('vendPassword', vendProblem);
  if (form.vendPassword !== '' && form.vendPassword === form.adminPassword) put('vendPassword', 'It must differ from the login password');
  if (form.adminPasswordConfirm !== form.adminPassword) put('adminPasswordConfirm', 'The two login passwords are not the same');
  if (form.vendPasswordConfirm !== form.vendPassword) put('vendPasswordConfirm', 'The two transaction passwords are not the same');

  const first = FIELD_ORDER.find((field) => errors[field] !== undefined);
  if (first !== undefined || !parsed.success) {
    const field = first ?? 'companyName';
    return { ok: false, errors, summary: `${SETUP_LABELS[field]}: ${errors[field] ?? 'check this field.'}` };
  }
  return { ok: true, input: parsed.data };
}

/** The first field in error, to move the focus to it. */
export function firstFieldInError(errors: FormErrors<SetupForm>): SetupField | null {
  return FIELD_ORDER.find((field) => errors[field] !== undefined) ?? null;
}
