import type Database from 'better-sqlite3';
import { AppFailure } from '../../../shared/errors/result';
import type { ListRequest, ListResponse } from '../../../shared/ipc/list';
import type { CreatePriceInput, PriceRow, PriceSortColumn, RemoveResult, UpdatePriceInput } from '../../../shared/ipc/library-schemas';
import { checkPriceForm, PRICE_FIELD_LABEL, type PriceForm, type PriceValues } from '../../../shared/library/price-rules';
import type { Clock } from '../../../shared/ports/clock';
import type { IdGenerator } from '../../../shared/ports/id-generator';
import { writeTransaction } from '../../db/open-database';
import type { PriceRecord, PricesRepo } from '../../db/repos/prices-repo';
import { masterUpdater } from './apply-master-update';
import type { MasterChangeRecorder } from './master-change';
import { requireVersion } from './party-changes';
import type { LibraryReference } from './reference-data';

/**
 * The Price Library (L1): every price is checked by the same rules as its form (shared/library/price-rules.ts), stored
 * as integers (price per unit at 1/10,000, rates in basis points, limits in minor units), and versioned: every edit
 * moves the version, and a sale records the version it was quoted on. A price that something points at (L2's
 * accounts) is deactivated instead of removed.
 */
export interface PriceService {
  list(request: ListRequest<PriceSortColumn>): ListResponse<PriceRow>;
  get(id: string): PriceRow;
  create(input: CreatePriceInput, actor: string): PriceRow;
  update(input: UpdatePriceInput, actor: string): PriceRow;
  remove(input: { id: string; version: number }, actor: string): RemoveResult;
}

export interface PriceServiceDeps {
  sqlite: Database.Database;
  prices: PricesRepo;
  reference: LibraryReference;
  changes: MasterChangeRecorder;
  clock: Clock;
  ids: IdGenerator;
  stationId: () => string;
}

function toRow(record: PriceRecord): PriceRow {
  const { stationId: _station, createdAt: _created, ...row } = record;
  return row;
}

const VALUE_FIELDS: ReadonlyArray<keyof PriceValues> = [
  'name', 'meterType', 'categoryId', 'pricePerUnit', 'currency', 'vatBp', 'exciseBp', 'taxMode', 'minPurchase', 'maxPurchase',
];

export function createPriceService(deps: PriceServiceDeps): PriceService {
  const checked = (form: PriceForm): PriceValues => {
    const result = checkPriceForm(form, deps.reference.categoryIds());
    if (!result.ok) throw new AppFailure('VALIDATION', `${PRICE_FIELD_LABEL[result.field]}: ${result.problem}`);
    return result.value;
  };
  const nameFree = (name: string, exceptId: string | null) => {
    if (deps.prices.nameTaken(name, exceptId)) {
      throw new AppFailure('CONFLICT', `Name: a price named "${name}" already exists; choose another name.`);
    }
  };
  const gone = () => new AppFailure('NOT_FOUND', 'This price is no longer in the library; reload the list.');
  const get = (id: string): PriceRow => {
    const record = deps.prices.byId(id);
    if (!record) throw gone();
    return toRow(record);
  };
  const changedRow = (id: string, version: number) => ({ table: 'prices' as const, id, version, row: deps.prices.syncRow(id) });
  const applyUpdate = masterUpdater({ table: 'prices', repo: deps.prices, fields: VALUE_FIELDS, key: 'name', clock: deps.clock, changes: deps.changes });

  return {
    list(request) {
      const page = deps.prices.list(request);
      return { ...page, rows: page.rows.map(toRow) };
    },

    get,

    create(input, actor) {
      const values = checked(input);
      const id = deps.ids.newId();
      writeTransaction(deps.sqlite, () => {
        nameFree(values.name, null);
        const now = deps.clock.now().toISOString();
        deps.prices.insert({ id, stationId: deps.stationId(), createdAt: now, ...values });
        deps.changes.record({ actor, action: 'prices.create', target: `prices:${values.name}`, details: { ...values }, now, rows: [changedRow(id, 1)] });
      });
      return get(id);
    },

    update(input, actor) {
      const values = checked(input);
      writeTransaction(deps.sqlite, () => {
        const current = deps.prices.byId(input.id);
        if (!current) throw gone();
        const edited = `The price "${current.name}" was changed by someone else since you opened it; close the dialog and open it again.`;
        requireVersion(current, input.version, edited);
        nameFree(values.name, current.id);
        if (current.meterType !== values.meterType || current.categoryId !== values.categoryId) {
          // L2: an account's price matches its meter's type and its customer's category; a price in use keeps both.
          const reasons = deps.prices.usage(current.id);
          if (reasons.length > 0) {
            throw new AppFailure('CONFLICT', `Meter type and customer category: the price "${current.name}" keeps them because ${reasons.join(' and ')}; add a new price for the other meter type or category instead.`);
          }
        }
        applyUpdate({ current, input, values, conflictMessage: edited, actor });
      });
      return get(input.id);
    },

    remove(input, actor) {
      return writeTransaction(deps.sqlite, (): RemoveResult => {
        const current = deps.prices.byId(input.id);
        if (!current) throw gone();
        if (current.version !== input.version) {
          throw new AppFailure('CONFLICT', `The price "${current.name}" was changed by someone else since you selected it; reload the list and try again.`);
        }
        const now = deps.clock.now().toISOString();
        const reasons = deps.prices.usage(current.id);
        if (reasons.length > 0) {
          const why = reasons.join(' and ');
          if (!current.active) return { outcome: 'deactivated', message: `The price "${current.name}" is already inactive; it stays because ${why}.` };
          const { id: _id, stationId: _s, createdAt: _c, version: _v, updatedAt: _u, categoryName: _n, active: _a, ...values } = current;
          if (!deps.prices.update(current.id, input.version, { ...values, active: false }, now)) {
            throw new AppFailure('CONFLICT', `The price "${current.name}" was changed by someone else since you selected it; reload the list and try again.`);
          }
          deps.changes.record({
            actor,
            action: 'prices.deactivate',
            target: `prices:${current.name}`,
            details: { name: current.name, version: current.version + 1, reasons },
            now,
            rows: [changedRow(current.id, current.version + 1)],
          });
          return { outcome: 'deactivated', message: `The price "${current.name}" cannot be removed because ${why}; it was deactivated instead.` };
        }
        deps.prices.delete(current.id);
        deps.changes.record({
          actor,
          action: 'prices.remove',
          target: `prices:${current.name}`,
          details: { name: current.name, version: current.version + 1 },
          now,
          rows: [{ table: 'prices', id: current.id, version: current.version + 1, row: null }],
        });
        return { outcome: 'deleted', message: `The price "${current.name}" was removed from the library.` };
      });
    },
  };
}
