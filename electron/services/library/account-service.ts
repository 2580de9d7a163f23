import type Database from 'better-sqlite3';
import { AppFailure } from '../../../shared/errors/result';
import { currencyLabel } from '../../../shared/format/currencies';
import { METER_KIND_LABEL } from '../../../shared/format/units';
import type { RemoveResult } from '../../../shared/ipc/library-schemas';
import type { ListRequest, ListResponse } from '../../../shared/ipc/list';
import type {
  AccountPriceChoice, AccountRow, AccountSortColumn, CreateAccountInput, TopUpRow, TopUpSortColumn, UpdateAccountInput,
} from '../../../shared/ipc/parties-schemas';
import { ACCOUNT_FIELD_LABEL, checkAccountForm, type AccountForm, type AccountValues } from '../../../shared/library/party-rules';
import { formatPricePerUnit, formatRatePercent } from '../../../shared/money/decimal-text';
import type { Clock } from '../../../shared/ports/clock';
import type { IdGenerator } from '../../../shared/ports/id-generator';
import { writeTransaction } from '../../db/open-database';
import type { AccountRecord, AccountsRepo, PriceSummary } from '../../db/repos/accounts-repo';
import type { CustomerRecord, CustomersRepo } from '../../db/repos/customers-repo';
import type { MeterRecord, MetersRepo } from '../../db/repos/meters-repo';
import type { PriceRecord, PricesRepo } from '../../db/repos/prices-repo';
import type { StationsRepo } from '../../db/repos/stations-repo';
import { masterUpdater } from './apply-master-update';
import { describeCustomer } from './customer-service';
import type { MasterChangeRecorder } from './master-change';
import { removeOrDeactivate, requireVersion } from './party-changes';

/**
 * The Account Library (L2) and the Top-up query. An account ties a customer, a meter, a sales station and a price;
 * the rules, checked in the write transaction:
 * - one active account per meter (also a partial unique index);
 * - the price is for the meter's type and the customer's category;
 * - what it is opened with (or moved to) is active.
 * An account that sales or management tokens point at is deactivated instead of removed (V1 and A1 register those
 * checks on the repo). `accounts.forTopUp` lists the accounts the Top-up Center sells to.
 */
export interface AccountService {
  list(request: ListRequest<AccountSortColumn>): ListResponse<AccountRow>;
  get(id: string): AccountRow;
  create(input: CreateAccountInput, actor: string): AccountRow;
  update(input: UpdateAccountInput, actor: string): AccountRow;
  remove(input: { id: string; version: number }, actor: string): RemoveResult;
  priceChoices(input: { customerId: string; meterId: string }): AccountPriceChoice[];
  forTopUp(request: ListRequest<TopUpSortColumn>): ListResponse<TopUpRow>;
  /**
   * A1's write after a Set Max Overdraft token: records the value on the account (tenths of the meter type's unit),
   * with its audit and outbox rows. Call inside the caller's write transaction, with the account version it read.
   */
  applyMaxOverdraft(change: { accountId: string; version: number; tenths: number; actor: string; now: string }): void;
}

export interface AccountServiceDeps {
  sqlite: Database.Database;
  accounts: AccountsRepo;
  customers: CustomersRepo;
  meters: MetersRepo;
  prices: PricesRepo;
  stations: StationsRepo;
  changes: MasterChangeRecorder;
  clock: Clock;
  ids: IdGenerator;
  stationId: () => string;
  /** The site's names for currencies (CNY shown as "RMB"), matched by the Top-up search as the grid shows them. */
  currencyDisplay: () => Readonly<Record<string, string>>;
}

function toRow(record: AccountRecord): AccountRow {
  const { stationId: _station, createdAt: _created, ...row } = record;
  return row;
}

function invalid(message: string): never {
  throw new AppFailure('VALIDATION', message);
}

const FIELDS: ReadonlyArray<keyof AccountValues> = ['accountNo', 'customerId', 'meterId', 'salesStationId', 'priceId'];

/** "Electricity Meters" for a sentence. */
function typePlural(type: MeterRecord['meterType']): string {
  return `${METER_KIND_LABEL[type]}s`;
}

/** "an Electricity Meter", "a Water Meter". */
function typeWithArticle(type: MeterRecord['meterType']): string {
  const label = METER_KIND_LABEL[type];
  return `${/^[AEIOU]/.test(label) ? 'an' : 'a'} ${label}`;
}

export function createAccountService(deps: AccountServiceDeps): AccountService {
  const checked = (form: AccountForm): AccountValues => {
    const result = checkAccountForm(form);
    if (!result.ok) invalid(`${ACCOUNT_FIELD_LABEL[result.field]}: ${result.problem}`);
    return result.value;
  };
  const gone = () => new AppFailure('NOT_FOUND', 'This account is no longer in the library; reload the list.');
  const get = (id: string): AccountRow => {
    const record = deps.accounts.byId(id);
    if (!record) throw gone();
    return toRow(record);
  };
  const changed = (id: string, version: number) => ({ table: 'accounts' as const, id, version, row: deps.accounts.syncRow(id) });

  const customerOf = (id: string, mustBeActive: boolean): CustomerRecord => {
    const customer = deps.customers.byId(id);
    if (!customer) invalid('Customer: the chosen customer is no longer in the library; choose it again.');
    if (mustBeActive && !customer.active) invalid(`Customer: the ${describeCustomer(customer)} is inactive; activate it in the Customer Library or choose another customer.`);
    return customer;
  };
  const meterOf = (id: string, mustBeActive: boolean): MeterRecord => {
    const meter = deps.meters.byId(id);
    if (!meter) invalid('Meter: the chosen meter is no longer in the library; choose it again.');
    if (mustBeActive && !meter.active) invalid(`Meter: meter ${meter.meterNo} is inactive; activate it in the Meter Library or choose another meter.`);
    return meter;
  };
  const priceOf = (id: string, mustBeActive: boolean): PriceRecord => {
    const price = deps.prices.byId(id);
    if (!price) invalid('Price: the chosen price is no longer in the library; choose it again.');
    if (mustBeActive && !price.active) invalid(`Price: the price "${price.name}" is inactive; choose an active price.`);
    return price;
  };
  const requireStation = (id: string, mustBeActive: boolean) => {
    const station = deps.stations.byId(id);
    if (!station) invalid('Sales station: the chosen station is no longer in the library; choose it again.');
    if (mustBeActive && !station.active) invalid(`Sales station: the station ${station.code} (${station.name}) is inactive; choose an active station.`);
  };
  /** The price is for the meter's type and the customer's category. */
  const requireMatch = (price: PriceRecord, meter: MeterRecord, customer: CustomerRecord) => {
    if (price.meterType !== meter.meterType) {
      invalid(`Price: the price "${price.name}" is for ${typePlural(price.meterType)}, but meter ${meter.meterNo} is ${typeWithArticle(meter.meterType)}; choose a price for ${typePlural(meter.meterType)}.`);
    }
    if (price.categoryId !== customer.categoryId) {
      invalid(`Price: the price "${price.name}" is for ${price.categoryName} customers, but the ${describeCustomer(customer)} is ${customer.categoryName}; choose a price for ${customer.categoryName} customers.`);
    }
  };
  const numberFree = (accountNo: string, exceptId: string | null) => {
    const other = deps.accounts.byAccountNo(accountNo);
    if (other && other.id !== exceptId) throw new AppFailure('CONFLICT', `Account No.: account ${other.accountNo} already exists (meter ${other.meterNo}); choose another number.`);
  };
  const meterFree = (meter: MeterRecord, exceptId: string | null) => {
    const other = deps.accounts.activeForMeter(meter.id, exceptId);
    if (other) {
      throw new AppFailure(
        'CONFLICT',
        `Meter: meter ${meter.meterNo} already has an active account (${other.accountNo}); a meter has one active account. Deactivate that account first, or choose another meter.`,
      );
    }
  };

  const priceMatches = (prices: readonly PriceSummary[]) => (keyword: string) => {
    const lower = keyword.toLowerCase();
    const display = deps.currencyDisplay();
    return prices
      .filter((p) =>
        [formatPricePerUnit(p.pricePerUnit), p.currency, currencyLabel(p.currency, display), formatRatePercent(p.vatBp + p.exciseBp)].some((text) =>
          text.toLowerCase().includes(lower),
        ),
      )
      .map((p) => p.id);
  };

  const applyUpdate = masterUpdater({ table: 'accounts', repo: deps.accounts, fields: FIELDS, key: 'accountNo', clock: deps.clock, changes: deps.changes });

  return {
    list(request) {
      const page = deps.accounts.list(request);
      return { ...page, rows: page.rows.map(toRow) };
    },

    get,

    create(input, actor) {
      const values = checked(input);
      const id = deps.ids.newId();
      writeTransaction(deps.sqlite, () => {
        numberFree(values.accountNo, null);
        const customer = customerOf(values.customerId, true);
        const meter = meterOf(values.meterId, true);
        requireStation(values.salesStationId, true);
        const price = priceOf(values.priceId, true);
        requireMatch(price, meter, customer);
        meterFree(meter, null);
        const now = deps.clock.now().toISOString();
        deps.accounts.insert([{ id, stationId: deps.stationId(), createdAt: now, ...values }]);
        deps.changes.record({
          actor,
          action: 'accounts.create',
          target: `accounts:${values.accountNo}`,
          details: { ...values, customerNo: customer.customerNo, meterNo: meter.meterNo, priceName: price.name, priceVersion: price.version },
          now,
          rows: [changed(id, 1)],
        });
      });
      return get(id);
    },

    update(input, actor) {
      const values = checked(input);
      writeTransaction(deps.sqlite, () => {
        const current = deps.accounts.byId(input.id);
        if (!current) throw gone();
        const edited = `Account ${current.accountNo} was changed by someone else since you opened it; close the dialog and open it again.`;
        requireVersion(current, input.version, edited);
        numberFree(values.accountNo, current.id);
        // What the account is moved to must be active; what it already had may have been deactivated since.
        const customer = customerOf(values.customerId, values.customerId !== current.customerId);
        const meter = meterOf(values.meterId, values.meterId !== current.meterId);
        requireStation(values.salesStationId, values.salesStationId !== current.salesStationId);
        const price = priceOf(values.priceId, values.priceId !== current.priceId);
        requireMatch(price, meter, customer);
        if (input.active && (!current.active || values.meterId !== current.meterId)) meterFree(meter, current.id);
        applyUpdate({ current, input, values, conflictMessage: edited, actor });
      });
      return get(input.id);
    },

    remove(input, actor) {
      return writeTransaction(deps.sqlite, (): RemoveResult => {
        const current = deps.accounts.byId(input.id);
        if (!current) throw gone();
        const conflictMessage = `Account ${current.accountNo} was changed by someone else since you selected it; reload the list and try again.`;
        requireVersion(current, input.version, conflictMessage);
        const now = deps.clock.now().toISOString();
        const { accountNo, customerId, meterId, salesStationId, priceId } = current;
        return removeOrDeactivate({
          table: 'accounts',
          actionPrefix: 'accounts',
          subject: `Account ${accountNo}`,
          target: `accounts:${accountNo}`,
          details: { accountNo, customerNo: current.customerNo, meterNo: current.meterNo },
          current,
          reasons: deps.accounts.usage(current.id),
          actor,
          now,
          changes: deps.changes,
          deactivate: () => deps.accounts.update(current.id, input.version, { accountNo, customerId, meterId, salesStationId, priceId, active: false }, now),
          delete: () => deps.accounts.delete(current.id),
          syncRow: () => deps.accounts.syncRow(current.id),
          conflictMessage,
        });
      });
    },

    priceChoices(input) {
      const customer = customerOf(input.customerId, false);
      const meter = meterOf(input.meterId, false);
      return deps.accounts.activePrices().filter((p) => p.meterType === meter.meterType && p.categoryId === customer.categoryId);
    },

    forTopUp(request) {
      let prices: PriceSummary[] | null = null;
      const page = deps.accounts.forTopUp(request, (keyword) => priceMatches((prices ??= deps.accounts.activePrices()))(keyword));
      return { ...page, rows: page.rows.map((row) => ({ ...row, taxBp: row.vatBp + row.exciseBp })) };
    },

    applyMaxOverdraft(change) {
      if (!Number.isSafeInteger(change.tenths) || change.tenths < 0) throw new AppFailure('VALIDATION', 'Max overdraft: type a whole number of tenths, 0 or more.');
      const current = deps.accounts.byId(change.accountId);
      if (!current) throw gone();
      const edited = `Account ${current.accountNo} was changed by someone else meanwhile; reload it and try again.`;
      requireVersion(current, change.version, edited);
      if (!deps.accounts.setMaxOverdraft(current.id, change.version, change.tenths, change.now)) throw new AppFailure('CONFLICT', edited);
      deps.changes.record({
        actor: change.actor,
        action: 'accounts.maxOverdraft',
        target: `accounts:${current.accountNo}`,
        details: { accountNo: current.accountNo, meterNo: current.meterNo, version: current.version + 1, maxOverdraftTenths: { from: current.maxOverdraftTenths, to: change.tenths } },
        now: change.now,
        rows: [changed(current.id, current.version + 1)],
      });
    },
  };
}
