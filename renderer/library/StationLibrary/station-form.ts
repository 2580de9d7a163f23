import type { CreateStationInput, StationRow, UpdateStationInput } from '../../../shared/ipc/parties-schemas';
import { checkStationForm, type StationField, type StationForm } from '../../../shared/library/party-rules';
import { districtLabel } from '../picker-loads';
import type { FieldErrors } from '../useMasterLibrary';

/** The Sales Station Library's New/Edit form as pure state; the district is chosen with a search picker. */
export interface StationFormState extends StationForm {
  mode: 'new' | 'edit';
  id: string | null;
  version: number | null;
  active: boolean;
  thisTerminal: boolean;
  /** The chosen district as the picker shows it. */
  districtLabel: string;
}

export function newStationForm(): StationFormState {
  return { mode: 'new', id: null, version: null, active: true, thisTerminal: false, code: '', name: '', districtId: '', districtLabel: '', address: '', phone: '' };
}

export function editStationForm(row: StationRow): StationFormState {
  return {
    mode: 'edit',
    id: row.id,
    version: row.version,
    active: row.active,
    thisTerminal: row.thisTerminal,
    code: row.code,
    name: row.name,
    districtId: row.districtId,
    districtLabel: districtLabel({ code: row.districtCode, name: row.districtName }),
    address: row.address,
    phone: row.phone,
  };
}

export type StationDialogCheck =
  | { ok: true; create: CreateStationInput; update: UpdateStationInput | null }
  | { ok: false; errors: FieldErrors<StationField> };

export function checkStationDialog(form: StationFormState): StationDialogCheck {
  const checked = checkStationForm(form);
  if (!checked.ok) return { ok: false, errors: { [checked.field]: checked.problem } };
  const create: CreateStationInput = { code: form.code, name: form.name, districtId: form.districtId, address: form.address, phone: form.phone };
  const update = form.mode === 'edit' && form.id !== null && form.version !== null ? { ...create, id: form.id, version: form.version, active: form.active } : null;
  return { ok: true, create, update };
}
