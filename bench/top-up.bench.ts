// Top-up query figures (issue L2): keyword search p95 over 1,000,000 customers, meters and accounts through the same
// code as `accounts.forTopUp` (count + one page of 20, sorted by meter number as the seed's grid is). Target: under
// 50 ms. Rows are seeded fast with prepared statements in one transaction (the search indexes and the `listed` flag
// are written by the migrations' triggers, as in the product), on a file database opened the product's way (WAL,
// synchronous=FULL, migrations). Figures only: nothing here fails on timing.
import { createUuidV7Generator, systemClock } from '../electron/services/system';
import { luhnCheckDigit } from '../shared/library/meter-number';
import { line, openLibrary, percentile, rng } from './support/bench-library';

const ROWS = 1_000_000;

const FIRST = ['Lili', 'Bule', 'Linda', 'Kuti', 'Lynn', 'Amina', 'Joseph', 'Grace', 'Peter', 'Fatima', 'John', 'Mary', 'Musa', 'Neema', 'Baraka', 'Zawadi', 'Ali', 'Halima', 'David', 'Esther', 'Samuel', 'Ruth', 'Daniel', 'Sarah', 'Moses', 'Rose', 'Paul', 'Agnes', 'James', 'Mercy'];
const LAST = ['Moyo', 'Banda', 'Phiri', 'Mwale', 'Tembo', 'Zulu', 'Ngoma', 'Daka', 'Sakala', 'Lungu', 'Mbewe', 'Chanda', 'Mulenga', 'Bwalya', 'Kunda', 'Njobvu', 'Soko', 'Kaunda', 'Mumba', 'Nkhoma', 'Otieno', 'Wanjiru', 'Kamau', 'Achieng', 'Mutua', 'Kiprop', 'Odhiambo', 'Njeri', 'Mwangi', 'Chege'];

export async function run(): Promise<void> {
  const lib = await openLibrary({ name: 'top-up', terminalStationId: 'bench-station', currencyDisplay: { CNY: 'RMB' } });
  const { sqlite, parties } = lib;
  try {
    const ids = createUuidV7Generator(systemClock);

    const now = new Date().toISOString();
    const random = rng(20_260_601);
    const seedStart = performance.now();
    const customers: Array<{ customerNo: string; name: string }> = [];
    const meterNos: string[] = [];
    sqlite.pragma('cache_size = -262144'); // 256 MiB while seeding: three million rows, their indexes and search tables
    sqlite.transaction(() => {
      sqlite.prepare(`INSERT INTO districts (id, station_id, created_at, version, updated_at, active, code, name, description) VALUES ('bench-district', 'bench', ?, 1, ?, 1, 'D01', 'Central', '')`).run(now, now);
      sqlite.prepare(`INSERT INTO stations (id, station_id, created_at, version, updated_at, active, code, name, district_id, address, phone) VALUES ('bench-station', 'bench', ?, 1, ?, 1, 'ST01', 'Main Street', 'bench-district', '', '')`).run(now, now);
      const price = sqlite.prepare(
        `INSERT INTO prices (id, station_id, created_at, version, updated_at, active, name, meter_type, category_id, price_per_unit, currency, vat_bp, excise_bp, tax_mode, min_purchase)
         VALUES (?, 'bench', ?, 1, ?, 1, ?, ?, ?, ?, ?, ?, 0, 'vendor-compatible', 0)`,
      );
      const prices = [
        ['p-e-r', '1 USD, 13 %', 'electricity', 'residential', 10_000, 'USD', 1300],
        ['p-e-c', '1.25 USD, 16 %', 'electricity', 'commercial', 12_500, 'USD', 1600],
        ['p-e-cny', '1 CNY, 0.1 %', 'electricity', 'residential', 10_000, 'CNY', 10],
        ['p-w-r', 'Water 2.5 USD', 'water', 'residential', 25_000, 'USD', 1300],
        ['p-g-r', 'Gas 3 USD', 'gas', 'residential', 30_000, 'USD', 1300],
      ] as const;
      for (const [id, name, type, category, perUnit, currency, vat] of prices) price.run(id, now, now, name, type, category, perUnit, currency, vat);
      const meter = sqlite.prepare(
        `INSERT INTO meters (id, station_id, created_at, version, updated_at, active, meter_no, meter_type, profile_id,
           sgc, ti, krn, key_type, algorithm, base_year, dkga, kit_secret_set, search_seq)
         VALUES (?, 'bench', ?, 1, ?, 1, ?, ?, ?, '123456', 1, 1, 2, 'EA07', 2014, 'DKGA02', 0, ?)`,
      );
      const customer = sqlite.prepare(
        `INSERT INTO customers (id, station_id, created_at, version, updated_at, active, customer_no, name, address, phone, email, identity_no, category_id, district_id, search_seq)
         VALUES (?, 'bench', ?, 1, ?, 1, ?, ?, ?, ?, '', '', ?, 'bench-district', ?)`,
      );
      const account = sqlite.prepare(
        `INSERT INTO accounts (id, station_id, created_at, version, updated_at, active, account_no, customer_id, meter_id, sales_station_id, price_id, search_seq)
         VALUES (?, 'bench', ?, 1, ?, 1, ?, ?, ?, 'bench-station', ?, ?)`,
      );
      const profiles = { electricity: 'm58-integrated-single-phase-electricity', water: 'm58-integrated-water', gas: 'm58-integrated-gas' } as const;
      const types = ['electricity', 'electricity', 'electricity', 'water', 'gas'] as const;
      for (let i = 0; i < ROWS; i++) {
        // serials spread over the 8-digit space, as real deliveries are: runs of 1,000 from scattered starts
        const serial = ((Math.floor(i / 1000) * 7919) % 100_000) * 1000 + (i % 1000);
        const payload = `58${String(serial).padStart(8, '0')}`;
        const meterNo = payload + String(luhnCheckDigit(payload));
        meterNos.push(meterNo);
        const type = types[i % types.length] ?? 'electricity';
        const meterId = ids.newId();
        meter.run(meterId, now, now, meterNo, type, profiles[type], i + 1);
        const commercial = i % 10 === 9;
        const customerNo = String(i + 1).padStart(7, '0');
        const name = `${FIRST[Math.floor(random() * FIRST.length)] ?? 'Lili'} ${LAST[Math.floor(random() * LAST.length)] ?? 'Moyo'}`;
        customers.push({ customerNo, name });
        const customerId = ids.newId();
        customer.run(customerId, now, now, customerNo, name, `Plot ${i % 5000}, Zone ${i % 40}`, `+255 7${String(i).padStart(8, '0')}`, commercial ? 'commercial' : 'residential', i + 1);
        const priceId = type === 'electricity' ? (commercial ? 'p-e-c' : i % 7 === 0 ? 'p-e-cny' : 'p-e-r') : type === 'water' ? 'p-w-r' : 'p-g-r';
        account.run(ids.newId(), now, now, `A${String(i + 1).padStart(7, '0')}`, customerId, meterId, priceId, i + 1);
      }
    })();
    const seedMs = performance.now() - seedStart;
    sqlite.pragma('cache_size = -2000'); // back to SQLite's default for the searches
    sqlite.pragma('optimize');
    line(`seeded ${ROWS.toLocaleString('en-US')} customers, meters and accounts (one transaction)`, `${(seedMs / 1000).toFixed(1)} s`, 'setup, not a target');

    const pick = () => Math.floor(random() * ROWS);
    const kinds: Array<[string, () => string]> = [
      ['a whole customer number', () => customers[pick()]?.customerNo ?? ''],
      ["a customer's full name (User Coder)", () => customers[pick()]?.name ?? ''],
      ['a whole meter number', () => meterNos[pick()] ?? ''],
      ['six digits from the middle of a meter number', () => (meterNos[pick()] ?? '').slice(3, 9)],
      ['the last five digits of a meter number', () => (meterNos[pick()] ?? '').slice(-5)],
    ];
    const keywords = kinds.flatMap(([kind, make]) => Array.from({ length: 100 }, () => ({ kind, keyword: make() })));

    const time = (search: string, page = 1, sort: { column: 'meterNo' | 'customerNo' | 'customerName' | 'meterType'; direction: 'asc' | 'desc' } | null = null) => {
      const start = performance.now();
      const result = parties.accounts.forTopUp({ search, page, pageSize: 20, sort });
      const ms = performance.now() - start;
      if (result.rows.length === 0 && result.total > 0) throw new Error(`no rows for "${search}"`);
      return { ms, total: result.total };
    };
    for (const { keyword } of keywords.slice(0, 20)) time(keyword); // warm the cache
    const measured = keywords.map(({ kind, keyword }) => ({ kind, ...time(keyword) }));
    const times = measured.map((m) => m.ms).sort((a, b) => a - b);
    line('Top-up keyword search (customer no., name, meter no. parts), p50', `${percentile(times, 50).toFixed(2)} ms`, 'count + first page of 20');
    line('Top-up keyword search (customer no., name, meter no. parts), p95', `${percentile(times, 95).toFixed(2)} ms`, 'target under 50 ms');
    line('Top-up keyword search (customer no., name, meter no. parts), max', `${(times.at(-1) ?? 0).toFixed(2)} ms`, `${keywords.length} searches`);
    for (const [kind] of kinds) {
      const ofKind = measured.filter((m) => m.kind === kind);
      const sorted = ofKind.map((m) => m.ms).sort((a, b) => a - b);
      const matches = ofKind.map((m) => m.total).sort((a, b) => a - b);
      line(`  by ${kind}, p95 (median ${percentile(matches, 50).toLocaleString('en-US')} matches)`, `${percentile(sorted, 95).toFixed(2)} ms`, 'figure only');
    }

    const broad = ['', 'Moyo', 'Lili', 'RMB', 'Water Meter', 'USD', '13', '58'];
    for (const keyword of broad) {
      time(keyword);
      const runs = [0, 1, 2].map(() => time(keyword).ms).sort((a, b) => a - b);
      line(`broad keyword "${keyword}" (${time(keyword).total.toLocaleString('en-US')} matches), median of 3`, `${percentile(runs, 50).toFixed(2)} ms`, 'figure only');
    }
    for (const column of ['customerNo', 'customerName', 'meterType'] as const) {
      const runs = [0, 1, 2].map(() => time('', 1, { column, direction: 'asc' }).ms).sort((a, b) => a - b);
      line(`no keyword, sorted by ${column}, median of 3`, `${percentile(runs, 50).toFixed(2)} ms`, 'figure only');
    }

    // the Customer and Account Libraries' own lists over the same million rows
    const listTimes = (fn: (search: string) => void) =>
      keywords
        .map(({ keyword }) => {
          const start = performance.now();
          fn(keyword);
          return performance.now() - start;
        })
        .sort((a, b) => a - b);
    const customerTimes = listTimes((search) => parties.customers.list({ search, page: 1, pageSize: 20, sort: null }));
    line('Customer Library keyword search, p95', `${percentile(customerTimes, 95).toFixed(2)} ms`, 'figure only');
    const accountTimes = listTimes((search) => parties.accounts.list({ search, page: 1, pageSize: 20, sort: null }));
    line('Account Library keyword search, p95', `${percentile(accountTimes, 95).toFixed(2)} ms`, 'figure only');
  } finally {
    lib.close();
  }
}
