import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { KeyStoreStatus } from '../../shared/ipc/schemas';
import type { Clock } from '../../shared/ports/clock';
import { AppFailure } from '../../shared/errors/result';

/**
 * The encrypted key store: vending keys, STA tables and other secrets live here wrapped, never in the clear in
 * the database, logs or exports, and never cross to the renderer. The wrapping is a port: Electron's safeStorage
 * in the desktop app (electron/main), or in browser mode an AES-256-GCM key derived with scrypt from a passphrase
 * (TOKENTILL_KEY_PASSPHRASE or typed by an admin). Without a wrapper the store is locked and says why.
 */
export interface SecretWrapper {
  /** A short name stored with each entry, so an entry wrapped by another mechanism is recognised. */
  readonly kind: string;
  wrap(plain: Buffer): Buffer;
  unwrap(wrapped: Buffer): Buffer;
}

const VERIFIER_PLAINTEXT = Buffer.from('tokentill key store verifier v1');
const KDF = 'scrypt:ln=17,r=8,p=1';

function deriveKey(passphrase: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 300 * 1024 * 1024 }, (e, key) =>
      e ? reject(e) : resolve(key),
    );
  });
}

/** AES-256-GCM with a random 12-byte nonce per message: nonce | tag | ciphertext. */
export function createAesGcmWrapper(key: Buffer): SecretWrapper {
  return {
    kind: 'passphrase-aes-256-gcm',
    wrap(plain) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([nonce, cipher.getAuthTag(), body]);
    },
    unwrap(wrapped) {
      const decipher = createDecipheriv('aes-256-gcm', key, wrapped.subarray(0, 12));
      decipher.setAuthTag(wrapped.subarray(12, 28));
      return Buffer.concat([decipher.update(wrapped.subarray(28)), decipher.final()]);
    },
  };
}

/** A fingerprint that identifies a secret without revealing it: the first 8 bytes of SHA-256, in hex. */
export function secretFingerprint(secret: Buffer): string {
  return createHash('sha256').update(secret).digest('hex').slice(0, 16).toUpperCase();
}

export interface KeyStoreEntryInfo {
  name: string;
  fingerprint: string;
  meta: Record<string, unknown>;
  updatedAt: string;
}

export interface KeyStore {
  status(): KeyStoreStatus;
  /** Browser mode: unlock with a passphrase; the first passphrase ever given initialises the store. */
  unlockWithPassphrase(passphrase: string): Promise<KeyStoreStatus>;
  /** Desktop app: unlock with the OS-backed wrapper (safeStorage). */
  unlockWith(wrapper: SecretWrapper): KeyStoreStatus;
  lock(): void;
  /** Must run inside the caller's write transaction when it belongs to a larger change. */
  put(name: string, secret: Buffer, meta?: Record<string, unknown>): KeyStoreEntryInfo;
  get(name: string): Buffer | null;
  list(prefix?: string): KeyStoreEntryInfo[];
}

const LOCKED_MESSAGE =
  'The key store is locked: tokens cannot be issued. Start TokenTill with TOKENTILL_KEY_PASSPHRASE set, or have an administrator unlock it.';

export function createKeyStore(sqlite: Database.Database, deps: { clock: Clock }): KeyStore {
  let wrapper: SecretWrapper | null = null;
  const readMeta = sqlite.prepare('SELECT kdf, salt, verifier FROM key_store_meta WHERE id = 1');
  const writeMeta = sqlite.prepare(
    'INSERT INTO key_store_meta (id, kdf, salt, verifier, created_at) VALUES (1, ?, ?, ?, ?)',
  );
  const upsert = sqlite.prepare(
    `INSERT INTO key_store (name, wrapping, ciphertext, fingerprint, meta_json, created_at, updated_at)
     VALUES (@name, @wrapping, @ciphertext, @fingerprint, @metaJson, @now, @now)
     ON CONFLICT(name) DO UPDATE SET wrapping = excluded.wrapping, ciphertext = excluded.ciphertext,
       fingerprint = excluded.fingerprint, meta_json = excluded.meta_json, updated_at = excluded.updated_at`,
  );
  const selectOne = sqlite.prepare('SELECT wrapping, ciphertext FROM key_store WHERE name = ?');
  const selectAll = sqlite.prepare(
    "SELECT name, fingerprint, meta_json AS metaJson, updated_at AS updatedAt FROM key_store WHERE name LIKE ? ESCAPE '\\' ORDER BY name",
  );

  function status(): KeyStoreStatus {
    if (wrapper) return { state: 'unlocked', message: 'The key store is unlocked.' };
    const meta = readMeta.get();
    if (!meta) {
      return {
        state: 'uninitialised',
        message: 'The key store has no passphrase yet: an administrator sets one (or TOKENTILL_KEY_PASSPHRASE) before loading keys.',
      };
    }
    return { state: 'locked', message: LOCKED_MESSAGE };
  }

  function requireWrapper(): SecretWrapper {
    if (!wrapper) throw new AppFailure('KEY_STORE_LOCKED', LOCKED_MESSAGE);
    return wrapper;
  }

  return {
    status,
    async unlockWithPassphrase(passphrase) {
      const meta = readMeta.get() as { kdf: string; salt: Buffer; verifier: Buffer } | undefined;
      if (!meta) {
        const salt = randomBytes(16);
        const candidate = createAesGcmWrapper(await deriveKey(passphrase, salt));
        writeMeta.run(KDF, salt, candidate.wrap(VERIFIER_PLAINTEXT), deps.clock.now().toISOString());
        wrapper = candidate;
        return status();
      }
      const candidate = createAesGcmWrapper(await deriveKey(passphrase, meta.salt));
      try {
        if (!candidate.unwrap(meta.verifier).equals(VERIFIER_PLAINTEXT)) throw new Error('verifier mismatch');
      } catch {
        throw new AppFailure('KEY_STORE_PASSPHRASE_WRONG', 'The key store passphrase is wrong. Nothing was unlocked.');
      }
      wrapper = candidate;
      return status();
    },
    unlockWith(osWrapper) {
      wrapper = osWrapper;
      return status();
    },
    lock() {
      wrapper = null;
    },
    put(name, secret, meta = {}) {
      const w = requireWrapper();
      const now = deps.clock.now().toISOString();
      const fingerprint = secretFingerprint(secret);
      upsert.run({ name, wrapping: w.kind, ciphertext: w.wrap(secret), fingerprint, metaJson: JSON.stringify(meta), now });
      return { name, fingerprint, meta, updatedAt: now };
    },
    get(name) {
      const w = requireWrapper();
      const row = selectOne.get(name) as { wrapping: string; ciphertext: Buffer } | undefined;
      if (!row) return null;
      if (row.wrapping !== w.kind) {
        throw new AppFailure('KEY_STORE_LOCKED', `The secret "${name}" was stored by another key store (${row.wrapping}); load it again here.`);
      }
      return w.unwrap(row.ciphertext);
    },
    list(prefix = '') {
      const like = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      return (selectAll.all(like) as { name: string; fingerprint: string; metaJson: string; updatedAt: string }[]).map(
        (row) => ({ name: row.name, fingerprint: row.fingerprint, meta: JSON.parse(row.metaJson) as Record<string, unknown>, updatedAt: row.updatedAt }),
      );
    },
  };
}
