import type Database from 'better-sqlite3';
import { AppFailure } from '../../../shared/errors/result';
import type { RemoveResult } from '../../../shared/ipc/library-schemas';
import type { ListRequest, ListResponse } from '../../../shared/ipc/list';
import type { CreateCustomerInput, CustomerRow, CustomerSortColumn, UpdateCustomerInput } from '../../../shared/ipc/parties-schemas';
import { checkCustomerForm, CUSTOMER_FIELD_LABEL, type CustomerForm, type CustomerValues } from '../../../shared/library/party-rules';
import type { Clock } from '../../../shared/ports/clock';
import type { IdGenerator } from '../../../shared/ports/id-generator';
import { writeTransaction } from '../../db/open-database';
import type { AccountsRepo } from '../../db/repos/accounts-repo';
import type { CustomerRecord, CustomersRepo } from '../../db/repos/customers-repo';
import type { DistrictsRepo } from '../../db/repos/districts-repo';
import { masterUpdater } from './apply-master-update';
import type { MasterChangeRecorder } from './master-change';
import { removeOrDeactivate, requireVersion } from './party-changes';
import type { LibraryReference } from './reference-data';

/**
 * The Customer Library (L2): customer number (the operator's, unique, leading zeros kept), name (the seed's "User
 * Coder"), address, phone, email, identity number, category (L1's customer categories: it decides which prices the
 * customer's accounts may have) and district. A customer with accounts is deactivated instead of removed, and its
 * accounts keep pointing at it (they leave the Top-up Center while it is inactive).
 */
export interface CustomerService {
  list(request: ListRequest<CustomerSortColumn>): ListResponse<CustomerRow>;
  get(id: string): CustomerRow;
  create(input: CreateCustomerInput, actor: string): CustomerRow;
  update(input: UpdateCustomerInput, actor: string): CustomerRow;
  remove(input: { id: string; version: number }, actor: string): RemoveResult;
}

export interface CustomerServiceDeps {
  sqlite: Database.Database;
  customers: CustomersRepo;
  districts: DistrictsRepo;
  accounts: AccountsRepo;
  reference: LibraryReference;
  changes: MasterChangeRecorder;
  clock: Clock;
  ids: IdGenerator;
  stationId: () => string;
}

function toRow(record: CustomerRecord): CustomerRow {
  const { stationId: _station, createdAt: _created, ...row } = record;
  return row;
}

const FIELDS: ReadonlyArray<keyof CustomerValues> = ['customerNo', 'name', 'address', 'phone', 'email', 'identityNo', 'categoryId', 'districtId'];

export function describeCustomer(c: { customerNo: string; name: string }): string {
  return `customer ${c.customerNo} (${c.name})`;
}

export function createCustomerService(deps: CustomerServiceDeps): CustomerService {
  const checked = (form: CustomerForm): CustomerValues => {
    const result = checkCustomerForm(form, deps.reference.categoryIds());
    if (!result.ok) throw new AppFailure('VALIDATION', `${CUSTOMER_FIELD_LABEL[result.field]}: ${result.problem}`);
    return result.value;
  };
  const numberFree = (customerNo: string, exceptId: string | null) => {
    const other = deps.customers.byCustomerNo(customerNo);
    if (other && other.id !== exceptId) {
      throw new AppFailure('CONFLICT', `Customer No.: ${describeCustomer(other)} already has this number; choose another number.`);
    }
  };
  const requireDistrict = (districtId: string) => {
    const district = deps.districts.byId(districtId);
    if (!district) throw new AppFailure('VALIDATION', 'District: the chosen district is no longer in the library; choose it again.');
    if (!district.active) throw new AppFailure('VALIDATION', `District: the district ${district.code} (${district.name}) is inactive; choose an active district.`);
  };
  const categoryName = (id: string) => deps.reference.categories().find((c) => c.id === id)?.name ?? id;
  const gone = () => new AppFailure('NOT_FOUND', 'This customer is no longer in the library; reload the list.');
  const get = (id: string): CustomerRow => {
    const record = deps.customers.byId(id);
    if (!record) throw gone();
    return toRow(record);
  };
  const changed = (id: string, version: number) => ({ table: 'customers' as const, id, version, row: deps.customers.syncRow(id) });
  const edited = (c: CustomerRecord) => `The ${describeCustomer(c)} was changed by someone else since you opened it; close the dialog and open it again.`;
  const applyUpdate = masterUpdater({ table: 'customers', repo: deps.customers, fields: FIELDS, key: 'customerNo', clock: deps.clock, changes: deps.changes });

  return {
    list(request) {
      const page = deps.customers.list(request);
      return { ...page, rows: page.rows.map(toRow) };
    },

    get,

    create(input, actor) {
      const values = checked(input);
      const id = deps.ids.newId();
      writeTransaction(deps.sqlite, () => {
        numberFree(values.customerNo, null);
        requireDistrict(values.districtId);
        const now = deps.clock.now().toISOString();
        deps.customers.insert([{ id, stationId: deps.stationId(), createdAt: now, ...values }]);
        deps.changes.record({ actor, action: 'customers.create', target: `customers:${values.customerNo}`, details: { ...values }, now, rows: [changed(id, 1)] });
      });
      return get(id);
    },

    update(input, actor) {
      const values = checked(input);
      writeTransaction(deps.sqlite, () => {
        const current = deps.customers.byId(input.id);
        if (!current) throw gone();
        requireVersion(current, input.version, edited(current));
        numberFree(values.customerNo, current.id);
        if (values.districtId !== current.districtId) requireDistrict(values.districtId);
        if (values.categoryId !== current.categoryId) {
          const priced = deps.accounts.pricedForOtherCategory(current.id, values.categoryId);
          if (priced.length > 0) {
            const shown = priced.slice(0, 5).join(', ') + (priced.length > 5 ? ', ...' : '');
            throw new AppFailure(
              'CONFLICT',
              `Customer category: the ${describeCustomer(current)} has active accounts priced for ${current.categoryName} customers (${shown}). ` +
                `Deactivate those accounts in the Account Library, change the category, then give each a price for ${categoryName(values.categoryId)} customers and activate it again.`,
            );
          }
        }
        applyUpdate({ current, input, values, conflictMessage: edited(current), actor });
      });
      return get(input.id);
    },

    remove(input, actor) {
      return writeTransaction(deps.sqlite, (): RemoveResult => {
        const current = deps.customers.byId(input.id);
        if (!current) throw gone();
        const conflictMessage = `The ${describeCustomer(current)} was changed by someone else since you selected it; reload the list and try again.`;
        requireVersion(current, input.version, conflictMessage);
        const now = deps.clock.now().toISOString();
        const { customerNo, name, address, phone, email, identityNo, categoryId, districtId } = current;
        return removeOrDeactivate({
          table: 'customers',
          actionPrefix: 'customers',
          subject: `The ${describeCustomer(current)}`,
          target: `customers:${customerNo}`,
          details: { customerNo, name },
          current,
          reasons: deps.customers.usage(current.id),
          actor,
          now,
          changes: deps.changes,
          deactivate: () =>
            deps.customers.update(current.id, input.version, { customerNo, name, address, phone, email, identityNo, categoryId, districtId, active: false }, now),
          delete: () => deps.customers.delete(current.id),
          syncRow: () => deps.customers.syncRow(current.id),
          conflictMessage,
        });
      });
    },
  };
}
