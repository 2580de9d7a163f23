import { randomInt } from 'node:crypto';

/**
 * The one-time temporary password of a new user or a reset (reliability.md R15, CWE-1393): random, 12 characters
 * from an alphabet without look-alikes (no 0/O, 1/l/I), shown to the administrator once and stored only as a hash.
 * 56^12 is about 2^69.7: far beyond guessing within the login lock's few attempts and the password's expiry.
 * A site that insists on the vendor's "123456" can choose it in the security settings; the change at the next
 * sign-in is forced either way, and 123456 is refused as a new password.
 */
export const TEMPORARY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
export const VENDOR_DEFAULT_PASSWORD = '123456';

/** Three groups of four, e.g. "Hq7m-X2rp-9Tzb": easy to read out and type. */
export function randomTemporaryPassword(draw: (max: number) => number = (max) => randomInt(max)): string {
  const groups: string[] = [];
  for (let g = 0; g < 3; g += 1) {
    let group = '';
    for (let i = 0; i < 4; i += 1) group += TEMPORARY_ALPHABET[draw(TEMPORARY_ALPHABET.length)] ?? '';
    groups.push(group);
  }
  return groups.join('-');
}

export function temporaryPasswordFor(mode: 'random' | 'vendor'): string {
  return mode === 'vendor' ? VENDOR_DEFAULT_PASSWORD : randomTemporaryPassword();
}
