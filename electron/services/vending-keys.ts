import { parseStaTables, type StaTables } from '../sts/sta-tables';
import type { DecoderKeyAlgorithm, VendingKeyProvider, VendingKeyRequest } from '../sts/token-issuer';
import type { KeyStore } from './key-store';

/**
 * Where the token engine gets its vending keys and STA tables (S1 loads them; the vend, V1, uses them):
 *
 *   const issuer = createTokenIssuer({ vendingKeyProvider: vendingKeys.provider });
 *   vendingKeys.onChange(() => issuer.forgetKeys());
 *   const tables = vendingKeys.staTables();   // undefined: the standard's sample tables
 *
 * Keys live in the encrypted key store under `vk:<sgc>:<krn>:<keyType>:<dkga>:<baseYear>` (e.g.
 * `vk:123456:1:2:DKGA02:2014`); the lookup is exact, base date included, so a key for another base date is never
 * used by mistake. The provider hands out a fresh copy of the key bytes each time (the issuer wipes what it is given)
 * and answers null when there is no such key or the key store is locked: the issuer then refuses with a sentence
 * naming the supply group. Nothing here returns, logs or audits key material.
 */
export const VENDING_KEY_PREFIX = 'vk:';
export const STA_TABLES_NAME = 'sta:tables';

export interface VendingKeyId {
  sgc: string;
  krn: number;
  keyType: number;
  dkga: DecoderKeyAlgorithm;
  baseYear: number;
}

export function vendingKeyName(id: VendingKeyId): string {
  return `${VENDING_KEY_PREFIX}${id.sgc}:${id.krn}:${id.keyType}:${id.dkga}:${id.baseYear}`;
}

export function parseVendingKeyName(name: string): VendingKeyId | null {
  const match = /^vk:(\d{6}):(\d):(\d):(DKGA02|DKGA04):(\d{4})$/.exec(name);
  if (!match) return null;
  const [, sgc, krn, keyType, dkga, baseYear] = match;
  return { sgc: sgc ?? '', krn: Number(krn), keyType: Number(keyType), dkga: dkga as DecoderKeyAlgorithm, baseYear: Number(baseYear) };
}

export const VENDING_KEY_BYTES: Readonly<Record<DecoderKeyAlgorithm, number>> = { DKGA02: 8, DKGA04: 20 };

export interface VendingKeys {
  /** For `createTokenIssuer({ vendingKeyProvider })`: a copy of the key, or null (no key, or the key store is locked). */
  readonly provider: VendingKeyProvider;
  /** The loaded STA tables (the same object until new tables are loaded), or undefined for the sample tables. */
  staTables(): StaTables | undefined;
  /** Called after a key or tables are loaded: drop what was prepared from the old ones. Returns the unsubscribe. */
  onChange(listener: () => void): () => void;
  /** The keys service says a key or the tables changed. */
  changed(): void;
}

export function createVendingKeys(keyStore: KeyStore): VendingKeys {
  const listeners = new Set<() => void>();
  let tablesCache: { fingerprint: string; tables: StaTables } | null = null;

  const read = (name: string): Buffer | null => {
    if (keyStore.status().state !== 'unlocked') return null;
    try {
      return keyStore.get(name);
    } catch {
      return null;
    }
  };

  const provider: VendingKeyProvider = (request: VendingKeyRequest) => {
    const stored = read(vendingKeyName(request));
    if (stored === null) return null;
    try {
      if (stored.length !== VENDING_KEY_BYTES[request.dkga]) return null;
      return new Uint8Array(stored);
    } finally {
      stored.fill(0);
    }
  };

  return {
    provider,
    staTables() {
      const entry = keyStore.list(STA_TABLES_NAME).find((e) => e.name === STA_TABLES_NAME);
      if (!entry) return undefined;
      if (tablesCache?.fingerprint === entry.fingerprint) return tablesCache.tables;
      const stored = read(STA_TABLES_NAME);
      if (stored === null) return undefined;
      const parsed = parseStaTables(stored.toString('utf8'));
      if (!parsed.ok) return undefined;
      tablesCache = { fingerprint: entry.fingerprint, tables: parsed.value };
      return parsed.value;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    changed() {
      tablesCache = null;
      for (const listener of [...listeners]) listener();
    },
  };
}
