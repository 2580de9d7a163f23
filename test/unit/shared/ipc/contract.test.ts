import { describe, expect, it } from 'vitest';
import { isPermission } from '../../../../shared/auth/permissions';
import { CHANNELS, contract, isChannel } from '../../../../shared/ipc/contract';
import { envelopeOf, ErrorEnvelope } from '../../../../shared/ipc/envelope';
import { SessionInfo } from '../../../../shared/ipc/schemas';
import { ERROR_CODES } from '../../../../shared/errors/codes';

describe('the contract', () => {
  it('names every channel noun.verb with a lowercase noun', () => {
    for (const name of CHANNELS) expect(name).toMatch(/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/);
  });

  it('gives every channel a known access rule and a summary', () => {
    for (const name of CHANNELS) {
      const spec = contract[name];
      const access = spec.access;
      const known = access === 'public' || access === 'signedIn' || (typeof access === 'string' ? isPermission(access) : access.length > 1 && access.every(isPermission));
      expect(known, name).toBe(true);
      expect(spec.summary.length, name).toBeGreaterThan(5);
    }
  });

  it('parses a valid login and names the missing field of an invalid one', () => {
    expect(contract['session.login'].request.parse({ username: ' 0000 ', password: 'x' })).toEqual({ username: '0000', password: 'x' });
    const bad = contract['session.login'].request.safeParse({ username: '0000' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['password']);
  });

  it('refuses unknown keys on requests that take none', () => {
    expect(contract['setup.status'].request.safeParse({}).success).toBe(true);
    expect(contract['setup.status'].request.safeParse({ admin: true }).success).toBe(false);
  });

  it('knows its own channels and no others', () => {
    expect(isChannel('session.login')).toBe(true);
    expect(isChannel('session.hack')).toBe(false);
    expect(isChannel('toString')).toBe(false);
  });
});

describe('the result envelope', () => {
  const envelope = envelopeOf(SessionInfo);

  it('accepts ok and error replies and nothing else', () => {
    expect(envelope.safeParse({ ok: false, error: { code: 'LOGIN_FAILED', message: 'The user id or password is wrong.' } }).success).toBe(true);
    expect(envelope.safeParse({ ok: true, value: { userId: '0000' } }).success).toBe(false);
    expect(envelope.safeParse({ ok: false, error: { code: 'SOMETHING_NEW', message: 'x' } }).success).toBe(false);
  });

  it('has a closed list of codes', () => {
    expect(ErrorEnvelope.shape.error.shape.code.options).toEqual([...ERROR_CODES]);
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });
});
