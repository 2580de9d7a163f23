import type Database from 'better-sqlite3';
import { AppFailure } from '../../../shared/errors/result';
import type { RemoveResult } from '../../../shared/ipc/library-schemas';
import type { ListRequest, ListResponse } from '../../../shared/ipc/list';
import type { CreateStationInput, StationRow, StationSortColumn, UpdateStationInput } from '../../../shared/ipc/parties-schemas';
import { checkStationForm, STATION_FIELD_LABEL, type StationForm, type StationValues } from '../../../shared/library/party-rules';
import type { Clock } from '../../../shared/ports/clock';
import type { IdGenerator } from '../../../shared/ports/id-generator';
import { writeTransaction } from '../../db/open-database';
import type { DistrictsRepo } from '../../db/repos/districts-repo';
import type { StationRecord, StationsRepo } from '../../db/repos/stations-repo';
import { masterUpdater } from './apply-master-update';
import type { MasterChangeRecorder } from './master-change';
import { removeOrDeactivate, requireVersion } from './party-changes';

/**
 * The Sales Station Library (L2): station code (unique), name, district, address, phone. This terminal sells for one
 * station (chosen at setup): that station can be edited but not removed or deactivated here. A station that accounts
 * belong to or sales were made at is deactivated instead of removed.
 */
export interface StationService {
  list(request: ListRequest<StationSortColumn>): ListResponse<StationRow>;
  get(id: string): StationRow;
  create(input: CreateStationInput, actor: string): StationRow;
  update(input: UpdateStationInput, actor: string): StationRow;
  remove(input: { id: string; version: number }, actor: string): RemoveResult;
}

export interface StationServiceDeps {
  sqlite: Database.Database;
  stations: StationsRepo;
  districts: DistrictsRepo;
  changes: MasterChangeRecorder;
  clock: Clock;
  ids: IdGenerator;
  /** Where rows are born (this terminal's station id, or 'unassigned' before setup). */
  stationId: () => string;
  /** The station this terminal sells for; null before setup. */
  terminalStationId: () => string | null;
}

const FIELDS: ReadonlyArray<keyof StationValues> = ['code', 'name', 'districtId', 'address', 'phone'];

export function createStationService(deps: StationServiceDeps): StationService {
  const toRow = (record: StationRecord): StationRow => {
    const { stationId: _station, createdAt: _created, ...row } = record;
    return { ...row, thisTerminal: record.id === deps.terminalStationId() };
  };
  const checked = (form: StationForm): StationValues => {
    const result = checkStationForm(form);
    if (!result.ok) throw new AppFailure('VALIDATION', `${STATION_FIELD_LABEL[result.field]}: ${result.problem}`);
    return result.value;
  };
  const codeFree = (code: string, exceptId: string | null) => {
    const other = deps.stations.codeTaken(code, exceptId);
    if (other) throw new AppFailure('CONFLICT', `Station code: the station "${other.name}" already has the code ${other.code}; choose another code.`);
  };
  const requireDistrict = (districtId: string) => {
    const district = deps.districts.byId(districtId);
    if (!district) throw new AppFailure('VALIDATION', 'District: the chosen district is no longer in the library; choose it again.');
    if (!district.active) throw new AppFailure('VALIDATION', `District: the district ${district.code} (${district.name}) is inactive; choose an active district.`);
  };
  const gone = () => new AppFailure('NOT_FOUND', 'This sales station is no longer in the library; reload the list.');
  const get = (id: string): StationRow => {
    const record = deps.stations.byId(id);
    if (!record) throw gone();
    return toRow(record);
  };
  const changed = (id: string, version: number) => ({ table: 'stations' as const, id, version, row: deps.stations.syncRow(id) });
  const edited = (s: { code: string; name: string }) => `The station ${s.code} (${s.name}) was changed by someone else since you opened it; close the dialog and open it again.`;
  const ownStation = (s: { id: string; code: string; name: string }) =>
    new AppFailure('CONFLICT', `The station ${s.code} (${s.name}) is the station this terminal sells for; it cannot be removed or deactivated here.`);
  const applyUpdate = masterUpdater({ table: 'stations', repo: deps.stations, fields: FIELDS, key: 'code', clock: deps.clock, changes: deps.changes });

  return {
    list(request) {
      const page = deps.stations.list(request);
      return { ...page, rows: page.rows.map(toRow) };
    },

    get,

    create(input, actor) {
      const values = checked(input);
      const id = deps.ids.newId();
      writeTransaction(deps.sqlite, () => {
        codeFree(values.code, null);
        requireDistrict(values.districtId);
        const now = deps.clock.now().toISOString();
        deps.stations.insert({ id, stationId: deps.stationId(), createdAt: now, ...values });
        deps.changes.record({ actor, action: 'stations.create', target: `stations:${values.code}`, details: { ...values }, now, rows: [changed(id, 1)] });
      });
      return get(id);
    },

    update(input, actor) {
      const values = checked(input);
      writeTransaction(deps.sqlite, () => {
        const current = deps.stations.byId(input.id);
        if (!current) throw gone();
        requireVersion(current, input.version, edited(current));
        if (!input.active && current.id === deps.terminalStationId()) throw ownStation(current);
        codeFree(values.code, current.id);
        if (values.districtId !== current.districtId) requireDistrict(values.districtId);
        applyUpdate({ current, input, values, conflictMessage: edited(current), actor });
      });
      return get(input.id);
    },

    remove(input, actor) {
      return writeTransaction(deps.sqlite, (): RemoveResult => {
        const current = deps.stations.byId(input.id);
        if (!current) throw gone();
        const conflictMessage = `The station ${current.code} (${current.name}) was changed by someone else since you selected it; reload the list and try again.`;
        requireVersion(current, input.version, conflictMessage);
        if (current.id === deps.terminalStationId()) throw ownStation(current);
        const now = deps.clock.now().toISOString();
        const { code, name, districtId, address, phone } = current;
        return removeOrDeactivate({
          table: 'stations',
          actionPrefix: 'stations',
          subject: `The station ${code} (${name})`,
          target: `stations:${code}`,
          details: { code, name },
          current,
          reasons: deps.stations.usage(current.id),
          actor,
          now,
          changes: deps.changes,
          deactivate: () => deps.stations.update(current.id, input.version, { code, name, districtId, address, phone, active: false }, now),
          delete: () => deps.stations.delete(current.id),
          syncRow: () => deps.stations.syncRow(current.id),
          conflictMessage,
        });
      });
    },
  };
}
