import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startCore } from '../../../electron/services/core';
import { DEMO_CASHIER } from '../../../electron/services/demo/demo-seeder';
import { FIXTURE_ADMIN, fixtureInitArgs, runCli } from '../../support/cli-init';
import { APP_ROOT, makeDataDir, testEnv } from '../../support/host-process';

const dirs: string[] = [];
function dataDir(): string {
  const dir = makeDataDir('tokentill-cli-');
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function readDb<T>(dir: string, read: (db: Database.Database) => T): T {
  const db = new Database(path.join(dir, 'tokentill.db'), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

function isSetUp(dir: string): boolean {
  if (!fs.existsSync(path.join(dir, 'tokentill.db'))) return false;
  return readDb(dir, (db) => (db.prepare("SELECT count(*) AS n FROM app_state WHERE key = 'terminal'").get() as { n: number }).n === 1);
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}

describe('npm run cli -- init', () => {
  it('sets up a data folder with the demo data: exit 0, one line, and the same rows the setup screen makes', () => {
    const dir = dataDir();
    const run = runCli(fixtureInitArgs({ demo: true, extra: ['--currency', 'RMB'] }), { dataDir: dir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(lines(run.stdout)).toHaveLength(1);
    expect(run.stdout).toContain('station ST01');
    expect(run.stdout).toContain('demo data loaded');

    readDb(dir, (db) => {
      expect(db.prepare('SELECT code, name FROM stations').all()).toEqual([{ code: 'ST01', name: 'Main Street' }]);
      expect(db.prepare('SELECT name FROM districts').all()).toEqual([{ name: 'Central' }]);
      const users = db.prepare('SELECT u.login_id AS loginId, u.name, r.code AS role FROM users u JOIN roles r ON r.id = u.role_id ORDER BY u.login_id').all();
      expect(users).toEqual([
        { loginId: FIXTURE_ADMIN.userId, name: FIXTURE_ADMIN.name, role: 'Admin' },
        { loginId: DEMO_CASHIER.loginId, name: DEMO_CASHIER.name, role: 'OnlyVending' },
      ]);
      const company = JSON.parse((db.prepare("SELECT value_json AS v FROM settings WHERE section = 'company'").get() as { v: string }).v) as Record<string, unknown>;
      expect(company).toMatchObject({ companyName: 'Demo Power Co.', defaultCurrency: 'CNY', currencyDisplay: { CNY: 'RMB' } });
      const actions = (db.prepare('SELECT action FROM audit_log ORDER BY seq').all() as { action: string }[]).map((row) => row.action);
      // demo.load (users), demo.load (P1: the virtual printer), demo.library (L1: meters and prices), demo.parties
      // (L2: customers and accounts), keys.load twice and demo.load (S1: the specification's published test vending
      // keys, DKGA02 and DKGA04)
      expect(actions).toEqual(['setup.init', 'demo.load', 'demo.load', 'demo.library', 'demo.parties', 'keys.load', 'keys.load', 'demo.load']);
      expect(db.prepare('SELECT count(*) FROM meters').pluck().get()).toBe(10);
      const hash = (db.prepare('SELECT password_hash AS h FROM users WHERE login_id = ?').get(FIXTURE_ADMIN.userId) as { h: string }).h;
      expect(hash).toMatch(/^\$scrypt\$/);
      expect(hash).not.toContain(FIXTURE_ADMIN.password);
    });
    expect(fs.existsSync(path.join(dir, 'tokentill.lock'))).toBe(false);
  });

  it('without --demo creates no demo user, and the admin can sign in through the same core', async () => {
    const dir = dataDir();
    expect(runCli(fixtureInitArgs({ demo: false }), { dataDir: dir }).status).toBe(0);
    readDb(dir, (db) => expect(db.prepare('SELECT login_id AS id FROM users').all()).toEqual([{ id: FIXTURE_ADMIN.userId }]));
    const started = await startCore({ dataDir: dir, appRoot: APP_ROOT, program: 'test', env: testEnv(dir) });
    if (!started.ok) throw new Error(started.problem.message);
    try {
      const caller = { transport: 'test' as const, sessionToken: null, setSessionToken: () => undefined };
      const login = await started.core.dispatch('session.login', { username: FIXTURE_ADMIN.userId, password: FIXTURE_ADMIN.password }, caller);
      expect(login).toMatchObject({ ok: true, value: { userId: '0000', name: 'Raymond', roleId: 'Admin', stationCode: 'ST01' } });
    } finally {
      started.core.close();
    }
  });

  it('refuses a second init on a folder already set up: exit 1, one line, nothing changed', () => {
    const dir = dataDir();
    expect(runCli(fixtureInitArgs(), { dataDir: dir }).status).toBe(0);
    const before = readDb(dir, (db) => db.prepare('SELECT count(*) AS n FROM audit_log').get());
    const again = runCli(fixtureInitArgs({ extra: ['--company', 'Other Co.'] }), { dataDir: dir });
    expect(again.status).toBe(1);
    expect(lines(again.stderr)).toEqual([`The data folder ${dir} is already set up; nothing was changed.`]);
    expect(again.stdout).toBe('');
    expect(readDb(dir, (db) => db.prepare('SELECT count(*) AS n FROM audit_log').get())).toEqual(before);
  });

  it('respects the data-folder lock: a folder held by a running TokenTill is refused with exit 1, the holder named', async () => {
    const dir = dataDir();
    const holder = await startCore({ dataDir: dir, appRoot: APP_ROOT, program: 'browser-mode host (test holder)', env: testEnv(dir) });
    if (!holder.ok) throw new Error(holder.problem.message);
    try {
      const run = runCli(fixtureInitArgs(), { dataDir: dir });
      expect(run.status).toBe(1);
      expect(lines(run.stderr)).toHaveLength(1);
      expect(run.stderr).toContain('is in use by another TokenTill (browser-mode host (test holder)');
    } finally {
      holder.core.close();
    }
    expect(isSetUp(dir)).toBe(false);
  });

  const badInputs: ReadonlyArray<[what: string, args: string[], option: string]> = [
    ['a missing required option', ['init', '--station', 'ST01', '--admin-user', '0000', '--admin-password', 'Admin#2026x', '--vend-password', 'Vend#2026xy'], '--company'],
    ['an unknown option', [...fixtureInitArgs(), '--colour', 'blue'], '--colour'],
    ['a bad station code', fixtureInitArgs({ extra: ['--station', 'ST 01!'] }), '--station'],
    ['an unknown currency', fixtureInitArgs({ extra: ['--currency', 'DOLLARS'] }), '--currency'],
    ['an unknown time zone', fixtureInitArgs({ extra: ['--tid-time-zone', 'Mars/Olympus'] }), '--tid-time-zone'],
    ['a short admin password', fixtureInitArgs({ extra: ['--admin-password', 'Ab#1'] }), '--admin-password'],
    ['an admin password without a symbol', fixtureInitArgs({ extra: ['--admin-password', 'Admin2026x'] }), '--admin-password'],
    ['a vend password without a number', fixtureInitArgs({ extra: ['--vend-password', 'Vend#password'] }), '--vend-password'],
    ['the vendor default 123456', fixtureInitArgs({ extra: ['--vend-password', '123456'] }), '--vend-password'],
    ['a vend password equal to the login password', fixtureInitArgs({ extra: ['--vend-password', FIXTURE_ADMIN.password] }), '--vend-password'],
    ['an admin user id with spaces', fixtureInitArgs({ extra: ['--admin-user', 'ray mond'] }), '--admin-user'],
  ];

  for (const [what, args, option] of badInputs) {
    it(`refuses ${what} with exit 2 and one line naming ${option}, and sets nothing up`, () => {
      const dir = dataDir();
      const run = runCli(args, { dataDir: dir });
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(lines(run.stderr)).toHaveLength(1);
      expect(run.stderr).toContain(option);
      expect(isSetUp(dir)).toBe(false);
    });
  }

  it('lists its commands on help, and refuses an unknown command with exit 2', () => {
    const dir = dataDir();
    const help = runCli(['help'], { dataDir: dir });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('init --company NAME --station CODE --admin-user ID --admin-password PW --vend-password PW [--demo]');
    const unknown = runCli(['frobnicate'], { dataDir: dir });
    expect(unknown.status).toBe(2);
    expect(lines(unknown.stderr)).toEqual(['There is no command "frobnicate": npm run cli -- help lists them.']);
  });
});
