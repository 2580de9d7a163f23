import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Password hashing with scrypt (reliability.md R13): N = 2^17, r = 8, p = 1, stored as a PHC string with its
 * parameters, so a verify always uses what the hash was made with and a weaker hash can be upgraded on login.
 * scrypt needs about 128 * N * r bytes (128 MiB here), above Node's default maxmem, so maxmem is set explicitly.
 * The "test" cost exists only to keep test suites fast; production start-up refuses it (see hashCostFromEnv).
 */
export type HashCost = 'production' | 'test';

export interface ScryptParams {
  ln: number;
  r: number;
  p: number;
}

export const PRODUCTION_PARAMS: ScryptParams = { ln: 17, r: 8, p: 1 };
const TEST_PARAMS: ScryptParams = { ln: 10, r: 8, p: 1 };
const KEY_LENGTH = 32;

function maxmemFor(params: ScryptParams): number {
  return 256 * 2 ** params.ln * params.r + 16 * 1024 * 1024;
}

function derive(password: string, salt: Buffer, params: ScryptParams, keyLength: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFC'),
      salt,
      keyLength,
      { N: 2 ** params.ln, r: params.r, p: params.p, maxmem: maxmemFor(params) },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

export async function hashPassword(password: string, cost: HashCost): Promise<string> {
  const params = cost === 'production' ? PRODUCTION_PARAMS : TEST_PARAMS;
  const salt = randomBytes(16);
  const key = await derive(password, salt, params, KEY_LENGTH);
  return `$scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export interface ParsedHash {
  params: ScryptParams;
  salt: Buffer;
  key: Buffer;
}

export function parsePasswordHash(stored: string): ParsedHash | null {
  const match = /^\$scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/.exec(stored);
  if (!match) return null;
  const [, ln, r, p, salt, key] = match;
  return {
    params: { ln: Number.parseInt(ln ?? '', 10), r: Number.parseInt(r ?? '', 10), p: Number.parseInt(p ?? '', 10) },
    salt: Buffer.from(salt ?? '', 'base64url'),
    key: Buffer.from(key ?? '', 'base64url'),
  };
}

export interface VerifyOutcome {
  matches: boolean;
  /** The hash was made with weaker parameters than the production policy: rehash it now that the password is known. */
  needsRehash: boolean;
}

export async function verifyPassword(password: string, stored: string): Promise<VerifyOutcome> {
  const parsed = parsePasswordHash(stored);
  if (!parsed) return { matches: false, needsRehash: false };
  const key = await derive(password, parsed.salt, parsed.params, parsed.key.length);
  const matches = key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
  const weaker = parsed.params.ln < PRODUCTION_PARAMS.ln || parsed.params.r < PRODUCTION_PARAMS.r;
  return { matches, needsRehash: matches && weaker };
}

/**
 * Reads the cost from the environment. TOKENTILL_TEST_FAST_HASH=1 is honoured only when NODE_ENV is "test";
 * anywhere else it is a configuration error and start-up refuses, so a kiosk can never run with weak hashes.
 */
export function hashCostFromEnv(env: NodeJS.ProcessEnv): { ok: true; cost: HashCost } | { ok: false; message: string } {
  if (env.TOKENTILL_TEST_FAST_HASH !== '1') return { ok: true, cost: 'production' };
  if (env.NODE_ENV === 'test') return { ok: true, cost: 'test' };
  return {
    ok: false,
    message: 'TOKENTILL_TEST_FAST_HASH is a test-only setting and this is not a test run. Remove it and start again.',
  };
}
