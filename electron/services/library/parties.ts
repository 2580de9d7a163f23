import { createAccountsRepo, type AccountsRepo } from '../../db/repos/accounts-repo';
import { createCustomersRepo, type CustomersRepo } from '../../db/repos/customers-repo';
import { createDistrictsRepo, type DistrictsRepo } from '../../db/repos/districts-repo';
import { createStationsRepo, type StationsRepo } from '../../db/repos/stations-repo';
import { createAccountService, type AccountService } from './account-service';
import { createCustomerService, type CustomerService } from './customer-service';
import { createDistrictService, type DistrictService } from './district-service';
import type { Library, LibraryDeps } from './library';
import { createStationService, type StationService } from './station-service';

/**
 * L2's part of the Library Center, built in one place for startCore and the tests: the District, Sales Station,
 * Customer and Account Libraries and the Top-up query, on L1's recorder and reference data. It plugs into L1: a meter
 * or price an account uses is deactivated rather than removed.
 *
 * Plug points for later issues (each a statement taking the row's id; a row back means "in use"):
 * - V1 (sales): `accountRepo.registerReferenceCheck('sales were made on it', 'SELECT 1 FROM sales WHERE account_id = ? LIMIT 1')`,
 *   the same on `stationRepo` (sales made at the station) and, if it wants, `customerRepo`;
 * - A1 (management tokens): the same on `accountRepo`, and `accounts.applyMaxOverdraft` in its token's transaction.
 */
export interface Parties {
  districts: DistrictService;
  stations: StationService;
  customers: CustomerService;
  accounts: AccountService;
  districtRepo: DistrictsRepo;
  stationRepo: StationsRepo;
  customerRepo: CustomersRepo;
  accountRepo: AccountsRepo;
}

export interface PartiesDeps extends Pick<LibraryDeps, 'sqlite' | 'clock' | 'ids' | 'stationId'> {
  library: Library;
  /** The station this terminal sells for (setup); null before setup. */
  terminalStationId: () => string | null;
  currencyDisplay: () => Readonly<Record<string, string>>;
}

export const ACCOUNT_USES_IT = 'an account uses it';

export function createParties(deps: PartiesDeps): Parties {
  const { sqlite, library } = deps;
  library.meterRepo.registerReferenceCheck(ACCOUNT_USES_IT, 'SELECT 1 FROM accounts WHERE meter_id = ? LIMIT 1');
  library.priceRepo.registerReferenceCheck(ACCOUNT_USES_IT, 'SELECT 1 FROM accounts WHERE price_id = ? LIMIT 1');
  const districtRepo = createDistrictsRepo(sqlite);
  const stationRepo = createStationsRepo(sqlite);
  const customerRepo = createCustomersRepo(sqlite, { categoryNames: () => library.reference.categories() });
  const accountRepo = createAccountsRepo(sqlite);
  const common = { sqlite, changes: library.changes, clock: deps.clock, ids: deps.ids, stationId: deps.stationId };
  return {
    districts: createDistrictService({ ...common, districts: districtRepo }),
    stations: createStationService({ ...common, stations: stationRepo, districts: districtRepo, terminalStationId: deps.terminalStationId }),
    customers: createCustomerService({ ...common, customers: customerRepo, districts: districtRepo, accounts: accountRepo, reference: library.reference }),
    accounts: createAccountService({
      ...common,
      accounts: accountRepo,
      customers: customerRepo,
      meters: library.meterRepo,
      prices: library.priceRepo,
      stations: stationRepo,
      currencyDisplay: deps.currencyDisplay,
    }),
    districtRepo,
    stationRepo,
    customerRepo,
    accountRepo,
  };
}
