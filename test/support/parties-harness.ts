import { createParties, type Parties } from '../../electron/services/library/parties';
import { createUuidV7Generator } from '../../electron/services/system';
import { luhnCheckDigit } from '../../shared/library/meter-number';
import { openLibraryHarness, type LibraryHarness } from './library-harness';

/**
 * L2's libraries on the in-memory Library Center harness: one district (D01) and this terminal's station (ST01), the
 * seed's 1 USD and 13 % electricity price, and a fast way to add many customers, meters and accounts through the repos
 * (the search texts and `listed` come from the migrations' triggers, as in the product).
 */
export interface PartiesHarness extends LibraryHarness {
  parties: Parties;
  districtId: string;
  stationId: string;
  priceId: string;
  /** Adds `count` customers ("C00001" "Name 1"), electricity meters and accounts ("A00001"); returns their ids. */
  seed(count: number, options?: { from?: number; name?: (i: number) => string }): Array<{ customerId: string; meterId: string; accountId: string; meterNo: string }>;
}

export const TEST_KEYS = { sgc: '123456', ti: 1, krn: 1, keyType: 2, algorithm: 'EA07', baseYear: 2014, dkga: 'DKGA02' } as const;

export function meterNumber(serial: number): string {
  const payload = `58${String(serial).padStart(8, '0')}`;
  return payload + String(luhnCheckDigit(payload));
}

export function openPartiesHarness(): PartiesHarness {
  const h = openLibraryHarness();
  const parties = createParties({
    sqlite: h.sqlite,
    library: h,
    clock: h.clock,
    ids: createUuidV7Generator(h.clock),
    stationId: () => 'station-test',
    terminalStationId: () => 'station-test',
    currencyDisplay: () => ({ CNY: 'RMB' }),
  });
  const now = h.clock.now().toISOString();
  parties.districtRepo.insert({ id: 'district-d01', stationId: 'station-test', createdAt: now, code: 'D01', name: 'Central', description: '' });
  parties.stationRepo.insert({ id: 'station-test', stationId: 'station-test', createdAt: now, code: 'ST01', name: 'Main Street', districtId: 'district-d01', address: '', phone: '' });
  const price = h.prices.create(
    { name: '1 USD, 13 %', meterType: 'electricity', categoryId: 'residential', pricePerUnit: '1', currency: 'USD', vatRate: '13', exciseRate: '0', taxMode: 'vendor-compatible', minPurchase: '0', maxPurchase: '' },
    'setup',
  );
  return {
    ...h,
    parties,
    districtId: 'district-d01',
    stationId: 'station-test',
    priceId: price.id,
    seed(count, options = {}) {
      const from = options.from ?? 1;
      const made: Array<{ customerId: string; meterId: string; accountId: string; meterNo: string }> = [];
      const born = { stationId: 'station-test', createdAt: now };
      h.sqlite.transaction(() => {
        const customers = [];
        const meters = [];
        const accounts = [];
        for (let i = from; i < from + count; i++) {
          const ids = { customerId: `c-${i}`, meterId: `m-${i}`, accountId: `a-${i}`, meterNo: meterNumber(i) };
          made.push(ids);
          customers.push({ ...born, id: ids.customerId, customerNo: `C${String(i).padStart(5, '0')}`, name: options.name?.(i) ?? `Name ${i}`, address: '', phone: '', email: '', identityNo: '', categoryId: 'residential', districtId: 'district-d01' });
          meters.push({ ...born, id: ids.meterId, meterNo: ids.meterNo, meterType: 'electricity' as const, profileId: 'm58-integrated-single-phase-electricity', keys: TEST_KEYS, kit: null });
          accounts.push({ ...born, id: ids.accountId, accountNo: `A${String(i).padStart(5, '0')}`, customerId: ids.customerId, meterId: ids.meterId, salesStationId: 'station-test', priceId: price.id });
        }
        parties.customerRepo.insert(customers);
        h.meterRepo.insert(meters);
        parties.accountRepo.insert(accounts);
      })();
      return made;
    },
  };
}
