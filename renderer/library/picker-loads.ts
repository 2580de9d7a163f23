import { ok } from '../../shared/errors/result';
import { METER_KIND_LABEL } from '../../shared/format/units';
import { invoke } from '../bridge/till';
import type { PickerLoad } from '../components/SearchPicker/usePicker';

/**
 * What the Library Center's search pickers ask main: the first rows of a library's list channel for the typed keyword
 * (active rows only: a new row points at active ones). The search runs in main over all rows, never over a loaded page.
 */
const PICKER_PAGE = 20;

export function districtLabel(d: { code: string; name: string }): string {
  return `${d.code} ${d.name}`;
}

export function stationLabel(s: { code: string; name: string }): string {
  return `${s.code} ${s.name}`;
}

export function customerLabel(c: { customerNo: string; name: string }): string {
  return `${c.customerNo} ${c.name}`;
}

export const loadDistricts: PickerLoad = async (search) => {
  const result = await invoke('districts.list', { search, pageSize: PICKER_PAGE });
  if (!result.ok) return result;
  return ok({ options: result.value.rows.map((d) => ({ id: d.id, label: districtLabel(d), detail: d.description })), total: result.value.total });
};

export const loadStations: PickerLoad = async (search) => {
  const result = await invoke('stations.list', { search, pageSize: PICKER_PAGE });
  if (!result.ok) return result;
  return ok({ options: result.value.rows.map((s) => ({ id: s.id, label: stationLabel(s), detail: s.districtName })), total: result.value.total });
};

export const loadCustomers: PickerLoad = async (search) => {
  const result = await invoke('customers.list', { search, pageSize: PICKER_PAGE });
  if (!result.ok) return result;
  return ok({
    options: result.value.rows.map((c) => ({ id: c.id, label: customerLabel(c), detail: `${c.categoryName}, ${c.districtName}` })),
    total: result.value.total,
  });
};

/** The Meter Library lists inactive meters too; the picker says so, and main refuses one for a new account. */
export const loadMeters: PickerLoad = async (search) => {
  const result = await invoke('meters.list', { search, pageSize: PICKER_PAGE });
  if (!result.ok) return result;
  return ok({
    options: result.value.rows.map((m) => ({ id: m.id, label: m.meterNo, detail: `${METER_KIND_LABEL[m.meterType]}${m.active ? '' : ', inactive'}` })),
    total: result.value.total,
  });
};
