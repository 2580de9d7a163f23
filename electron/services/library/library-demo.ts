import type { MeterKind } from '../../../shared/format/units';
import type { KeyParams } from '../../../shared/library/key-params';
import { TEST_SUPPLY_GROUP } from '../../../shared/library/meter-profiles';
import type { PriceValues } from '../../../shared/library/price-rules';
import type { IdGenerator } from '../../../shared/ports/id-generator';
import type { KeyStore } from '../key-store';
import type { Library } from './library';
import { kitSecretName } from './meter-service';

/**
 * The seed manual's meters and prices for the demo station (L1's part of the demo seeder). Runs inside setup's
 * transaction. Meters carry the public test supply group of the STS specification (SGC 123456, KRN 1, TI 01, key
 * type 2, EA07, DKGA02, base date 2014), so the test vending keys the demo loads (T2) can vend to them; the home solar
 * kit is an OpenPAYGO kit with the specification's public test secret and starting code (sts-spec.md 8.11), stored
 * only when the key store is unlocked at setup. Prices are the seed's ("1 USD, 13 %" and "1 CNY, 0.1 %", in the
 * vendor-compatible mode), with the same USD price also for the water, gas and solar kit meters the seed sells to.
 */
export const DEMO_KEYS: KeyParams = { sgc: TEST_SUPPLY_GROUP, ti: 1, krn: 1, keyType: 2, algorithm: 'EA07', baseYear: 2014, dkga: 'DKGA02' };
export const DEMO_KIT = { secret: 'bc41ec9530f6dac86b1a29ab82edc5fb', startingCode: '516959010', count: 1 } as const;

const DEMO_PROFILE: Readonly<Record<MeterKind, string>> = {
  electricity: 'm58-integrated-single-phase-electricity',
  water: 'm58-integrated-water',
  gas: 'm58-integrated-gas',
  'solar-kit': 'm58-home-solar-kit',
};

export const DEMO_PRICES: ReadonlyArray<Omit<PriceValues, 'categoryId'>> = [
  { name: '1 USD, 13 %', meterType: 'electricity', pricePerUnit: 10_000, currency: 'USD', vatBp: 1300, exciseBp: 0, taxMode: 'vendor-compatible', minPurchase: 0, maxPurchase: null },
  { name: '1 CNY, 0.1 %', meterType: 'electricity', pricePerUnit: 10_000, currency: 'CNY', vatBp: 10, exciseBp: 0, taxMode: 'vendor-compatible', minPurchase: 0, maxPurchase: null },
  { name: '1 USD, 13 % (Water Meter)', meterType: 'water', pricePerUnit: 10_000, currency: 'USD', vatBp: 1300, exciseBp: 0, taxMode: 'vendor-compatible', minPurchase: 0, maxPurchase: null },
  { name: '1 USD, 13 % (Gas Meter)', meterType: 'gas', pricePerUnit: 10_000, currency: 'USD', vatBp: 1300, exciseBp: 0, taxMode: 'vendor-compatible', minPurchase: 0, maxPurchase: null },
  { name: '1 USD, 13 % (Home Solar Kit)', meterType: 'solar-kit', pricePerUnit: 10_000, currency: 'USD', vatBp: 1300, exciseBp: 0, taxMode: 'vendor-compatible', minPurchase: 0, maxPurchase: null },
];

/** What the demo wrote, for the parts that point at it (L2's accounts): ids by meter number and by price name. */
export interface LibraryDemoIds {
  meterIds: ReadonlyMap<string, string>;
  priceIds: ReadonlyMap<string, string>;
}

export interface LibraryDemo {
  /** Writes the demo meters and prices with their outbox rows and one audit row; inside the caller's transaction. */
  apply(context: { stationId: string; now: string }, meters: ReadonlyArray<{ meterNo: string; kind: MeterKind }>): LibraryDemoIds;
}

export function createLibraryDemo(deps: { library: Library; keyStore: KeyStore; ids: IdGenerator }): LibraryDemo {
  return {
    apply(context, meters) {
      const { library } = deps;
      const kitSecretStored = deps.keyStore.status().state === 'unlocked';
      const meterRows = meters.map((meter) => {
        const kit = meter.kind === 'solar-kit';
        return {
          id: deps.ids.newId(),
          stationId: context.stationId,
          createdAt: context.now,
          meterNo: meter.meterNo,
          meterType: meter.kind,
          profileId: DEMO_PROFILE[meter.kind],
          keys: kit ? null : DEMO_KEYS,
          kit: kit ? { startingCode: DEMO_KIT.startingCode, count: DEMO_KIT.count, secretSet: kitSecretStored } : null,
        };
      });
      library.meterRepo.insert(meterRows);
      for (const row of meterRows) {
        if (row.kit?.secretSet) deps.keyStore.put(kitSecretName(row.id), Buffer.from(DEMO_KIT.secret, 'hex'), { meterId: row.id, meterNo: row.meterNo, kind: 'openpaygo-secret', demo: true });
      }
      const priceRows = DEMO_PRICES.map((price) => ({ ...price, categoryId: 'residential', id: deps.ids.newId(), stationId: context.stationId, createdAt: context.now }));
      for (const price of priceRows) library.priceRepo.insert(price);
      library.changes.record({
        actor: 'setup',
        action: 'demo.library',
        target: 'meters,prices',
        details: {
          meters: meterRows.map((m) => m.meterNo),
          prices: priceRows.map((p) => p.name),
          kitSecret: kitSecretStored ? 'the OpenPAYGO test secret is in the key store' : 'the key store was locked: the kit has no secret yet',
        },
        now: context.now,
        rows: [
          ...meterRows.map((m) => ({ table: 'meters' as const, id: m.id, version: 1, row: library.meterRepo.syncRow(m.id) })),
          ...priceRows.map((p) => ({ table: 'prices' as const, id: p.id, version: 1, row: library.priceRepo.syncRow(p.id) })),
        ],
      });
      return { meterIds: new Map(meterRows.map((m) => [m.meterNo, m.id])), priceIds: new Map(priceRows.map((p) => [p.name, p.id])) };
    },
  };
}
