import { GeneralSettings } from '../../../shared/config/settings';
import { isKnownTimeZone, type DateStyle } from '../../../shared/format/dates';
import { graphemeLength } from '../../../shared/format/text';

/**
 * The General section of the Settings screen as a form: text in, a GeneralSettings value out, or one sentence per
 * field in error. Fields the form does not show (the clock tolerance, owned by vending) keep their stored value.
 */
export type GeneralSettingsValue = ReturnType<typeof GeneralSettings.parse>;

export interface GeneralForm {
  idleTimeoutMinutes: string;
  tidTimeZone: string;
  perVendCeiling: string;
  paymentTypes: string[];
  dateFormat: DateStyle;
}

export const GENERAL_LABELS = {
  idleTimeoutMinutes: 'Lock after idle (minutes)',
  tidTimeZone: 'TID time zone',
  perVendCeiling: 'Per-vend ceiling',
  paymentTypes: 'Payment types',
  dateFormat: 'Date format',
} as const;

export function paymentTypeLabel(index: number): string {
  return `Payment type ${index + 1}`;
}

export function generalFormOf(value: GeneralSettingsValue): GeneralForm {
  return {
    idleTimeoutMinutes: String(value.idleTimeoutMinutes),
    tidTimeZone: value.tidTimeZone,
    perVendCeiling: value.perVendCeiling,
    paymentTypes: [...value.paymentTypes],
    dateFormat: value.dateFormat,
  };
}

/** Error keys are the field names, or `paymentTypes.N` for one payment type. */
export type GeneralErrors = Record<string, string>;

export type GeneralCheck = { ok: true; value: GeneralSettingsValue } | { ok: false; errors: GeneralErrors; summary: string };

function labelOf(key: string): string {
  const match = /^paymentTypes\.(\d+)$/.exec(key);
  if (match) return paymentTypeLabel(Number(match[1]));
  return GENERAL_LABELS[key as keyof typeof GENERAL_LABELS] ?? key;
}

export function checkGeneralForm(form: GeneralForm, stored: GeneralSettingsValue): GeneralCheck {
  const errors: GeneralErrors = {};
  const idle = form.idleTimeoutMinutes.trim();
  if (!/^\d+$/.test(idle) || Number(idle) < 1 || Number(idle) > 240) errors.idleTimeoutMinutes = 'Use a whole number of minutes from 1 to 240.';
  if (!isKnownTimeZone(form.tidTimeZone)) errors.tidTimeZone = 'Choose a time zone from the list.';
  const ceiling = form.perVendCeiling.trim();
  if (!/^\d{1,9}(\.\d{1,4})?$/.test(ceiling)) errors.perVendCeiling = 'Use an amount such as 500 or 500.00.';
  else if (!/[1-9]/.test(ceiling)) errors.perVendCeiling = 'It must be more than 0.';
  const seen = new Map<string, number>();
  form.paymentTypes.forEach((raw, index) => {
    const name = raw.trim();
    const key = `paymentTypes.${index}`;
    if (name === '') errors[key] = 'Type a name, or remove this payment type.';
    else if (graphemeLength(name) > 40) errors[key] = 'Use at most 40 characters.';
    else if (seen.has(name.toLocaleLowerCase())) errors[key] = `"${name}" is already in the list.`;
    seen.set(name.toLocaleLowerCase(), index);
  });
  if (form.paymentTypes.length === 0) errors.paymentTypes = 'Keep at least one payment type.';

  const firstKey = Object.keys(errors)[0];
  if (firstKey !== undefined) return { ok: false, errors, summary: `${labelOf(firstKey)}: ${errors[firstKey] ?? ''}` };
  const parsed = GeneralSettings.safeParse({
    ...stored,
    idleTimeoutMinutes: Number(idle),
    tidTimeZone: form.tidTimeZone,
    perVendCeiling: ceiling,
    paymentTypes: form.paymentTypes.map((name) => name.trim()),
    dateFormat: form.dateFormat,
  });
  if (!parsed.success) {
    const key = parsed.error.issues[0]?.path.map(String).join('.') ?? 'form';
    return { ok: false, errors: { [key]: parsed.error.issues[0]?.message ?? 'Not valid.' }, summary: `${labelOf(key)}: ${parsed.error.issues[0]?.message ?? 'not valid'}` };
  }
  return { ok: true, value: parsed.data };
}
