// Meter Library figures (issue L1): keyword search p95 over 1,000,000 meters through the same code as `meters.list`
// (count + one page of 20, sorted by meter number). Target: under 50 ms. Rows are seeded fast with one prepared
// statement in one transaction, on a file database opened the product's way (WAL, synchronous=FULL, migrations).
// Figures only: nothing here fails on timing.
import { createUuidV7Generator, systemClock } from '../electron/services/system';
import { luhnCheckDigit } from '../shared/library/meter-number';
import { line, openLibrary, percentile, rng } from './support/bench-library';

const METERS = 1_000_000;

export async function run(): Promise<void> {
  const lib = await openLibrary({ name: 'library' });
  const { sqlite, library } = lib;
  try {
    const ids = createUuidV7Generator(systemClock);

    const numbers: string[] = [];
    const types = ['electricity', 'electricity', 'electricity', 'water', 'gas'] as const;
    const profiles = { electricity: 'm58-integrated-single-phase-electricity', water: 'm58-integrated-water', gas: 'm58-integrated-gas' } as const;
    const insert = sqlite.prepare(
      `INSERT INTO meters (id, station_id, created_at, version, updated_at, active, meter_no, meter_type, profile_id,
         sgc, ti, krn, key_type, algorithm, base_year, dkga, kit_secret_set, search_seq)
       VALUES (?, 'bench', ?, 1, ?, 1, ?, ?, ?, '123456', 1, 1, 2, 'EA07', 2014, 'DKGA02', 0, ?)`,
    );
    sqlite.pragma('cache_size = -262144'); // 256 MiB while seeding: a million inserts into five indexes
    const seedStart = performance.now();
    const now = new Date().toISOString();
    sqlite.transaction(() => {
      for (let i = 0; i < METERS; i++) {
        // serials spread over the 8-digit space, as real deliveries are: runs of 1,000 from scattered starts
        const serial = (Math.floor(i / 1000) * 7919 % 100_000) * 1000 + (i % 1000);
        const payload = `58${String(serial).padStart(8, '0')}`;
        const meterNo = payload + String(luhnCheckDigit(payload));
        numbers.push(meterNo);
        const type = types[i % types.length] ?? 'electricity';
        insert.run(ids.newId(), now, now, meterNo, type, profiles[type], i + 1);
      }
    })();
    const seedMs = performance.now() - seedStart;
    sqlite.pragma('cache_size = -2000'); // back to SQLite's default for the searches
    sqlite.pragma('optimize');
    line(`seeded ${METERS.toLocaleString('en-US')} meters (one transaction, search index by trigger)`, `${(seedMs / 1000).toFixed(1)} s`, 'setup, not a target');

    const random = rng(20_260_501);
    const pick = () => numbers[Math.floor(random() * numbers.length)] ?? '';
    const keywords: string[] = [];
    for (let i = 0; i < 100; i++) keywords.push(pick()); // a whole meter number
    for (let i = 0; i < 100; i++) keywords.push(pick().slice(3, 9)); // six digits from the middle
    for (let i = 0; i < 100; i++) keywords.push(pick().slice(-5)); // the last five digits
    for (let i = 0; i < 100; i++) keywords.push(pick().slice(0, 8)); // the first eight digits

    const time = (search: string, page = 1) => {
      const start = performance.now();
      const result = library.meters.list({ search, page, pageSize: 20, sort: null });
      const ms = performance.now() - start;
      if (result.rows.length === 0 && result.total > 0) throw new Error(`no rows for "${search}"`);
      return ms;
    };
    for (const keyword of keywords.slice(0, 20)) time(keyword); // warm the cache
    const times = keywords.map((keyword) => time(keyword)).sort((a, b) => a - b);
    line('keyword search (meter number parts), p50', `${percentile(times, 50).toFixed(2)} ms`, 'count + first page of 20');
    line('keyword search (meter number parts), p95', `${percentile(times, 95).toFixed(2)} ms`, 'target under 50 ms');
    line('keyword search (meter number parts), max', `${(times.at(-1) ?? 0).toFixed(2)} ms`, `${keywords.length} searches`);

    const broad = ['58', '5800', 'Water Meter', 'Gas', '1', ''];
    for (const keyword of broad) {
      time(keyword);
      const runs = [0, 1, 2, 3, 4].map(() => time(keyword)).sort((a, b) => a - b);
      const total = library.meters.list({ search: keyword, page: 1, pageSize: 20, sort: null }).total;
      line(`broad keyword "${keyword}" (${total.toLocaleString('en-US')} matches), median of 5`, `${percentile(runs, 50).toFixed(2)} ms`, 'figure only');
    }
    const page3 = [0, 1, 2, 3, 4].map(() => time(keywords[0]?.slice(0, 7) ?? '5800001', 3)).sort((a, b) => a - b);
    line('page 3 of a 7-digit prefix, median of 5', `${percentile(page3, 50).toFixed(2)} ms`, 'figure only');
  } finally {
    lib.close();
  }
}
