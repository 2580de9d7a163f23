import { describe, expect, it } from 'vitest';
import { hashCostFromEnv, hashPassword, parsePasswordHash, PRODUCTION_PARAMS, verifyPassword } from '../../../../electron/services/password-hash';

describe('password hashing', () => {
  it('stores the production parameters with the hash (scrypt N=2^17, r=8, p=1) and verifies', async () => {
    const stored = await hashPassword('Vend#2026xy', 'production');
    const parsed = parsePasswordHash(stored);
    expect(parsed?.params).toEqual(PRODUCTION_PARAMS);
    expect(parsed?.params).toEqual({ ln: 17, r: 8, p: 1 });
    expect(parsed?.salt.length).toBe(16);
    expect(parsed?.key.length).toBe(32);
    expect(stored).not.toContain('Vend#2026xy');
    expect(await verifyPassword('Vend#2026xy', stored)).toEqual({ matches: true, needsRehash: false });
    expect((await verifyPassword('Vend#2026xz', stored)).matches).toBe(false);
  });

  it('marks a weaker (test-cost) hash for rehashing after a successful verify', async () => {
    const stored = await hashPassword('Admin#2026x', 'test');
    expect(parsePasswordHash(stored)?.params.ln).toBeLessThan(17);
    expect(await verifyPassword('Admin#2026x', stored)).toEqual({ matches: true, needsRehash: true });
    expect(await verifyPassword('wrong', stored)).toEqual({ matches: false, needsRehash: false });
  });

  it('rejects strings that are not scrypt PHC hashes', async () => {
    expect(parsePasswordHash('123456')).toBeNull();
    expect(await verifyPassword('123456', '123456')).toEqual({ matches: false, needsRehash: false });
  });

  it('allows the fast test cost only in a test run; production start-up refuses it', () => {
    expect(hashCostFromEnv({})).toEqual({ ok: true, cost: 'production' });
    expect(hashCostFromEnv({ TOKENTILL_TEST_FAST_HASH: '1', NODE_ENV: 'test' })).toEqual({ ok: true, cost: 'test' });
    const refused = hashCostFromEnv({ TOKENTILL_TEST_FAST_HASH: '1', NODE_ENV: 'production' });
    expect(refused.ok).toBe(false);
  });
});
