import { nonNegativeInt, type Int } from './exact';

/**
 * What one token can carry, in integer tenths of the unit. The same band arithmetic as the token engine's
 * `floorToEncodable` (electron/sts/transfer-amount.ts; sts-spec.md section 3), restated here because shared/ may not
 * import the engine; a unit test runs both over many values so they cannot drift apart.
 *
 * STS TransferAmount: a 14-bit mantissa m and a 2-bit exponent e, value = m * 10^e + offset(e) tenths:
 *   e=0: 0 .. 16 383 in steps of 1 (0.1 unit below 1638.4)
 *   e=1: 16 384 .. 180 214 in steps of 10 (1 unit)
 *   e=2: 180 224 .. 1 818 524 in steps of 100 (10 units)
 *   e=3: 1 818 624 .. 18 201 624 in steps of 1000 (100 units)
 * OpenPAYGO (home solar kits): whole days, at most 995 a code.
 */
export type TokenScheme = 'STS' | 'OpenPAYGO';
export const TOKEN_SCHEMES: readonly TokenScheme[] = ['STS', 'OpenPAYGO'];

type Band = Readonly<{ offset: bigint; step: bigint; max: bigint }>;

const STS_BANDS: readonly Band[] = [
  { offset: 0n, step: 1n, max: 16_383n },
  { offset: 16_384n, step: 10n, max: 180_214n },
  { offset: 180_224n, step: 100n, max: 1_818_524n },
  { offset: 1_818_624n, step: 1000n, max: 18_201_624n },
];

/** The most an STS credit token carries: 18 201 624 tenths = 1 820 162.4 units. */
export const STS_MAX_TENTHS = 18_201_624n;
/** The most an OpenPAYGO add-time code carries: 995 days, in tenths. */
export const OPENPAYGO_MAX_TENTHS = 9_950n;

export function maxCarriableTenths(scheme: TokenScheme): bigint {
  return scheme === 'STS' ? STS_MAX_TENTHS : OPENPAYGO_MAX_TENTHS;
}

/**
 * The largest value (tenths) an STS token carries that does not exceed `tenths`: resolution 1 tenth below 16 384,
 * then 10, 100, 1000 tenths; a value in the gap just below a band start floors to the previous band's top; values
 * above the maximum give the maximum. 17 400 (1740.0 kWh) gives 17 394 (1739.4 kWh).
 */
export function floorToEncodableTenths(tenths: Int): bigint {
  const value = nonNegativeInt(tenths, 'units (tenths)');
  if (value >= STS_MAX_TENTHS) return STS_MAX_TENTHS;
  for (let e = STS_BANDS.length - 1; e >= 0; e--) {
    const band = STS_BANDS[e];
    if (band === undefined || value < band.offset) continue;
    const steps = (value - band.offset) / band.step;
    const capped = steps > 0x3fffn ? 0x3fffn : steps;
    return band.offset + capped * band.step;
  }
  return 0n;
}

/** The largest value (tenths) a token of the scheme carries that does not exceed `tenths` (capped at the maximum). */
export function floorToCarriable(tenths: Int, scheme: TokenScheme): bigint {
  const value = nonNegativeInt(tenths, 'units (tenths)');
  if (scheme === 'STS') return floorToEncodableTenths(value);
  const whole = (value / 10n) * 10n;
  return whole > OPENPAYGO_MAX_TENTHS ? OPENPAYGO_MAX_TENTHS : whole;
}

/** True when a token of the scheme carries exactly this many tenths. */
export function isCarriable(tenths: Int, scheme: TokenScheme): boolean {
  const value = nonNegativeInt(tenths, 'units (tenths)');
  return value <= maxCarriableTenths(scheme) && floorToCarriable(value, scheme) === value;
}
