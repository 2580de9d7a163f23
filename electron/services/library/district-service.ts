import type Database from 'better-sqlite3';
import { AppFailure } from '../../../shared/errors/result';
import type { RemoveResult } from '../../../shared/ipc/library-schemas';
import type { ListRequest, ListResponse } from '../../../shared/ipc/list';
import type { CreateDistrictInput, DistrictRow, DistrictSortColumn, UpdateDistrictInput } from '../../../shared/ipc/parties-schemas';
import { checkDistrictForm, DISTRICT_FIELD_LABEL, type DistrictForm, type DistrictValues } from '../../../shared/library/party-rules';
import type { Clock } from '../../../shared/ports/clock';
import type { IdGenerator } from '../../../shared/ports/id-generator';
import { writeTransaction } from '../../db/open-database';
import type { DistrictRecord, DistrictsRepo } from '../../db/repos/districts-repo';
import { masterUpdater } from './apply-master-update';
import type { MasterChangeRecorder } from './master-change';
import { removeOrDeactivate, requireVersion } from './party-changes';

/**
 * The District Library (L2): code (unique), name and description. A district that stations are in or customers live
 * in is deactivated instead of removed. Every change is one write transaction with its audit and outbox rows.
 */
export interface DistrictService {
  list(request: ListRequest<DistrictSortColumn>): ListResponse<DistrictRow>;
  get(id: string): DistrictRow;
  create(input: CreateDistrictInput, actor: string): DistrictRow;
  update(input: UpdateDistrictInput, actor: string): DistrictRow;
  remove(input: { id: string; version: number }, actor: string): RemoveResult;
}

export interface DistrictServiceDeps {
  sqlite: Database.Database;
  districts: DistrictsRepo;
  changes: MasterChangeRecorder;
  clock: Clock;
  ids: IdGenerator;
  stationId: () => string;
}

function toRow(record: DistrictRecord): DistrictRow {
  const { stationId: _station, createdAt: _created, ...row } = record;
  return row;
}

const FIELDS: ReadonlyArray<keyof DistrictValues> = ['code', 'name', 'description'];

export function createDistrictService(deps: DistrictServiceDeps): DistrictService {
  const checked = (form: DistrictForm): DistrictValues => {
    const result = checkDistrictForm(form);
    if (!result.ok) throw new AppFailure('VALIDATION', `${DISTRICT_FIELD_LABEL[result.field]}: ${result.problem}`);
    return result.value;
  };
  const codeFree = (code: string, exceptId: string | null) => {
    const other = deps.districts.codeTaken(code, exceptId);
    if (other) throw new AppFailure('CONFLICT', `District code: the district "${other.name}" already has the code ${other.code}; choose another code.`);
  };
  const gone = () => new AppFailure('NOT_FOUND', 'This district is no longer in the library; reload the list.');
  const get = (id: string): DistrictRow => {
    const record = deps.districts.byId(id);
    if (!record) throw gone();
    return toRow(record);
  };
  const changed = (id: string, version: number) => ({ table: 'districts' as const, id, version, row: deps.districts.syncRow(id) });
  const edited = (d: { code: string; name: string }) => `The district ${d.code} (${d.name}) was changed by someone else since you opened it; close the dialog and open it again.`;
  const applyUpdate = masterUpdater({ table: 'districts', repo: deps.districts, fields: FIELDS, key: 'code', clock: deps.clock, changes: deps.changes });

  return {
    list(request) {
      const page = deps.districts.list(request);
      return { ...page, rows: page.rows.map(toRow) };
    },

    get,

    create(input, actor) {
      const values = checked(input);
      const id = deps.ids.newId();
      writeTransaction(deps.sqlite, () => {
        codeFree(values.code, null);
        const now = deps.clock.now().toISOString();
        deps.districts.insert({ id, stationId: deps.stationId(), createdAt: now, ...values });
        deps.changes.record({ actor, action: 'districts.create', target: `districts:${values.code}`, details: { ...values }, now, rows: [changed(id, 1)] });
      });
      return get(id);
    },

    update(input, actor) {
      const values = checked(input);
      writeTransaction(deps.sqlite, () => {
        const current = deps.districts.byId(input.id);
        if (!current) throw gone();
        requireVersion(current, input.version, edited(current));
        codeFree(values.code, current.id);
        applyUpdate({ current, input, values, conflictMessage: edited(current), actor });
      });
      return get(input.id);
    },

    remove(input, actor) {
      return writeTransaction(deps.sqlite, (): RemoveResult => {
        const current = deps.districts.byId(input.id);
        if (!current) throw gone();
        const conflictMessage = `The district ${current.code} (${current.name}) was changed by someone else since you selected it; reload the list and try again.`;
        requireVersion(current, input.version, conflictMessage);
        const now = deps.clock.now().toISOString();
        return removeOrDeactivate({
          table: 'districts',
          actionPrefix: 'districts',
          subject: `The district ${current.code} (${current.name})`,
          target: `districts:${current.code}`,
          details: { code: current.code, name: current.name },
          current,
          reasons: deps.districts.usage(current.id),
          actor,
          now,
          changes: deps.changes,
          deactivate: () => deps.districts.update(current.id, input.version, { code: current.code, name: current.name, description: current.description, active: false }, now),
          delete: () => deps.districts.delete(current.id),
          syncRow: () => deps.districts.syncRow(current.id),
          conflictMessage,
        });
      });
    },
  };
}
