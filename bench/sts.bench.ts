// Token-engine figures on one core (everything runs on Node's main thread; run by tsx, so the figures include its
// module-interop overhead, which the compiled app does not have): credit tokens per second with a
// cached decoder key (EA07, EA11), decoder keys per second (DKGA02, DKGA04), and the time for key-change sets for
// 1,000,000 meters. Targets (issue T2): 250,000 EA07/s, 500,000 EA11/s, 200,000 DKGA02 keys/s, 1,000,000 key-change
// sets under 30 s. Figures only: nothing here fails on timing.
import {
  buildCreditToken, createDkga02Deriver, createTokenCipher, meterPanFromDrn, parseDrn, luhnCheckDigit,
  type MeterPan,
} from '../electron/sts';
import { createDkga04Deriver } from '../electron/sts/dkga04';
import { buildKeyChangeTokens } from '../electron/sts/key-change';
import { createTokenIssuer, type StsMeter } from '../electron/sts/token-issuer';

const bytes = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex, 'hex'));

function rate(count: number, ms: number): string {
  return Math.round(count / (ms / 1000)).toLocaleString('en-US');
}

/** Runs `body(i)` for i in [0, count) after a warm-up; returns elapsed milliseconds. */
function time(count: number, body: (i: number) => void, warmup = Math.min(count, 20_000)): number {
  for (let i = 0; i < warmup; i++) body(i);
  const start = performance.now();
  for (let i = 0; i < count; i++) body(i);
  return performance.now() - start;
}

function line(label: string, value: string, target: string): void {
  console.log(`${label.padEnd(52)} ${value.padStart(14)}   (target ${target})`);
}

/** Distinct valid 11-digit meter numbers: 58 + an 8-digit serial + the Luhn digit. */
function meterPans(count: number): MeterPan[] {
  const pans: MeterPan[] = [];
  for (let i = 0; i < count; i++) {
    const payload = `58${String(i).padStart(8, '0')}`;
    const drn = parseDrn(`${payload}${luhnCheckDigit(payload)}`);
    if (!drn.ok) throw new Error(drn.error.message);
    pans.push(meterPanFromDrn(drn.value));
  }
  return pans;
}

export async function run(): Promise<void> {
  let sink = 0;

  const ea07 = createTokenCipher({ algorithm: 'EA07', decoderKey: bytes('E653341F9D5BF36F') });
  const ea07Count = 500_000;
  const ea07Ms = time(ea07Count, (i) => {
    sink += buildCreditToken({ cipher: ea07, subclass: 0, amountTenths: 1 + (i & 1023), tid: i & 0xffffff, rnd: i & 15 }).tokenNumber.length;
  });
  line('EA07 credit tokens/s (cached decoder key)', rate(ea07Count, ea07Ms), '250,000');

  const ea11 = createTokenCipher({ algorithm: 'EA11', decoderKey: bytes('F94B6ED353C3BFDB113E2D3A7EA3C41D') });
  const ea11Count = 500_000;
  const ea11Ms = time(ea11Count, (i) => {
    sink += buildCreditToken({ cipher: ea11, subclass: 0, amountTenths: 1 + (i & 1023), tid: i & 0xffffff, rnd: i & 15 }).tokenNumber.length;
  });
  line('EA11 credit tokens/s (cached decoder key)', rate(ea11Count, ea11Ms), '500,000');

  // The service path: TokenIssuer with the decoder key cached for the meter (derived once from the provider's key).
  const issuer = createTokenIssuer({ vendingKeyProvider: () => bytes('ABABABABABABABAB') });
  const meter: StsMeter = {
    scheme: 'STS', meterId: 'bench', pan: '600727000000000009',
    key: { dkga: 'DKGA02', algorithm: 'EA07', sgc: '123456', krn: 1, keyType: 2, ti: 1, baseYear: 2014 },
  };
  const issuerCount = 300_000;
  const issuerMs = time(issuerCount, (i) => {
    const issued = issuer.credit({ meter, subclass: 0, amountTenths: 1 + (i & 1023), tid: i & 0xffffff, rnd: i & 15 });
    sink += issued.ok ? issued.value.tokenNumber.length : 0;
  });
  line('EA07 credit tokens/s through TokenIssuer (cached)', rate(issuerCount, issuerMs), 'none');

  const pans = meterPans(10_000);
  const pan = (i: number): MeterPan => pans[i % pans.length]!;

  const dkga02 = createDkga02Deriver(bytes('ABABABABABABABAB'));
  const dkga02Count = 500_000;
  const dkga02Ms = time(dkga02Count, (i) => {
    sink += dkga02({ pan: pan(i), keyType: 2, sgc: '123456', ti: 1, krn: 1 })[0]!;
  });
  line('DKGA02 decoder keys/s (vending key prepared once)', rate(dkga02Count, dkga02Ms), '200,000');

  const dkga04 = createDkga04Deriver(bytes('ABABABABABABABAB949494949494949401234567'));
  const dkga04Count = 300_000;
  const dkga04Ms = time(dkga04Count, (i) => {
    sink += dkga04({ pan: pan(i), keyType: 2, sgc: '123457', ti: 1, krn: 1, baseYear: 2014, algorithm: 'EA11' })[0]!;
  });
  line('DKGA04 decoder keys/s (EA11, 128-bit)', rate(dkga04Count, dkga04Ms), 'none');

  // Key-change sets: per meter, derive the old and the new decoder key (DKGA02), prepare the old key's STA schedule,
  // build the 2-token set. Nothing is cached between meters.
  const meters = 1_000_000;
  const kctMs = time(meters, (i) => {
    const p = pan(i);
    const oldKey = dkga02({ pan: p, keyType: 2, sgc: '123456', ti: 1, krn: 1 });
    const newKey = dkga02({ pan: p, keyType: 2, sgc: '123456', ti: 1, krn: 2 });
    const set = buildKeyChangeTokens({
      cipher: { algorithm: 'EA07', decoderKey: oldKey }, newDecoderKey: newKey, keyType: 2, krn: 2, ti: 1, rollover: true,
    });
    sink += set.tokens.length;
  }, 10_000);
  line('key-change sets, 1,000,000 meters (EA07/DKGA02)', `${(kctMs / 1000).toFixed(2)} s`, 'under 30 s');
  console.log('  (includes deriving the old and new decoder key per meter and preparing the old key; no caching)');

  const dkga04Vk = createDkga04Deriver(bytes('ABABABABABABABAB949494949494949401234567'));
  const kct11Ms = time(meters, (i) => {
    const p = pan(i);
    const oldKey = dkga04Vk({ pan: p, keyType: 2, sgc: '123457', ti: 1, krn: 1, baseYear: 1993, algorithm: 'EA11' });
    const newKey = dkga04Vk({ pan: p, keyType: 2, sgc: '123457', ti: 1, krn: 2, baseYear: 2014, algorithm: 'EA11' });
    const set = buildKeyChangeTokens({
      cipher: { algorithm: 'EA11', decoderKey: oldKey }, newDecoderKey: newKey, keyType: 2, krn: 2, ti: 1, rollover: true,
      sgc: '123457',
    });
    sink += set.tokens.length;
  }, 10_000);
  line('key-change sets, 1,000,000 meters (EA11/DKGA04)', `${(kct11Ms / 1000).toFixed(2)} s`, 'none');
  console.log('  (4 tokens per set; includes deriving both 128-bit keys per meter and expanding the old key)');

  if (sink === -1) console.log('unreachable');
}
