import type Database from 'better-sqlite3';
import type { KeysOverview, LoadTablesInput, LoadVendingKeyInput, StaTablesInfo, VendingKeyInfo } from '../../shared/ipc/access-schemas';
import { AppFailure } from '../../shared/errors/result';
import { classifyStaTables, parseStaTables, tableFingerprint } from '../sts/sta-tables';
import { writeTransaction } from '../db/open-database';
import type { AuditLog } from './audit-log';
import type { KeyStore, KeyStoreEntryInfo } from './key-store';
import { parseVendingKeyName, STA_TABLES_NAME, VENDING_KEY_BYTES, VENDING_KEY_PREFIX, vendingKeyName, type VendingKeys } from './vending-keys';

/**
 * Vending keys and STA tables (S1, admin only): loaded into the encrypted key store, listed by their parameters and
 * fingerprints. A key goes in as hex and never comes out: not in a reply, the audit log, the logs or an export. With
 * the key store locked (or without a passphrase yet) loading is refused with the key store's own sentence.
 *
 * The STA tables file must be the licensed production set (its SHA-256 fingerprints match the ones the STS
 * specification publishes) or the standard's sample set; any other table set would make every token unreadable to
 * real meters, so it is refused.
 */
export interface KeysService {
  overview(): KeysOverview;
  loadKey(input: LoadVendingKeyInput, actor: string): VendingKeyInfo;
  loadTables(input: LoadTablesInput, actor: string): StaTablesInfo;
}

/** The STS specification's published test vending keys (sts-spec.md 8.5, 8.7, 11): fine for demos, never real. */
export const PUBLISHED_TEST_KEYS: ReadonlySet<string> = new Set([
  'ABABABABABABABAB',
  '9494949494949494',
  'ABABABABABABABAB949494949494949401234567',
]);

function str(meta: Record<string, unknown>, key: string): string {
  const value = meta[key];
  return typeof value === 'string' ? value : '';
}

function keyInfo(entry: KeyStoreEntryInfo): VendingKeyInfo | null {
  const id = parseVendingKeyName(entry.name);
  if (!id) return null;
  return {
    name: entry.name,
    ...id,
    bits: VENDING_KEY_BYTES[id.dkga] * 8,
    fingerprint: entry.fingerprint,
    loadedAt: entry.updatedAt,
    loadedBy: str(entry.meta, 'loadedBy'),
    testKey: entry.meta.testKey === true,
  };
}

function tablesInfo(entry: KeyStoreEntryInfo): StaTablesInfo {
  const fingerprints = (entry.meta.fingerprints ?? {}) as Record<string, unknown>;
  const status = str(entry.meta, 'status');
  return {
    status: status === 'production (verified)' || status === 'sample' ? status : 'unknown',
    fingerprints: { s1: String(fingerprints.s1 ?? ''), s2: String(fingerprints.s2 ?? ''), p: String(fingerprints.p ?? '') },
    fingerprint: entry.fingerprint,
    fileName: str(entry.meta, 'fileName'),
    loadedAt: entry.updatedAt,
    loadedBy: str(entry.meta, 'loadedBy'),
  };
}

export function createKeysService(deps: { sqlite: Database.Database; keyStore: KeyStore; audit: AuditLog; vendingKeys: VendingKeys }): KeysService {
  const requireUnlocked = () => {
    const status = deps.keyStore.status();
    if (status.state !== 'unlocked') throw new AppFailure('KEY_STORE_LOCKED', status.message);
  };

  return {
    overview() {
      const keys = deps.keyStore
        .list(VENDING_KEY_PREFIX)
        .map(keyInfo)
        .filter((info): info is VendingKeyInfo => info !== null);
      const tables = deps.keyStore.list(STA_TABLES_NAME).find((entry) => entry.name === STA_TABLES_NAME);
      return { keyStore: deps.keyStore.status(), keys, tables: tables ? tablesInfo(tables) : null };
    },
    loadKey(input, actor) {
      requireUnlocked();
      const hex = input.keyHex.replace(/\s+/g, '').toUpperCase();
      const key = Buffer.from(hex, 'hex');
      if (key.length !== VENDING_KEY_BYTES[input.dkga]) {
        key.fill(0);
        throw new AppFailure('VALIDATION', `Vending key: a ${input.dkga} key is ${VENDING_KEY_BYTES[input.dkga] * 2} hexadecimal digits.`);
      }
      const name = vendingKeyName(input);
      const testKey = PUBLISHED_TEST_KEYS.has(hex);
      try {
        const entry = writeTransaction(deps.sqlite, () => {
          const previous = deps.keyStore.list(name).find((e) => e.name === name) ?? null;
          const stored = deps.keyStore.put(name, key, { kind: 'vending-key', loadedBy: actor, testKey });
          deps.audit.append({
            actor,
            action: 'keys.load',
            target: name,
            details: {
              sgc: input.sgc,
              krn: input.krn,
              keyType: input.keyType,
              dkga: input.dkga,
              baseYear: input.baseYear,
              fingerprint: stored.fingerprint,
              replacedFingerprint: previous?.fingerprint ?? null,
              testKey,
            },
          });
          return stored;
        });
        deps.vendingKeys.changed();
        const info = keyInfo(entry);
        if (!info) throw new Error('a vending key name did not parse');
        return info;
      } finally {
        key.fill(0);
      }
    },
    loadTables(input, actor) {
      requireUnlocked();
      const parsed = parseStaTables(input.json, 'tables');
      if (!parsed.ok) {
        const detail = parsed.error.message;
        throw new AppFailure('VALIDATION', detail.startsWith('"') ? `STA tables file: ${detail}` : `The STA tables file ${detail}`);
      }
      const tables = parsed.value;
      const status = classifyStaTables(tables);
      if (status === 'unknown') {
        throw new AppFailure(
          'VALIDATION',
          'STA tables file: these tables are neither the licensed production set (their fingerprints do not match the ones the STS specification publishes) nor the standard\'s sample set. Check that you chose the right file.',
        );
      }
      const fingerprints = { s1: tableFingerprint(tables.s1), s2: tableFingerprint(tables.s2), p: tableFingerprint(tables.p) };
      const text = Buffer.from(JSON.stringify({ s1: tables.s1, s2: tables.s2, p: tables.p }), 'utf8');
      try {
        const entry = writeTransaction(deps.sqlite, () => {
          const stored = deps.keyStore.put(STA_TABLES_NAME, text, { kind: 'sta-tables', status, fileName: input.fileName, loadedBy: actor, fingerprints });
          deps.audit.append({ actor, action: 'keys.loadTables', target: STA_TABLES_NAME, details: { status, fileName: input.fileName, fingerprint: stored.fingerprint } });
          return stored;
        });
        deps.vendingKeys.changed();
        return tablesInfo(entry);
      } finally {
        text.fill(0);
      }
    },
  };
}
