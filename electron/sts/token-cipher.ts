// The block cipher a token is encrypted with, chosen by the encryption-algorithm code (EA07 = STA, EA09 = DES,
// EA11 = MISTY1). A TokenCipher holds the prepared decoder key (STA round selectors, DES subkeys or the MISTY1 key
// schedule): create one per decoder key and reuse it; that is what makes issuing many tokens for one meter cheap.
import { desDecryptHalves, desEncryptHalves, prepareDesKey } from './des';
import { misty1DecryptHalves, misty1EncryptHalves, prepareMisty1Key } from './misty1';
import { StsInputError } from './result';
import { prepareStaKey, staDecryptHalves, staEncryptHalves } from './sta';
import { classifyStaTables, SAMPLE_STA_TABLES, type StaTables, type StaTableStatus } from './sta-tables';

export type EncryptionAlgorithm = 'EA07' | 'EA09' | 'EA11';
export const ENCRYPTION_ALGORITHMS: readonly EncryptionAlgorithm[] = ['EA07', 'EA09', 'EA11'];

/** Decoder-key length in bytes: 8 for EA07 and EA09 (64-bit keys), 16 for EA11 (128-bit keys). */
export function decoderKeyBytes(algorithm: EncryptionAlgorithm): 8 | 16 {
  return algorithm === 'EA11' ? 16 : 8;
}

/** What a cipher is made from. All inputs: the engine reads no configuration of its own. */
export type TokenCipherSpec = Readonly<{
  algorithm: EncryptionAlgorithm;
  /** The decoder key, canonical (big-endian) byte order; 8 bytes for EA07 and EA09, 16 for EA11. */
  decoderKey: Uint8Array;
  /** EA07 only: the STA table set. Defaults to the standard's sample tables; ignored for EA09. */
  tables?: StaTables;
}>;

/** Encrypts and decrypts 64-bit blocks held as two unsigned 32-bit halves (hi = bits 63..32). */
export interface TokenCipher {
  readonly algorithm: EncryptionAlgorithm;
  /** For EA07: which table set is in use; `null` for algorithms without tables. */
  readonly tableStatus: StaTableStatus | null;
  /** Encrypts (hi, lo) into out[0] (hi) and out[1] (lo). */
  encryptHalves(hi: number, lo: number, out: Uint32Array): void;
  /** Decrypts (hi, lo) into out[0] (hi) and out[1] (lo). */
  decryptHalves(hi: number, lo: number, out: Uint32Array): void;
}

/**
 * Prepares a decoder key for one algorithm.
 * @throws StsInputError if the key has the wrong length for the algorithm.
 */
export function createTokenCipher(spec: TokenCipherSpec): TokenCipher {
  const { algorithm, decoderKey } = spec;
  const keyBytes = decoderKeyBytes(algorithm);
  if (decoderKey.length !== keyBytes) {
    throw new StsInputError('decoderKey', `must be ${keyBytes} bytes (${keyBytes * 2} hex digits) for ${algorithm}, got ${decoderKey.length} bytes.`);
  }
  switch (algorithm) {
    case 'EA07': {
      const tables = spec.tables ?? SAMPLE_STA_TABLES;
      const schedule = prepareStaKey(decoderKey, tables);
      return {
        algorithm,
        tableStatus: classifyStaTables(tables),
        encryptHalves: (hi, lo, out) => staEncryptHalves(schedule, hi, lo, out),
        decryptHalves: (hi, lo, out) => staDecryptHalves(schedule, hi, lo, out),
      };
    }
    case 'EA09': {
      const schedule = prepareDesKey(decoderKey);
      return {
        algorithm,
        tableStatus: null,
        encryptHalves: (hi, lo, out) => desEncryptHalves(schedule, hi, lo, out),
        decryptHalves: (hi, lo, out) => desDecryptHalves(schedule, hi, lo, out),
      };
    }
    case 'EA11': {
      const schedule = prepareMisty1Key(decoderKey);
      return {
        algorithm,
        tableStatus: null,
        encryptHalves: (hi, lo, out) => misty1EncryptHalves(schedule, hi, lo, out),
        decryptHalves: (hi, lo, out) => misty1DecryptHalves(schedule, hi, lo, out),
      };
    }
    default:
      return assertNever(algorithm);
  }
}

/** Accepts a prepared cipher or the spec to prepare one from. */
export function resolveTokenCipher(cipher: TokenCipher | TokenCipherSpec): TokenCipher {
  return 'encryptHalves' in cipher ? cipher : createTokenCipher(cipher);
}

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${String(value)}`);
}
