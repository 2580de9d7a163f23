import { startCore } from '../../electron/services/core';
import { SETUP_INPUT, type CoreHarness } from './core-harness';
import { APP_ROOT, makeDataDir, testEnv } from './host-process';

/**
 * A set-up core (with the demo data) and helpers to act as its users: sign in, create a user and take them through
 * the forced first password change, the way User Management and the Password Center do it.
 */
export type Reply<T = unknown> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
export type Caller = ReturnType<CoreHarness['caller']>;

export const ADMIN = { userId: SETUP_INPUT.adminUserId, password: SETUP_INPUT.adminPassword, vendPassword: SETUP_INPUT.vendPassword } as const;

export interface AccessHarness extends CoreHarness {
  /** Moves the core's clock forward. */
  advanceMinutes(minutes: number): void;
  signIn(userId: string, password: string): Promise<Caller>;
  admin(): Promise<Caller>;
  /** Creates a user with the role of this code and completes their first sign-in with the passwords given. */
  makeUser(options: { loginId: string; name?: string; roleCode: string; password: string; vendPassword: string }): Promise<{ id: string; caller: Caller }>;
  roleId(code: string): Promise<string>;
}

export function expectOk<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new Error(`expected ok, got ${reply.error.code}: ${reply.error.message}`);
  return reply.value;
}

async function startClockedCore(options: { env?: NodeJS.ProcessEnv; dataDir?: string }): Promise<CoreHarness & { advanceMinutes(minutes: number): void }> {
  const dataDir = options.dataDir ?? makeDataDir('tokentill-access-');
  let now = new Date('2026-03-02T08:00:00Z').getTime();
  const started = await startCore({ dataDir, appRoot: APP_ROOT, program: 'test', env: testEnv(dataDir, options.env), clock: { now: () => new Date(now) } });
  if (!started.ok) throw new Error(`core did not start: ${started.problem.message}`);
  const core = started.core;
  return {
    core,
    dataDir,
    advanceMinutes: (minutes) => {
      now += minutes * 60_000;
    },
    caller() {
      let token: string | null = null;
      const ctx = {
        transport: 'test' as const,
        get sessionToken() {
          return token;
        },
        setSessionToken(next: string | null) {
          token = next;
        },
        async call<T>(channel: string, input: unknown = {}) {
          return (await core.dispatch(channel, input, ctx)) as Reply<T>;
        },
      };
      return ctx;
    },
    close: () => core.close(),
  };
}

export async function startAccessHarness(options: { env?: NodeJS.ProcessEnv; dataDir?: string; setUp?: boolean } = {}): Promise<AccessHarness> {
  const harness = await startClockedCore(options);
  if (options.setUp !== false) {
    const setup = await harness.caller().call('setup.init', SETUP_INPUT);
    if (!setup.ok) throw new Error(`setup failed: ${setup.error.message}`);
  }
  const signIn = async (userId: string, password: string) => {
    const caller = harness.caller();
    const reply = await caller.call('session.login', { username: userId, password });
    if (!reply.ok) throw new Error(`sign-in of ${userId} failed: ${reply.error.code} ${reply.error.message}`);
    return caller;
  };
  const admin = () => signIn(ADMIN.userId, ADMIN.password);
  const roleId = async (code: string) => {
    const choices = expectOk(await (await admin()).call<Array<{ id: string; code: string }>>('users.roleChoices'));
    const found = choices.find((c) => c.code === code);
    if (!found) throw new Error(`no role ${code}`);
    return found.id;
  };
  return {
    ...harness,
    signIn,
    admin,
    roleId,
    async makeUser(o) {
      const adminCaller = await admin();
      const created = expectOk(
        await adminCaller.call<{ user: { id: string }; temporaryPassword: string }>('users.create', {
          loginId: o.loginId,
          name: o.name ?? o.loginId,
          phone: '',
          roleId: await roleId(o.roleCode),
        }),
      );
      const caller = await signIn(o.loginId, created.temporaryPassword);
      expectOk(await caller.call('password.changeLogin', { currentPassword: created.temporaryPassword, newPassword: o.password, newVendPassword: o.vendPassword }));
      return { id: created.user.id, caller };
    },
  };
}
