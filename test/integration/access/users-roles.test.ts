import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_CASHIER } from '../../../electron/services/demo/demo-seeder';
import { TEMPORARY_ALPHABET } from '../../../electron/services/access/temporary-password';
import { ADMIN, expectOk, startAccessHarness, type AccessHarness, type Caller, type Reply } from '../../support/access-harness';

/** Role Management, User Management, resets and the forced change, through the handler table of a real core. */
const harnesses: AccessHarness[] = [];
afterEach(() => {
  for (const h of harnesses.splice(0)) {
    h.close();
    fs.rmSync(h.dataDir, { recursive: true, force: true });
  }
});

async function harness(env?: NodeJS.ProcessEnv): Promise<AccessHarness> {
  const h = await startAccessHarness({ env });
  harnesses.push(h);
  return h;
}

type UserRow = { id: string; loginId: string; version: number; active: boolean; mustChangePassword: boolean; loginLocked: boolean; vendLocked: boolean; roleCode: string };
type RoleRow = { id: string; code: string; version: number; permissions: string[]; admin: boolean; builtIn: boolean };
type TempResult = { user: UserRow; temporaryPassword: string; expiresAt: string; mode: string };

function code(reply: Reply): string {
  return reply.ok ? 'OK' : reply.error.code;
}

async function createRole(admin: Caller, role: { code: string; name: string; permissions: string[] }): Promise<RoleRow> {
  return expectOk(await admin.call<RoleRow>('roles.create', role));
}

async function createUser(h: AccessHarness, admin: Caller, user: { loginId: string; name: string; phone?: string; roleCode: string }): Promise<TempResult> {
  return expectOk(await admin.call<TempResult>('users.create', { loginId: user.loginId, name: user.name, phone: user.phone ?? '', roleId: await h.roleId(user.roleCode) }));
}

async function userRow(admin: Caller, loginId: string): Promise<UserRow> {
  const page = expectOk(await admin.call<{ rows: UserRow[] }>('users.list', { search: loginId, pageSize: 100 }));
  const row = page.rows.find((r) => r.loginId === loginId);
  if (!row) throw new Error(`no user ${loginId}`);
  return row;
}

function dbText(h: AccessHarness): string {
  const dump = h.core.database.sqlite.prepare("SELECT group_concat(details_json, ' ') AS a FROM audit_log").get() as { a: string };
  const outbox = h.core.database.sqlite.prepare("SELECT group_concat(payload_json, ' ') AS o FROM outbox").get() as { o: string };
  return `${dump.a} ${outbox.o}`;
}

describe('a vending-only login in a minute', () => {
  it('creates a role and a user with a one-time temporary password, and forces new login and vend passwords', async () => {
    const h = await harness();
    const admin = await h.admin();
    const role = await createRole(admin, { code: 'FrontDesk', name: 'Front desk', permissions: ['vend', 'vend'] });
    expect(role).toMatchObject({ code: 'FrontDesk', name: 'Front desk', permissions: ['vend'], admin: false, builtIn: false, userCount: 0 });

    const created = await createUser(h, admin, { loginId: 'Julia08', name: 'Julia', phone: '158888888888', roleCode: 'FrontDesk' });
    expect(created.mode).toBe('random');
    expect(created.temporaryPassword).toMatch(new RegExp(`^[${TEMPORARY_ALPHABET}]{4}-[${TEMPORARY_ALPHABET}]{4}-[${TEMPORARY_ALPHABET}]{4}$`));
    expect(created.user).toMatchObject({ loginId: 'Julia08', roleCode: 'FrontDesk', active: true, mustChangePassword: true });
    expect(dbText(h)).not.toContain(created.temporaryPassword);
    expect(dbText(h)).not.toContain('$scrypt$');

    const julia = h.caller();
    const login = expectOk(await julia.call<{ mustChangePassword: boolean; permissions: string[] }>('session.login', { username: 'Julia08', password: created.temporaryPassword }));
    expect(login).toMatchObject({ mustChangePassword: true, permissions: ['vend'] });
    for (const channel of ['home.summary', 'settings.get', 'keystore.status', 'password.changeVend']) {
      expect(code(await julia.call(channel, channel === 'password.changeVend' ? { currentVendPassword: 'x', newVendPassword: 'y' } : {})), channel).toBe('PASSWORD_CHANGE_REQUIRED');
    }
    expect(code(await julia.call('session.current'))).toBe('OK');

    const change = (newPassword: string, newVendPassword?: string) =>
      julia.call('password.changeLogin', { currentPassword: created.temporaryPassword, newPassword, ...(newVendPassword === undefined ? {} : { newVendPassword }) });
    expect(await change('Julia#2026pw')).toMatchObject({ ok: false, error: { code: 'PASSWORD_POLICY', message: expect.stringContaining('New vend password') } });
    expect(await change('123456', 'JuliaVend#26')).toMatchObject({ ok: false, error: { code: 'PASSWORD_POLICY' } });
    expect(await change(created.temporaryPassword, 'JuliaVend#26')).toMatchObject({ ok: false, error: { code: 'PASSWORD_POLICY' } });
    expect(await change('Julia08', 'JuliaVend#26')).toMatchObject({ ok: false, error: { code: 'PASSWORD_POLICY' } });
    expect(await change('Julia#2026pw', 'Julia#2026pw')).toMatchObject({ ok: false, error: { code: 'PASSWORD_POLICY', message: expect.stringContaining('differ') } });
    const done = expectOk(await change('Julia#2026pw', 'JuliaVend#26') as Reply<{ session: { mustChangePassword: boolean } }>);
    expect(done.session.mustChangePassword).toBe(false);

    expect(code(await julia.call('home.summary'))).toBe('OK');
    expect(code(await julia.call('meters.list', {}))).toBe('PERMISSION_DENIED');
    expect(code(await julia.call('users.list', {}))).toBe('PERMISSION_DENIED');
    expect(code(await h.caller().call('session.login', { username: 'Julia08', password: created.temporaryPassword }))).toBe('LOGIN_FAILED');
    await h.signIn('Julia08', 'Julia#2026pw');
    expect((await userRow(admin, 'Julia08')).mustChangePassword).toBe(false);
  });

  it('resets a password: the old one stops working, open sessions end, the temporary one expires', async () => {
    const h = await harness();
    const admin = await h.admin();
    const { caller: julia } = await h.makeUser({ loginId: 'Julia08', roleCode: 'OnlyVending', password: 'Julia#2026pw', vendPassword: 'JuliaVend#26' });
    const row = await userRow(admin, 'Julia08');
    const reset = expectOk(await admin.call<TempResult>('users.resetPassword', { id: row.id, version: row.version }));
    expect(reset.user.mustChangePassword).toBe(true);
    expect(reset.user.version).toBe(row.version + 1);
    expect(code(await julia.call('home.summary'))).toBe('NOT_SIGNED_IN');
    expect(code(await h.caller().call('session.login', { username: 'Julia08', password: 'Julia#2026pw' }))).toBe('LOGIN_FAILED');
    expect(code(await admin.call('users.resetPassword', { id: row.id, version: row.version }))).toBe('CONFLICT');

    h.advanceMinutes(24 * 60 + 1);
    const late = await h.caller().call('session.login', { username: 'Julia08', password: reset.temporaryPassword });
    expect(late).toMatchObject({ ok: false, error: { code: 'LOGIN_FAILED', message: expect.stringContaining('expired') } });

    const admin2 = await h.admin();
    const again = expectOk(await admin2.call<TempResult>('users.resetPassword', { id: row.id, version: reset.user.version }));
    const fresh = await h.signIn('Julia08', again.temporaryPassword);
    expect(code(await fresh.call('home.summary'))).toBe('PASSWORD_CHANGE_REQUIRED');
    const audit = h.core.database.sqlite.prepare("SELECT actor, target FROM audit_log WHERE action = 'users.resetPassword'").all();
    expect(audit).toEqual([{ actor: ADMIN.userId, target: 'Julia08' }, { actor: ADMIN.userId, target: 'Julia08' }]);
  });

  it("gives the vendor's 123456 when the site insists, and still forces the change and refuses 123456 as new", async () => {
    const h = await harness();
    const admin = await h.admin();
    const settings = expectOk(await admin.call<{ security: Record<string, unknown> }>('settings.get'));
    expectOk(await admin.call('settings.save', { section: 'security', value: { ...settings.security, resetPasswordMode: 'vendor' } }));
    const created = await createUser(h, admin, { loginId: '009', name: 'Allen', roleCode: 'OnlyVending' });
    expect(created).toMatchObject({ temporaryPassword: '123456', mode: 'vendor' });
    const allen = await h.signIn('009', '123456');
    expect(code(await allen.call('home.summary'))).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(await allen.call('password.changeLogin', { currentPassword: '123456', newPassword: '123456', newVendPassword: 'Allen#Vend26' })).toMatchObject({ ok: false, error: { code: 'PASSWORD_POLICY' } });
    expectOk(await allen.call('password.changeLogin', { currentPassword: '123456', newPassword: 'Allen#2026pw', newVendPassword: 'Allen#Vend26' }));
    expect(code(await allen.call('home.summary'))).toBe('OK');
  });
});

describe('roles', () => {
  it('keeps the seed ids and Unicode names, refuses duplicate ids regardless of case, and guards the built-in roles', async () => {
    const h = await harness();
    const admin = await h.admin();
    await createRole(admin, { code: '0001', name: '员工', permissions: ['vend', 'records.view'] });
    expect(code(await admin.call('roles.create', { code: 'onlyvending', name: 'x', permissions: [] }))).toBe('CONFLICT');
    expect(code(await admin.call('roles.create', { code: 'X', name: 'x', permissions: ['users.everything'] }))).toBe('VALIDATION');
    const found = expectOk(await admin.call<{ rows: RoleRow[]; total: number }>('roles.list', { search: '员工' }));
    expect(found.total).toBe(1);
    expect(found.rows[0]).toMatchObject({ code: '0001', name: '员工', permissions: ['vend', 'records.view'] });

    const all = expectOk(await admin.call<{ rows: RoleRow[] }>('roles.list', { pageSize: 100 }));
    const adminRole = all.rows.find((r) => r.code === 'Admin');
    if (!adminRole) throw new Error('no Admin role');
    expect(adminRole).toMatchObject({ builtIn: true, admin: true });
    expect(await admin.call('roles.update', { id: adminRole.id, version: adminRole.version, name: 'Admin', permissions: ['vend'] })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('built-in') } });
    expect(code(await admin.call('roles.remove', { id: adminRole.id, version: adminRole.version }))).toBe('CONFLICT');
  });

  it('refuses to remove a role users hold; removes an unused one; signs out the users of a changed role', async () => {
    const h = await harness();
    const admin = await h.admin();
    const role = await createRole(admin, { code: 'Cash', name: 'Cashiers', permissions: ['vend'] });
    const { caller: lucy } = await h.makeUser({ loginId: '0001', name: 'Lucy', roleCode: 'Cash', password: 'Lucy#2026pw', vendPassword: 'LucyVend#26' });
    expect(code(await lucy.call('meters.list', {}))).toBe('PERMISSION_DENIED');
    expect(await admin.call('roles.remove', { id: role.id, version: role.version })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('1 user has') } });

    const updated = expectOk(await admin.call<RoleRow>('roles.update', { id: role.id, version: role.version, name: 'Cashiers', permissions: ['vend', 'meters.view'] }));
    expect(updated.version).toBe(role.version + 1);
    expect(code(await lucy.call('meters.list', {}))).toBe('NOT_SIGNED_IN');
    const lucyAgain = await h.signIn('0001', 'Lucy#2026pw');
    expect(code(await lucyAgain.call('meters.list', {}))).toBe('OK');
    expect(code(await admin.call('roles.update', { id: role.id, version: role.version, name: 'x', permissions: [] }))).toBe('CONFLICT');

    const unused = await createRole(admin, { code: 'Temp', name: 'Temp', permissions: [] });
    expect(expectOk(await admin.call('roles.remove', { id: unused.id, version: unused.version }))).toMatchObject({ outcome: 'deleted' });
    const kinds = h.core.database.sqlite.prepare("SELECT kind, payload_json AS p FROM outbox WHERE payload_json LIKE '%\"table\":\"roles\"%' ORDER BY id").all() as Array<{ kind: string; p: string }>;
    expect(kinds.map((k) => k.kind)).toEqual(['master.upsert', 'master.upsert', 'master.upsert', 'master.delete']);
  });
});

describe('the last active administrator', () => {
  it('cannot be deactivated, demoted or removed, and nobody removes or deactivates themselves', async () => {
    const h = await harness();
    const admin = await h.admin();
    const me = await userRow(admin, ADMIN.userId);
    const supervisor = await h.roleId('Supervisor');
    expect(await admin.call('users.update', { id: me.id, version: me.version, name: 'Raymond', phone: '', roleId: supervisor, active: true })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('last active administrator') },
    });
    expect(code(await admin.call('users.update', { id: me.id, version: me.version, name: 'Raymond', phone: '', roleId: await h.roleId('Admin'), active: false }))).toBe('CONFLICT');
    expect(code(await admin.call('users.remove', { id: me.id, version: me.version }))).toBe('CONFLICT');

    // A custom administrator role: its users may be the last administrators too.
    const boss = await createRole(admin, { code: 'Boss', name: 'Boss', permissions: ['users.manage', 'roles.manage', 'vend'] });
    expect(boss.admin).toBe(true);
    const { caller: julia, id: juliaId } = await h.makeUser({ loginId: 'Julia08', roleCode: 'Boss', password: 'Julia#2026pw', vendPassword: 'JuliaVend#26' });
    // Now there are two administrators: Julia may demote Raymond.
    expect(code(await julia.call('users.update', { id: me.id, version: me.version, name: 'Raymond', phone: '', roleId: supervisor, active: true }))).toBe('OK');
    // Julia's role is now the only administrator role in use: it keeps its rights.
    expect(await julia.call('roles.update', { id: boss.id, version: boss.version, name: 'Boss', permissions: ['vend', 'users.manage'] })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('last active administrators') },
    });
    const juliaRow = await userRow(julia, 'Julia08');
    expect(juliaRow.id).toBe(juliaId);
    expect(code(await julia.call('users.remove', { id: juliaId, version: juliaRow.version }))).toBe('CONFLICT');
  });
});

describe('removing users', () => {
  it('deletes a user who never signed in, and deactivates one with history', async () => {
    const h = await harness();
    const admin = await h.admin();
    const never = await createUser(h, admin, { loginId: 'never', name: 'Never', roleCode: 'OnlyVending' });
    expect(expectOk(await admin.call('users.remove', { id: never.user.id, version: never.user.version }))).toMatchObject({ outcome: 'deleted' });
    const cashier = await userRow(admin, DEMO_CASHIER.loginId);
    await h.signIn(DEMO_CASHIER.loginId, DEMO_CASHIER.password);
    const removed = expectOk(await admin.call<{ outcome: string; message: string }>('users.remove', { id: cashier.id, version: cashier.version }));
    expect(removed.outcome).toBe('deactivated');
    expect((await userRow(admin, DEMO_CASHIER.loginId)).active).toBe(false);
    expect(code(await h.caller().call('session.login', { username: DEMO_CASHIER.loginId, password: DEMO_CASHIER.password }))).toBe('LOGIN_FAILED');
    expect(code(await admin.call('users.create', { loginId: 'CASHIER', name: 'x', phone: '', roleId: await h.roleId('OnlyVending') }))).toBe('CONFLICT');
  });
});

describe('password changes and unlocking', () => {
  it('counts wrong current passwords like sign-ins, locks, and an administrator unlocks (audited)', async () => {
    const h = await harness();
    const admin = await h.admin();
    const { caller: julia } = await h.makeUser({ loginId: 'Julia08', roleCode: 'OnlyVending', password: 'Julia#2026pw', vendPassword: 'JuliaVend#26' });
    for (let i = 0; i < 4; i += 1) {
      expect(await julia.call('password.changeLogin', { currentPassword: 'wrong', newPassword: 'Julia#2027pw' })).toMatchObject({ ok: false, error: { code: 'LOGIN_FAILED' } });
    }
    expect(code(await julia.call('password.changeLogin', { currentPassword: 'wrong', newPassword: 'Julia#2027pw' }))).toBe('LOGIN_LOCKED');
    expect(code(await julia.call('home.summary'))).toBe('NOT_SIGNED_IN');
    expect(code(await h.caller().call('session.login', { username: 'Julia08', password: 'Julia#2026pw' }))).toBe('LOGIN_LOCKED');
    const row = await userRow(admin, 'Julia08');
    expect(row).toMatchObject({ loginLocked: true, vendLocked: false });
    const unlocked = expectOk(await admin.call<UserRow>('users.unlock', { id: row.id, which: 'login' }));
    expect(unlocked.loginLocked).toBe(false);
    const back = await h.signIn('Julia08', 'Julia#2026pw');
    expect(await back.call('password.changeLogin', { currentPassword: 'Julia#2026pw', newPassword: 'JuliaVend#26' })).toMatchObject({ ok: false, error: { code: 'PASSWORD_POLICY', message: expect.stringContaining('vend password') } });
    expectOk(await back.call('password.changeLogin', { currentPassword: 'Julia#2026pw', newPassword: 'Julia#2027pw' }));
    await h.signIn('Julia08', 'Julia#2027pw');
    const audit = h.core.database.sqlite.prepare("SELECT actor, details_json AS d FROM audit_log WHERE action = 'users.unlock'").all() as Array<{ actor: string; d: string }>;
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.d ?? '{}')).toMatchObject({ which: 'login', via: 'screen', wasLocked: { login: true, vend: false } });
  });

  it('locks the vend password separately from the login, refuses the right one while locked, and unlocks it', async () => {
    const h = await harness();
    const admin = await h.admin();
    const { caller: julia } = await h.makeUser({ loginId: 'Julia08', roleCode: 'OnlyVending', password: 'Julia#2026pw', vendPassword: 'JuliaVend#26' });
    const wrong = { currentVendPassword: 'nope', newVendPassword: 'JuliaVend#27' };
    for (let i = 0; i < 4; i += 1) expect(code(await julia.call('password.changeVend', wrong))).toBe('VEND_PASSWORD_WRONG');
    expect(code(await julia.call('password.changeVend', wrong))).toBe('VEND_LOCKED');
    expect(code(await julia.call('password.changeVend', { currentVendPassword: 'JuliaVend#26', newVendPassword: 'JuliaVend#27' }))).toBe('VEND_LOCKED');
    expect(code(await julia.call('home.summary'))).toBe('OK');
    await h.signIn('Julia08', 'Julia#2026pw');
    const row = await userRow(admin, 'Julia08');
    expect(row).toMatchObject({ loginLocked: false, vendLocked: true });
    expectOk(await admin.call('users.unlock', { id: row.id, which: 'vend' }));
    expect(await julia.call('password.changeVend', { currentVendPassword: 'JuliaVend#26', newVendPassword: 'Julia#2026pw' })).toMatchObject({ ok: false, error: { code: 'PASSWORD_POLICY', message: expect.stringContaining('login password') } });
    expectOk(await julia.call('password.changeVend', { currentVendPassword: 'JuliaVend#26', newVendPassword: 'JuliaVend#27' }));
    const session = h.core.sessions.get(julia.sessionToken);
    if (!session) throw new Error('Julia is signed out');
    await expect(h.core.services.vendPassword.verify(session, 'JuliaVend#27')).resolves.toBeUndefined();
    await expect(h.core.services.vendPassword.verify(session, 'JuliaVend#26')).rejects.toMatchObject({ code: 'VEND_PASSWORD_WRONG' });
  });
});

describe('the user grid', () => {
  it('searches over ids, names, phones and role names in main, and pages', async () => {
    const h = await harness();
    const admin = await h.admin();
    await createRole(admin, { code: 'Staff', name: '员工', permissions: ['vend'] });
    await createUser(h, admin, { loginId: '009', name: 'Allen', phone: '18888888888', roleCode: 'Staff' });
    for (let i = 0; i < 22; i += 1) await createUser(h, admin, { loginId: `u${String(i).padStart(2, '0')}`, name: `User ${i}`, roleCode: 'OnlyVending' });
    const byRole = expectOk(await admin.call<{ rows: UserRow[]; total: number }>('users.list', { search: '员工' }));
    expect(byRole.rows.map((r) => r.loginId)).toEqual(['009']);
    const byPhone = expectOk(await admin.call<{ total: number }>('users.list', { search: '18888' }));
    expect(byPhone.total).toBe(1);
    const page2 = expectOk(await admin.call<{ rows: UserRow[]; total: number; pageCount: number }>('users.list', { page: 2, sort: { column: 'loginId', direction: 'asc' } }));
    expect(page2.total).toBe(25); // 0000, the demo cashier, 009 and 22 more
    expect(page2.pageCount).toBe(2);
    expect(page2.rows).toHaveLength(5);
  });
});
