import type { MeterKind } from '../../../shared/format/units';
import { DEFAULT_CATEGORY_ID } from '../../../shared/library/categories';
import type { IdGenerator } from '../../../shared/ports/id-generator';
import type { LibraryDemoIds } from './library-demo';
import type { MasterChangeRecorder } from './master-change';
import type { Parties } from './parties';

/**
 * The seed manual's customers and accounts for the demo station (L2's part of the demo seeder; runs inside setup's
 * transaction, after L1's meters and prices). Each demo meter gets one account for the customer the seed shows it
 * with, priced as the seed's Top-up grid shows: 1 USD and 13 % for each meter type, and 1 RMB (CNY) and 0.1 % for
 * Kuti's electricity meter 58000009181. Account numbers follow the seed's grid order (by meter number): 0001, 0002, ...
 * Customers are residential and live in the station's district; accounts belong to this station.
 */
export const DEMO_PRICE_FOR_KIND: Readonly<Record<MeterKind, string>> = {
  electricity: '1 USD, 13 %',
  water: '1 USD, 13 % (Water Meter)',
  gas: '1 USD, 13 % (Gas Meter)',
  'solar-kit': '1 USD, 13 % (Home Solar Kit)',
};

/** Meters the seed sells at another price than their type's. */
export const DEMO_PRICE_FOR_METER: Readonly<Record<string, string>> = { '58000009181': '1 CNY, 0.1 %' };

export interface PartiesDemo {
  apply(
    context: { stationId: string; districtId: string; now: string },
    data: {
      customers: ReadonlyArray<{ customerNo: string; name: string }>;
      meters: ReadonlyArray<{ meterNo: string; kind: MeterKind; customerNo: string }>;
      library: LibraryDemoIds;
    },
  ): void;
}

export function createPartiesDemo(deps: { parties: Parties; changes: MasterChangeRecorder; ids: IdGenerator }): PartiesDemo {
  return {
    apply(context, data) {
      const { parties } = deps;
      const born = { stationId: context.stationId, createdAt: context.now };
      const customerRows = data.customers.map((c) => ({
        ...born,
        id: deps.ids.newId(),
        customerNo: c.customerNo,
        name: c.name,
        address: '',
        phone: '',
        email: '',
        identityNo: '',
        categoryId: DEFAULT_CATEGORY_ID,
        districtId: context.districtId,
      }));
      parties.customerRepo.insert(customerRows);
      const customerIds = new Map(customerRows.map((c) => [c.customerNo, c.id]));
      const required = (map: ReadonlyMap<string, string>, key: string, what: string): string => {
        const id = map.get(key);
        if (id === undefined) throw new Error(`demo seeding: ${what} ${key} is missing`);
        return id;
      };
      const ordered = [...data.meters].sort((a, b) => a.meterNo.localeCompare(b.meterNo));
      const accountRows = ordered.map((meter, index) => ({
        ...born,
        id: deps.ids.newId(),
        accountNo: String(index + 1).padStart(4, '0'),
        customerId: required(customerIds, meter.customerNo, 'customer'),
        meterId: required(data.library.meterIds, meter.meterNo, 'meter'),
        salesStationId: context.stationId,
        priceId: required(data.library.priceIds, DEMO_PRICE_FOR_METER[meter.meterNo] ?? DEMO_PRICE_FOR_KIND[meter.kind], 'price'),
      }));
      parties.accountRepo.insert(accountRows);
      deps.changes.record({
        actor: 'setup',
        action: 'demo.parties',
        target: 'customers,accounts',
        details: {
          customers: customerRows.map((c) => `${c.customerNo} ${c.name}`),
          accounts: ordered.map((m, i) => `${accountRows[i]?.accountNo ?? ''}: ${m.customerNo} ${m.meterNo}`),
        },
        now: context.now,
        rows: [
          ...customerRows.map((c) => ({ table: 'customers' as const, id: c.id, version: 1, row: parties.customerRepo.syncRow(c.id) })),
          ...accountRows.map((a) => ({ table: 'accounts' as const, id: a.id, version: 1, row: parties.accountRepo.syncRow(a.id) })),
        ],
      });
    },
  };
}
