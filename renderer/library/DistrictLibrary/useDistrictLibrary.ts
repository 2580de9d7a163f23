import type { DistrictRow, DistrictSortColumn } from '../../../shared/ipc/parties-schemas';
import type { DistrictField } from '../../../shared/library/party-rules';
import { useTill } from '../../app/till-context';
import { invoke } from '../../bridge/till';
import { useMasterLibrary, type MasterLibrary } from '../useMasterLibrary';
import { checkDistrictDialog, editDistrictForm, newDistrictForm, type DistrictFormState } from './district-form';

/** The District Library screen's state: the grid (search in main, inactive rows on request) and the dialog in front. */
export interface DistrictLibrary extends MasterLibrary<DistrictRow, DistrictSortColumn, DistrictFormState, DistrictField> {
  canEdit: boolean;
}

export function describeDistrict(row: { code: string; name: string }): string {
  return `the district ${row.code} (${row.name})`;
}

export function useDistrictLibrary(): DistrictLibrary {
  const { permissions } = useTill();
  const library = useMasterLibrary<DistrictRow, DistrictSortColumn, DistrictFormState, DistrictField>({
    list: (request) => invoke('districts.list', request),
    newForm: newDistrictForm,
    editForm: editDistrictForm,
    check: (form) => {
      const checked = checkDistrictDialog(form);
      if (!checked.ok) return checked;
      const { create, update } = checked;
      return { ok: true, save: () => (update ? invoke('districts.update', update) : invoke('districts.create', create)) };
    },
    savedNotice: (row, mode) => (mode === 'new' ? `The district ${row.code} (${row.name}) was added.` : `The district ${row.code} (${row.name}) was saved (version ${row.version}).`),
    remove: (row) => invoke('districts.remove', { id: row.id, version: row.version }),
  });
  return { ...library, canEdit: permissions.has('districts.edit') };
}
