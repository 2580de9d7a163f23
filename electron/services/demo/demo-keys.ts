import type { KeysService } from '../keys-service';

/**
 * The demo's vending keys (S1's part of the demo seeder): only the STS specification's PUBLISHED TEST keys
 * (sts-spec.md 8.5 and 8.7), for the test supply group the demo meters carry (SGC 123456, KRN 1, key type 2, base
 * date 2014): the 64-bit key for DKGA02 and the 160-bit key for DKGA04. They are public, so a demo can vend; a real
 * site loads its own keys in Advanced Center - Vending Keys. Loaded only when the key store is unlocked at setup.
 */
export const DEMO_VENDING_KEYS = [
  { sgc: '123456', krn: 1, keyType: 2, dkga: 'DKGA02', baseYear: 2014, keyHex: 'ABABABABABABABAB' },
  { sgc: '123456', krn: 1, keyType: 2, dkga: 'DKGA04', baseYear: 2014, keyHex: 'ABABABABABABABAB949494949494949401234567' },
] as const;

export interface DemoKeys {
  /** Inside setup's transaction; answers what it did, for the demo's audit row. */
  apply(): string;
}

export function createDemoKeys(deps: { keys: KeysService; keyStoreUnlocked: () => boolean }): DemoKeys {
  return {
    apply() {
      if (!deps.keyStoreUnlocked()) return 'the key store was locked: no test vending keys were loaded';
      for (const key of DEMO_VENDING_KEYS) deps.keys.loadKey({ ...key }, 'setup');
      return `the published STS test vending keys for SGC 123456 (DKGA02 and DKGA04) are in the key store`;
    },
  };
}
