import type { CreateDistrictInput, DistrictRow, UpdateDistrictInput } from '../../../shared/ipc/parties-schemas';
import { checkDistrictForm, type DistrictField, type DistrictForm } from '../../../shared/library/party-rules';
import type { FieldErrors } from '../useMasterLibrary';

/** The District Library's New/Edit form as pure state; its field errors come from the rules main applies on save. */
export interface DistrictFormState extends DistrictForm {
  mode: 'new' | 'edit';
  id: string | null;
  version: number | null;
  active: boolean;
}

export function newDistrictForm(): DistrictFormState {
  return { mode: 'new', id: null, version: null, active: true, code: '', name: '', description: '' };
}

export function editDistrictForm(row: DistrictRow): DistrictFormState {
  return { mode: 'edit', id: row.id, version: row.version, active: row.active, code: row.code, name: row.name, description: row.description };
}

export type DistrictDialogCheck =
  | { ok: true; create: CreateDistrictInput; update: UpdateDistrictInput | null }
  | { ok: false; errors: FieldErrors<DistrictField> };

export function checkDistrictDialog(form: DistrictFormState): DistrictDialogCheck {
  const checked = checkDistrictForm(form);
  if (!checked.ok) return { ok: false, errors: { [checked.field]: checked.problem } };
  const create: CreateDistrictInput = { code: form.code, name: form.name, description: form.description };
  const update = form.mode === 'edit' && form.id !== null && form.version !== null ? { ...create, id: form.id, version: form.version, active: form.active } : null;
  return { ok: true, create, update };
}
