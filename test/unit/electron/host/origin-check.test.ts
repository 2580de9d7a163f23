import { describe, expect, it } from 'vitest';
import { originRefusal } from '../../../../electron/host/origin-check';
import { readCookie, sessionCookie } from '../../../../electron/host/http-host';

describe('originRefusal', () => {
  it("accepts the host's own origin and requests without an Origin", () => {
    expect(originRefusal({ origin: 'http://127.0.0.1:4310', host: '127.0.0.1:4310' }, 4310)).toBeNull();
    expect(originRefusal({ origin: 'http://localhost:4310', host: 'localhost:4310' }, 4310)).toBeNull();
    expect(originRefusal({ host: '127.0.0.1:4310' }, 4310)).toBeNull();
  });

  it('refuses foreign origins, other ports, rebinding hosts and cross-site fetches', () => {
    expect(originRefusal({ origin: 'http://evil.example', host: '127.0.0.1:4310' }, 4310)).toMatch(/evil\.example/);
    expect(originRefusal({ origin: 'http://127.0.0.1:9999', host: '127.0.0.1:4310' }, 4310)).not.toBeNull();
    expect(originRefusal({ host: 'attacker.example:4310' }, 4310)).toMatch(/attacker/);
    expect(originRefusal({ host: '127.0.0.1:4310', 'sec-fetch-site': 'cross-site' }, 4310)).not.toBeNull();
  });
});

describe('the session cookie', () => {
  it('is HttpOnly and SameSite=Strict, and clears with Max-Age=0', () => {
    expect(sessionCookie('abc')).toBe('tt_session=abc; HttpOnly; SameSite=Strict; Path=/');
    expect(sessionCookie(null)).toContain('Max-Age=0');
    expect(readCookie('a=1; tt_session=xyz; b=2', 'tt_session')).toBe('xyz');
    expect(readCookie(undefined, 'tt_session')).toBeNull();
  });
});
