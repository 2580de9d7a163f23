import type { LoadVendingKeyInput } from '../../../shared/ipc/access-schemas';

/**
 * The "Load a vending key" form, as pure functions. The key is typed as hexadecimal (spaces allowed) and leaves the
 * screen only in the load request: it is never shown again, anywhere.
 */
export interface KeyFormState {
  sgc: string;
  krn: string;
  keyType: '0' | '1' | '2' | '3';
  dkga: 'DKGA02' | 'DKGA04';
  baseYear: '1993' | '2014' | '2035';
  keyHex: string;
}

export type KeyFormErrors = Partial<Record<keyof KeyFormState, string>>;

export const EMPTY_KEY_FORM: KeyFormState = { sgc: '', krn: '1', keyType: '2', dkga: 'DKGA02', baseYear: '2014', keyHex: '' };

export const KEY_DIGITS = { DKGA02: 16, DKGA04: 40 } as const;

export type CheckedKeyForm = { ok: true; input: LoadVendingKeyInput } | { ok: false; errors: KeyFormErrors };

export function checkKeyForm(form: KeyFormState): CheckedKeyForm {
  const errors: KeyFormErrors = {};
  const sgc = form.sgc.trim();
  if (!/^\d{6}$/.test(sgc)) errors.sgc = 'The supply group code (SGC) is exactly 6 digits.';
  if (!/^[1-9]$/.test(form.krn.trim())) errors.krn = 'The key revision number (KRN) is 1 to 9.';
  const hex = form.keyHex.replace(/\s+/g, '');
  const digits = KEY_DIGITS[form.dkga];
  if (!/^[0-9a-fA-F]*$/.test(hex)) errors.keyHex = 'Type the key in hexadecimal digits (0-9, A-F).';
  else if (hex.length !== digits) errors.keyHex = `A ${form.dkga} vending key is ${digits} hexadecimal digits; this one has ${hex.length}.`;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: {
      sgc,
      krn: Number(form.krn.trim()),
      keyType: Number(form.keyType) as 0 | 1 | 2 | 3,
      dkga: form.dkga,
      baseYear: Number(form.baseYear) as 1993 | 2014 | 2035,
      keyHex: hex,
    },
  };
}
