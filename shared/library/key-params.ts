import { z } from 'zod';

/**
 * The STS key parameters of a meter (architecture.md section 7): supply group code, tariff index, key revision
 * number, key type, encryption algorithm, base date and decoder key derivation. A meter holds them as `current` (what
 * the meter holds) and optionally `pending` (what it must move to at its next vend or key change).
 */
export const BASE_YEARS = [1993, 2014, 2035] as const;
export type BaseYear = (typeof BASE_YEARS)[number];
/** New meters count TIDs from 2014: base date 1993 ran out on 2024-11-24. */
export const DEFAULT_BASE_YEAR: BaseYear = 2014;

export const ENCRYPTION_ALGORITHMS = ['EA07', 'EA09', 'EA11'] as const;
export type EncryptionAlgorithm = (typeof ENCRYPTION_ALGORITHMS)[number];
export const KEY_DERIVATIONS = ['DKGA02', 'DKGA04'] as const;
export type KeyDerivation = (typeof KEY_DERIVATIONS)[number];
export const KEY_TYPES = [0, 1, 2, 3] as const;
export type KeyType = (typeof KEY_TYPES)[number];

export const KEY_TYPE_LABEL: Readonly<Record<KeyType, string>> = {
  0: '0 - initialisation (DITK)',
  1: '1 - default (DDTK)',
  2: '2 - unique (DUTK)',
  3: '3 - common (DCTK)',
};

/** Which algorithms each derivation feeds (the token engine's TokenIssuer): DKGA02 a 64-bit key, DKGA04 either. */
export const ALGORITHMS_FOR_DERIVATION: Readonly<Record<KeyDerivation, readonly EncryptionAlgorithm[]>> = {
  DKGA02: ['EA07', 'EA09'],
  DKGA04: ['EA07', 'EA11'],
};

export const KeyParams = z
  .object({
    sgc: z.string().trim().regex(/^\d{6}$/, 'the supply group code (SGC) is exactly 6 digits'),
    ti: z.number().int('the tariff index (TI) is a whole number').min(0, 'the tariff index (TI) is 0 to 99').max(99, 'the tariff index (TI) is 0 to 99'),
    krn: z.number().int('the key revision number (KRN) is a whole number').min(1, 'the key revision number (KRN) is 1 to 9').max(9, 'the key revision number (KRN) is 1 to 9'),
    keyType: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)], { error: 'the key type is 0, 1, 2 or 3' }),
    algorithm: z.enum(ENCRYPTION_ALGORITHMS, { error: 'the algorithm is EA07, EA09 or EA11' }),
    baseYear: z.union([z.literal(1993), z.literal(2014), z.literal(2035)], { error: 'the base date is 1993, 2014 or 2035' }),
    dkga: z.enum(KEY_DERIVATIONS, { error: 'the key derivation is DKGA02 or DKGA04' }),
  })
  .superRefine((keys, ctx) => {
    if (!ALGORITHMS_FOR_DERIVATION[keys.dkga].includes(keys.algorithm)) {
      ctx.addIssue({
        code: 'custom',
        path: ['algorithm'],
        message: `${keys.algorithm} cannot be used with ${keys.dkga}; choose ${ALGORITHMS_FOR_DERIVATION[keys.dkga].join(' or ')}`,
      });
    }
  });
export type KeyParams = z.infer<typeof KeyParams>;

/** The defaults a profile suggests; the SGC is the utility's own, so a profile may leave it empty. */
export type KeyDefaults = Omit<KeyParams, 'sgc'> & { sgc: string | null };

export function sameKeyParams(a: KeyParams | null, b: KeyParams | null): boolean {
  if (a === null || b === null) return a === b;
  return a.sgc === b.sgc && a.ti === b.ti && a.krn === b.krn && a.keyType === b.keyType && a.algorithm === b.algorithm &&
    a.baseYear === b.baseYear && a.dkga === b.dkga;
}

/** "SGC 123456, TI 01, KRN 1, KT 2, EA07, DKGA02, base 2014". */
export function describeKeyParams(k: KeyParams): string {
  return `SGC ${k.sgc}, TI ${String(k.ti).padStart(2, '0')}, KRN ${k.krn}, KT ${k.keyType}, ${k.algorithm}, ${k.dkga}, base ${k.baseYear}`;
}
