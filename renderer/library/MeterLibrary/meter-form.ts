import { METER_KINDS, type MeterKind } from '../../../shared/format/units';
import type { CreateMeterInput, CreateMeterRangeInput, MeterDetail, ProfileInfo, UpdateMeterInput } from '../../../shared/ipc/library-schemas';
import { DEFAULT_BASE_YEAR, KeyParams } from '../../../shared/library/key-params';
import { checkMeterNumber, type MeterNumberRule } from '../../../shared/library/meter-number';
import { meterTypesFor } from '../../../shared/library/meter-profiles';
import { planMeterRange, type RangePlan } from '../../../shared/library/meter-range';

/**
 * The Meter Library's forms as pure state: the New/Edit dialog and the batch range dialog. Field errors come from the
 * same rules main applies (shared/library), so the operator sees them before saving; main checks again on save.
 */
export interface KeyFields {
  sgc: string;
  ti: string;
  krn: string;
  keyType: string;
  algorithm: string;
  baseYear: string;
  dkga: string;
}

export type KeyField = keyof KeyFields;

export interface MeterForm {
  mode: 'new' | 'edit';
  id: string | null;
  version: number | null;
  meterNo: string;
  meterType: MeterKind;
  profileId: string;
  keys: KeyFields;
  kitSecret: string;
  kitStartingCode: string;
  kitCount: string;
  active: boolean;
  /** Edit only: what the meter holds, what it must move to, and whether it has had tokens. */
  currentKeys: KeyParams | null;
  pendingKeys: KeyParams | null;
  hasTokens: boolean;
  secretSet: boolean;
}

export type MeterFormField = 'meterNo' | 'meterType' | 'profileId' | KeyField | 'kitSecret' | 'kitStartingCode' | 'kitCount';
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export const EMPTY_KEYS: KeyFields = { sgc: '', ti: '1', krn: '1', keyType: '2', algorithm: 'EA07', baseYear: String(DEFAULT_BASE_YEAR), dkga: 'DKGA02' };

export function keyFieldsOf(keys: KeyParams): KeyFields {
  return {
    sgc: keys.sgc,
    ti: String(keys.ti),
    krn: String(keys.krn),
    keyType: String(keys.keyType),
    algorithm: keys.algorithm,
    baseYear: String(keys.baseYear),
    dkga: keys.dkga,
  };
}

function defaultKeyFields(profile: ProfileInfo | undefined): KeyFields {
  const d = profile?.defaultKeys;
  if (!d) return EMPTY_KEYS;
  return { sgc: d.sgc ?? '', ti: String(d.ti), krn: String(d.krn), keyType: String(d.keyType), algorithm: d.algorithm, baseYear: String(d.baseYear), dkga: d.dkga };
}

export function profilesForType(profiles: readonly ProfileInfo[], type: MeterKind): ProfileInfo[] {
  return profiles.filter((p) => p.active && meterTypesFor(p).includes(type));
}

export function ruleOf(profile: ProfileInfo): MeterNumberRule {
  return profile.scheme === 'STS' ? { scheme: 'STS', manufacturerCode: profile.manufacturerCode } : { scheme: 'OpenPAYGO', serialPrefix: profile.serialPrefix ?? '' };
}

export function newMeterForm(profiles: readonly ProfileInfo[], type: MeterKind = 'electricity'): MeterForm {
  const profile = profilesForType(profiles, type)[0];
  return {
    mode: 'new',
    id: null,
    version: null,
    meterNo: '',
    meterType: type,
    profileId: profile?.id ?? '',
    keys: defaultKeyFields(profile),
    kitSecret: '',
    kitStartingCode: '',
    kitCount: '0',
    active: true,
    currentKeys: null,
    pendingKeys: null,
    hasTokens: false,
    secretSet: false,
  };
}

export function editMeterForm(meter: MeterDetail): MeterForm {
  const shown = meter.pendingKeys ?? meter.keys;
  return {
    mode: 'edit',
    id: meter.id,
    version: meter.version,
    meterNo: meter.meterNo,
    meterType: meter.meterType,
    profileId: meter.profileId,
    keys: shown ? keyFieldsOf(shown) : EMPTY_KEYS,
    kitSecret: '',
    kitStartingCode: meter.kit?.startingCode ?? '',
    kitCount: String(meter.kit?.count ?? 0),
    active: meter.active,
    currentKeys: meter.keys,
    pendingKeys: meter.pendingKeys,
    hasTokens: meter.hasTokens,
    secretSet: meter.kit?.secretSet ?? false,
  };
}

/** A new type keeps the model when it still fits, else takes the first model of that type (and, for a new meter, its keys). */
export function withMeterType<F extends { meterType: MeterKind; profileId: string; keys: KeyFields; mode?: 'new' | 'edit' }>(form: F, type: MeterKind, profiles: readonly ProfileInfo[]): F {
  const fitting = profilesForType(profiles, type);
  if (fitting.some((p) => p.id === form.profileId)) return { ...form, meterType: type };
  const profile = fitting[0];
  return { ...form, meterType: type, profileId: profile?.id ?? '', keys: form.mode === 'edit' ? form.keys : defaultKeyFields(profile) };
}

/** A new model; a new meter takes the model's default key parameters (keeping an SGC already typed). */
export function withProfile<F extends { profileId: string; keys: KeyFields; mode?: 'new' | 'edit' }>(form: F, profileId: string, profiles: readonly ProfileInfo[]): F {
  if (form.mode === 'edit') return { ...form, profileId };
  const defaults = defaultKeyFields(profiles.find((p) => p.id === profileId));
  return { ...form, profileId, keys: { ...defaults, sgc: form.keys.sgc !== '' ? form.keys.sgc : defaults.sgc } };
}

const KEY_FIELDS: readonly KeyField[] = ['sgc', 'ti', 'krn', 'keyType', 'algorithm', 'baseYear', 'dkga'];

/** A whole number typed in a field (digits only), or NaN so the schema names the field. */
function wholeNumber(text: string): number {
  return /^\d{1,4}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
}

/** The key parameters of the form, or the field errors (each sentence names what is wrong). */
export function readKeyFields(fields: KeyFields): { ok: true; value: KeyParams } | { ok: false; errors: FieldErrors<KeyField> } {
  const parsed = KeyParams.safeParse({
    sgc: fields.sgc,
    ti: wholeNumber(fields.ti),
    krn: wholeNumber(fields.krn),
    keyType: wholeNumber(fields.keyType),
    algorithm: fields.algorithm,
    baseYear: wholeNumber(fields.baseYear),
    dkga: fields.dkga,
  });
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: FieldErrors<KeyField> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (typeof field === 'string' && (KEY_FIELDS as readonly string[]).includes(field) && errors[field as KeyField] === undefined) {
      const message = issue.code === 'invalid_type' ? `the ${field === 'ti' ? 'tariff index (TI)' : 'key revision number (KRN)'} is a whole number` : issue.message;
      errors[field as KeyField] = `${message.charAt(0).toUpperCase()}${message.slice(1)}.`;
    }
  }
  return { ok: false, errors };
}

export type MeterFormResult =
  | { ok: true; create: CreateMeterInput; update: UpdateMeterInput | null }
  | { ok: false; errors: FieldErrors<MeterFormField> };

/** Checks the New/Edit form and makes the request for main. */
export function checkMeterForm(form: MeterForm, profiles: readonly ProfileInfo[]): MeterFormResult {
  const errors: FieldErrors<MeterFormField> = {};
  if (!(METER_KINDS as readonly string[]).includes(form.meterType)) errors.meterType = 'Choose the type of meter.';
  const profile = profiles.find((p) => p.id === form.profileId);
  if (!profile) errors.profileId = 'Choose the meter model.';
  let meterNo = form.meterNo;
  if (profile && form.mode === 'new') {
    const checked = checkMeterNumber(form.meterNo, ruleOf(profile));
    if (checked.ok) meterNo = checked.meterNo;
    else errors.meterNo = checked.problem;
  }
  let keys: KeyParams | null = null;
  let kit: CreateMeterInput['kit'] = null;
  if (profile?.scheme === 'STS') {
    const read = readKeyFields(form.keys);
    if (read.ok) keys = read.value;
    else Object.assign(errors, read.errors);
  } else if (profile?.scheme === 'OpenPAYGO') {
    const secret = form.kitSecret.trim();
    if (secret !== '' && !/^[0-9a-fA-F]{32}$/.test(secret)) errors.kitSecret = 'The OpenPAYGO secret is 32 hexadecimal digits (0-9, a-f).';
    const startingCode = form.kitStartingCode.trim();
    if (startingCode !== '' && !/^\d{9}$/.test(startingCode)) errors.kitStartingCode = 'The starting code is 9 digits.';
    const count = form.kitCount.trim() === '' ? 0 : Number(form.kitCount.trim());
    if (!/^\d{1,9}$/.test(form.kitCount.trim() === '' ? '0' : form.kitCount.trim())) errors.kitCount = 'The count is a whole number, 0 or more.';
    kit = { secret: secret === '' ? null : secret, startingCode: startingCode === '' ? null : startingCode, count };
  }
  if (Object.keys(errors).length > 0 || !profile) return { ok: false, errors };
  const create: CreateMeterInput = { meterNo, meterType: form.meterType, profileId: profile.id, keys, kit };
  const update: UpdateMeterInput | null =
    form.mode === 'edit' && form.id !== null && form.version !== null
      ? { id: form.id, version: form.version, meterType: form.meterType, profileId: profile.id, keys, kit, active: form.active }
      : null;
  return { ok: true, create, update };
}

// ---- batch input ----------------------------------------------------------------------------------------------

export interface RangeForm {
  first: string;
  last: string;
  meterType: MeterKind;
  profileId: string;
  keys: KeyFields;
  mode?: 'new';
}

export type RangeFormField = 'first' | 'last' | 'profileId' | KeyField;

export function newRangeForm(profiles: readonly ProfileInfo[], type: MeterKind = 'electricity'): RangeForm {
  const base = newMeterForm(profiles, type);
  return { first: '', last: '', meterType: type, profileId: base.profileId, keys: base.keys, mode: 'new' };
}

/** The count shown as the operator types ("- 10 meters"), or why the range does not work yet. */
export function rangePreview(form: RangeForm, profiles: readonly ProfileInfo[]): RangePlan | null {
  const profile = profiles.find((p) => p.id === form.profileId);
  if (!profile || form.first.trim() === '' || form.last.trim() === '') return null;
  return planMeterRange(form.first, form.last, ruleOf(profile));
}

export function checkRangeForm(form: RangeForm, profiles: readonly ProfileInfo[]): { ok: true; input: CreateMeterRangeInput; count: number } | { ok: false; errors: FieldErrors<RangeFormField> } {
  const errors: FieldErrors<RangeFormField> = {};
  const profile = profiles.find((p) => p.id === form.profileId);
  if (!profile) errors.profileId = 'Choose the meter model.';
  if (form.first.trim() === '') errors.first = 'Type the first number.';
  if (form.last.trim() === '') errors.last = 'Type the last number.';
  const plan = rangePreview(form, profiles);
  if (plan && !plan.ok) errors.last = plan.problem;
  let keys: KeyParams | null = null;
  if (profile?.scheme === 'STS') {
    const read = readKeyFields(form.keys);
    if (read.ok) keys = read.value;
    else Object.assign(errors, read.errors);
  }
  if (Object.keys(errors).length > 0 || !profile || !plan || !plan.ok) return { ok: false, errors };
  return {
    ok: true,
    count: plan.count,
    input: { first: form.first.trim(), last: form.last.trim(), meterType: form.meterType, profileId: profile.id, keys, dryRun: true, skipExisting: false },
  };
}
