import type { StationRow, StationSortColumn } from '../../../shared/ipc/parties-schemas';
import type { StationField } from '../../../shared/library/party-rules';
import { useTill } from '../../app/till-context';
import { invoke } from '../../bridge/till';
import { usePicker, type PickerState } from '../../components/SearchPicker/usePicker';
import { loadDistricts } from '../picker-loads';
import { useMasterLibrary, type MasterLibrary } from '../useMasterLibrary';
import { checkStationDialog, editStationForm, newStationForm, type StationFormState } from './station-form';

/** The Sales Station Library screen's state: the grid, the dialog in front and its district picker. */
export interface StationLibrary extends MasterLibrary<StationRow, StationSortColumn, StationFormState, StationField> {
  canEdit: boolean;
  districtPicker: PickerState;
}

export function describeStation(row: { code: string; name: string }): string {
  return `the station ${row.code} (${row.name})`;
}

export function useStationLibrary(): StationLibrary {
  const { permissions } = useTill();
  const districtPicker = usePicker({ load: loadDistricts });
  const library = useMasterLibrary<StationRow, StationSortColumn, StationFormState, StationField>({
    list: (request) => invoke('stations.list', request),
    newForm: newStationForm,
    editForm: editStationForm,
    check: (form) => {
      const checked = checkStationDialog(form);
      if (!checked.ok) return checked;
      const { create, update } = checked;
      return { ok: true, save: () => (update ? invoke('stations.update', update) : invoke('stations.create', create)) };
    },
    savedNotice: (row, mode) => (mode === 'new' ? `The station ${row.code} (${row.name}) was added.` : `The station ${row.code} (${row.name}) was saved (version ${row.version}).`),
    remove: (row) => invoke('stations.remove', { id: row.id, version: row.version }),
  });
  return { ...library, canEdit: permissions.has('stations.edit'), districtPicker };
}
