import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_PERMISSIONS, isPermission, type Permission } from '../../../shared/auth/permissions';
import { CHANNELS, contract, type Channel } from '../../../shared/ipc/contract';
import { BUILT_IN_ROLE_RIGHTS, OPEN_WHILE_PASSWORD_CHANGE_REQUIRED, PERMISSION_MATRIX, SAMPLE_REQUESTS, type ExpectedAccess } from '../../fixtures/permission-matrix';
import { ADMIN, expectOk, startAccessHarness, type AccessHarness, type Caller, type Reply } from '../../support/access-harness';
import { sampleRequest } from '../../support/sample-request';

/**
 * Role x channel (reliability.md R17, invariant 5): every channel registered in the contract at run time, called as
 * nobody, as each built-in role, and as a role holding one single permission, against the hand-written matrix in
 * test/fixtures/permission-matrix.ts. A call may still fail validation or for a business reason; what is checked is
 * that NOT_SIGNED_IN and PERMISSION_DENIED come back exactly where the matrix says, and nowhere else.
 */
const FIXTURE = 'test/fixtures/permission-matrix.ts';
const REFUSALS = new Set(['NOT_SIGNED_IN', 'PERMISSION_DENIED', 'PASSWORD_CHANGE_REQUIRED', 'SESSION_LOCKED']);
const CALL_TIMEOUT_MS = 10_000;

let h: AccessHarness;
const passwords = new Map<string, string>();

function rightsOf(role: keyof typeof BUILT_IN_ROLE_RIGHTS): ReadonlySet<string> {
  const rights = BUILT_IN_ROLE_RIGHTS[role];
  return new Set('only' in rights ? rights.only : ALL_PERMISSIONS.filter((p) => !rights.allBut.includes(p)));
}

/** One signed-in caller per user, signed in again whenever a call ended or locked its session. */
const callers = new Map<string, Caller>();
async function callerFor(loginId: string): Promise<Caller> {
  const existing = callers.get(loginId);
  const session = existing ? h.core.sessions.get(existing.sessionToken) : null;
  if (existing && session && !h.core.services.sessionLock.isLocked(session)) return existing;
  const caller = await h.signIn(loginId, passwords.get(loginId) ?? '');
  callers.set(loginId, caller);
  return caller;
}

function requestFor(channel: Channel): unknown {
  const sample = sampleRequest(contract[channel].request);
  if (Object.prototype.hasOwnProperty.call(SAMPLE_REQUESTS, channel)) return SAMPLE_REQUESTS[channel];
  if (!sample) throw new Error(`cannot make a request for ${channel}`);
  return sample.value;
}

async function callAs(caller: Caller, channel: Channel): Promise<string> {
  const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('TIMEOUT (not refused: it reached its handler)'), CALL_TIMEOUT_MS));
  const call = caller.call(channel, requestFor(channel)).then((reply: Reply) => (reply.ok ? 'OK' : reply.error.code));
  return Promise.race([call, timeout]);
}

function refusalExpected(access: ExpectedAccess, held: ReadonlySet<string> | null): string | null {
  if (access === 'public') return null;
  if (held === null) return 'NOT_SIGNED_IN';
  if (access === 'signedIn') return null;
  const anyOf: readonly string[] = typeof access === 'string' ? [access] : access;
  return anyOf.some((permission) => held.has(permission)) ? null : 'PERMISSION_DENIED';
}

/** Runs every channel for one caller; answers the mismatches as readable lines. */
async function mismatches(who: string, caller: () => Promise<Caller>, held: ReadonlySet<string> | null): Promise<string[]> {
  const wrong: string[] = [];
  for (const channel of CHANNELS) {
    const access = PERMISSION_MATRIX[channel];
    if (access === undefined) continue;
    const got = await callAs(await caller(), channel);
    const expected = refusalExpected(access, held);
    const refused = REFUSALS.has(got);
    if (expected === null ? refused : got !== expected) {
      wrong.push(`${who} -> ${channel}: expected ${expected ?? 'no refusal'}, got ${got} (matrix says '${typeof access === 'string' ? access : access.join(' or ')}')`);
    }
  }
  return wrong;
}

beforeAll(async () => {
  h = await startAccessHarness();
  passwords.set(ADMIN.userId, ADMIN.password);
  const users: Array<[string, string]> = [['supervisor1', 'Supervisor'], ['vendonly1', 'OnlyVending']];
  for (const [loginId, roleCode] of users) {
    await h.makeUser({ loginId, roleCode, password: `${loginId}#Pw26`, vendPassword: `${loginId}#Vd26` });
    passwords.set(loginId, `${loginId}#Pw26`);
  }
}, 60_000);

afterAll(() => {
  h.close();
  fs.rmSync(h.dataDir, { recursive: true, force: true });
});

describe('the permission matrix fixture', () => {
  it('has an entry for every channel registered at run time, and none for channels that are gone', () => {
    const missing = CHANNELS.filter((channel) => !(channel in PERMISSION_MATRIX));
    const stale = Object.keys(PERMISSION_MATRIX).filter((channel) => !CHANNELS.includes(channel as Channel));
    const advice = [
      ...(missing.length > 0
        ? [
            `${missing.length} channel(s) are missing from ${FIXTURE}. Decide who may call each (from the product, not from the contract) and add:`,
            ...missing.map((c) => `  '${c}': '<public | signedIn | a permission id>',   // the contract currently says '${contract[c].access}'`),
          ]
        : []),
      ...(stale.length > 0 ? [`${FIXTURE} lists channel(s) the contract no longer has; remove them:`, ...stale.map((c) => `  '${c}'`)] : []),
    ];
    expect(advice.join('\n'), advice.join('\n')).toBe('');
  });

  it('names only known permissions, and the contract asks for exactly what the matrix says', () => {
    // a list means "any one of": compared as a set, so its order does not matter
    const same = (a: ExpectedAccess, b: ExpectedAccess) => (typeof a === 'string' || typeof b === 'string' ? a === b : [...a].sort().join() === [...b].sort().join());
    const shown = (access: ExpectedAccess | undefined) => (access === undefined ? '' : typeof access === 'string' ? access : `[${access.join(', ')}]`);
    const wrong = CHANNELS.filter((c) => PERMISSION_MATRIX[c] !== undefined && !same(PERMISSION_MATRIX[c], contract[c].access)).map(
      (c) => `  '${c}': the matrix says '${shown(PERMISSION_MATRIX[c])}', the contract (shared/ipc/channels/*.ts) says '${shown(contract[c].access)}'. One of them is wrong.`,
    );
    const unknown = Object.entries(PERMISSION_MATRIX)
      .flatMap(([c, access]) => (typeof access === 'string' ? [[c, access] as const] : access.map((p) => [c, p] as const)))
      .filter(([, access]) => access !== 'public' && access !== 'signedIn' && !isPermission(access))
      .map(([c, access]) => `  '${c}': '${access}' is not in shared/auth/permissions.ts`);
    expect([...wrong, ...unknown].join('\n')).toBe('');
  });

  it('can make a valid request for every channel (else add one to SAMPLE_REQUESTS)', () => {
    const problems: string[] = [];
    for (const channel of CHANNELS) {
      const hasSample = Object.prototype.hasOwnProperty.call(SAMPLE_REQUESTS, channel);
      const parsed = hasSample ? contract[channel].request.safeParse(SAMPLE_REQUESTS[channel]) : null;
      if (parsed && !parsed.success) problems.push(`  SAMPLE_REQUESTS['${channel}'] in ${FIXTURE} does not parse: ${parsed.error.issues[0]?.message ?? ''}`);
      if (!hasSample && sampleRequest(contract[channel].request) === null) {
        problems.push(`  '${channel}': the test cannot make a valid request on its own; add SAMPLE_REQUESTS['${channel}'] = <a request that parses> in ${FIXTURE}`);
      }
    }
    for (const channel of Object.keys(SAMPLE_REQUESTS)) if (!CHANNELS.includes(channel as Channel)) problems.push(`  SAMPLE_REQUESTS['${channel}']: no such channel any more; remove it`);
    expect(problems.join('\n')).toBe('');
  });

  it('matches the built-in roles as the database holds them', async () => {
    const admin = await h.admin();
    const roles = expectOk(await admin.call<{ rows: Array<{ code: string; permissions: string[] }> }>('roles.list', { pageSize: 100 })).rows;
    for (const code of Object.keys(BUILT_IN_ROLE_RIGHTS) as Array<keyof typeof BUILT_IN_ROLE_RIGHTS>) {
      expect(new Set(roles.find((r) => r.code === code)?.permissions), code).toEqual(rightsOf(code));
    }
  });
});

describe('every channel, called', () => {
  it('refuses nobody only where the matrix says public', async () => {
    expect((await mismatches('no session', async () => h.caller(), null)).join('\n')).toBe('');
  }, 120_000);

  it.each([
    ['Admin', ADMIN.userId],
    ['Supervisor', 'supervisor1'],
    ['OnlyVending', 'vendonly1'],
  ] as const)('as %s: refuses exactly what the role lacks', async (role, loginId) => {
    expect((await mismatches(role, () => callerFor(loginId), rightsOf(role))).join('\n')).toBe('');
  }, 120_000);

  it('as a role holding one single permission, for each permission a channel asks for', async () => {
    const admin = await h.admin();
    const used = [...new Set(Object.values(PERMISSION_MATRIX).flatMap((a): Permission[] => (a === 'public' || a === 'signedIn' ? [] : typeof a === 'string' ? [a] : [...a])))];
    const wrong: string[] = [];
    for (const [index, permission] of used.entries()) {
      const code = `only-${permission}`;
      expectOk(await admin.call('roles.create', { code, name: code, permissions: [permission] }));
      const loginId = `single${index}`;
      await h.makeUser({ loginId, roleCode: code, password: `Single#${index}pw`, vendPassword: `Single#${index}vd` });
      passwords.set(loginId, `Single#${index}pw`);
      wrong.push(...(await mismatches(`role holding only ${permission}`, () => callerFor(loginId), new Set([permission]))));
    }
    expect(wrong.join('\n')).toBe('');
  }, 300_000);
});

describe('a user whose password was reset', () => {
  it('is refused every channel but the public ones, the password change, and the shell\'s lock and keep-alive', async () => {
    const admin = await h.admin();
    const created = expectOk(await admin.call<{ temporaryPassword: string }>('users.create', { loginId: 'resetme', name: 'Reset', phone: '', roleId: await h.roleId('Admin') }));
    const wrong: string[] = [];
    for (const channel of CHANNELS) {
      const caller = await h.signIn('resetme', created.temporaryPassword);
      const got = await callAs(caller, channel);
      const open = PERMISSION_MATRIX[channel] === 'public' || OPEN_WHILE_PASSWORD_CHANGE_REQUIRED.includes(channel);
      if (open ? got === 'PASSWORD_CHANGE_REQUIRED' : got !== 'PASSWORD_CHANGE_REQUIRED') {
        wrong.push(`resetme -> ${channel}: expected ${open ? 'to be open' : 'PASSWORD_CHANGE_REQUIRED'}, got ${got}`);
      }
    }
    expect(wrong.join('\n')).toBe('');
  }, 120_000);
});

describe('refusals are audited', () => {
  it('leaves an access.denied row naming the channel for a refused call', async () => {
    const vendonly = await callerFor('vendonly1');
    expect(await vendonly.call('meters.list', {})).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    const row = h.core.database.sqlite.prepare("SELECT actor, target, result FROM audit_log WHERE action = 'access.denied' ORDER BY seq DESC LIMIT 1").get();
    expect(row).toEqual({ actor: 'vendonly1', target: 'meters.list', result: 'denied' });
  });
});
