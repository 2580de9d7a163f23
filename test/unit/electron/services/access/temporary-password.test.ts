import { describe, expect, it } from 'vitest';
import { passwordPolicyProblem } from '../../../../../shared/auth/password-policy';
import { randomTemporaryPassword, TEMPORARY_ALPHABET, temporaryPasswordFor, VENDOR_DEFAULT_PASSWORD } from '../../../../../electron/services/access/temporary-password';

describe('temporary passwords', () => {
  it('are three groups of four from an alphabet without look-alikes, about 69 bits', () => {
    const password = randomTemporaryPassword();
    expect(password).toMatch(/^[^-]{4}-[^-]{4}-[^-]{4}$/);
    for (const c of password.replace(/-/g, '')) expect(TEMPORARY_ALPHABET).toContain(c);
    expect(TEMPORARY_ALPHABET).not.toMatch(/[0O1lI]/);
    expect(12 * Math.log2(TEMPORARY_ALPHABET.length)).toBeGreaterThan(69);
  });

  it('takes one draw over the whole alphabet per character', () => {
    const asked: number[] = [];
    let next = 0;
    expect(randomTemporaryPassword((max) => (asked.push(max), next++))).toBe('ABCD-EFGH-JKLM');
    expect(asked).toEqual(Array.from({ length: 12 }, () => TEMPORARY_ALPHABET.length));
  });

  it('differ each time', () => {
    const seen = new Set(Array.from({ length: 200 }, () => randomTemporaryPassword()));
    expect(seen.size).toBe(200);
  });

  it("are the vendor's 123456 only when the site chose it, and 123456 is never accepted as a chosen password", () => {
    expect(temporaryPasswordFor('vendor')).toBe(VENDOR_DEFAULT_PASSWORD);
    expect(temporaryPasswordFor('random')).not.toBe(VENDOR_DEFAULT_PASSWORD);
    expect(passwordPolicyProblem(VENDOR_DEFAULT_PASSWORD)).not.toBeNull();
  });
});
