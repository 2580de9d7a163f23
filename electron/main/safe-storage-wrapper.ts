import { safeStorage } from 'electron';
import type { SecretWrapper } from '../services/key-store';

/**
 * The key store's wrapper in the desktop app: Electron safeStorage (DPAPI on Windows, Keychain on macOS, the
 * secret service on Linux). DPAPI protects from other Windows users, not from other programs of the same user
 * (reliability.md section 4): a documented risk that the key store's audit and limits compensate for.
 */
export function createSafeStorageWrapper(): SecretWrapper | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  return {
    kind: 'electron-safe-storage',
    wrap: (plain) => safeStorage.encryptString(plain.toString('base64')),
    unwrap: (wrapped) => Buffer.from(safeStorage.decryptString(wrapped), 'base64'),
  };
}
