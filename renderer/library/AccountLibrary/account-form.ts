import { METER_KIND_LABEL, UNIT_OF_METER_KIND, formatUnitsNumber, type MeterKind } from '../../../shared/format/units';
import type { AccountRow, CreateAccountInput, UpdateAccountInput } from '../../../shared/ipc/parties-schemas';
import { checkAccountForm, type AccountField, type AccountForm } from '../../../shared/library/party-rules';
import { customerLabel, stationLabel } from '../picker-loads';
import type { FieldErrors } from '../useMasterLibrary';

/**
 * The Account Library's New/Edit form as pure state: "Account Library - New (input or choose the correct information) -
 * Save". Customer, meter and sales station are chosen with search pickers; the price from the prices main offers for
 * the chosen meter's type and customer's category. Max overdraft is shown, not typed: a Set Max Overdraft token sets it.
 */
export interface AccountFormState extends AccountForm {
  mode: 'new' | 'edit';
  id: string | null;
  version: number | null;
  active: boolean;
  customerLabel: string;
  meterLabel: string;
  salesStationLabel: string;
  /** The price's name as saved (shown while the choices load, or when it is no longer offered). */
  priceLabel: string;
  /** The price the account was saved with (edit), kept even when it is no longer among the choices. */
  savedPriceId: string | null;
  maxOverdraftTenths: number | null;
  meterType: MeterKind | null;
}

export function newAccountForm(station: { id: string; code: string; name: string } | null): AccountFormState {
  return {
    mode: 'new',
    id: null,
    version: null,
    active: true,
    accountNo: '',
    customerId: '',
    customerLabel: '',
    meterId: '',
    meterLabel: '',
    salesStationId: station?.id ?? '',
    salesStationLabel: station ? stationLabel(station) : '',
    priceId: '',
    priceLabel: '',
    savedPriceId: null,
    maxOverdraftTenths: null,
    meterType: null,
  };
}

export function editAccountForm(row: AccountRow): AccountFormState {
  return {
    mode: 'edit',
    id: row.id,
    version: row.version,
    active: row.active,
    accountNo: row.accountNo,
    customerId: row.customerId,
    customerLabel: customerLabel({ customerNo: row.customerNo, name: row.customerName }),
    meterId: row.meterId,
    meterLabel: row.meterNo,
    salesStationId: row.salesStationId,
    salesStationLabel: stationLabel({ code: row.salesStationCode, name: row.salesStationName }),
    priceId: row.priceId,
    priceLabel: row.priceName,
    savedPriceId: row.priceId,
    maxOverdraftTenths: row.maxOverdraftTenths,
    meterType: row.meterType,
  };
}

/** "Not set yet", or "10.0 kWh" in the meter type's unit. */
export function maxOverdraftText(tenths: number | null, meterType: MeterKind | null): string {
  if (tenths === null) return 'Not set yet (a Set Max Overdraft token sets it)';
  return meterType === null ? formatUnitsNumber(tenths) : `${formatUnitsNumber(tenths)} ${UNIT_OF_METER_KIND[meterType]}`;
}

export function meterDetail(meterType: MeterKind | null): string {
  return meterType === null ? '' : METER_KIND_LABEL[meterType];
}

export type AccountDialogCheck =
  | { ok: true; create: CreateAccountInput; update: UpdateAccountInput | null }
  | { ok: false; errors: FieldErrors<AccountField> };

export function checkAccountDialog(form: AccountFormState): AccountDialogCheck {
  const checked = checkAccountForm(form);
  if (!checked.ok) return { ok: false, errors: { [checked.field]: checked.problem } };
  const create: CreateAccountInput = { accountNo: form.accountNo, customerId: form.customerId, meterId: form.meterId, salesStationId: form.salesStationId, priceId: form.priceId };
  const update = form.mode === 'edit' && form.id !== null && form.version !== null ? { ...create, id: form.id, version: form.version, active: form.active } : null;
  return { ok: true, create, update };
}
