import { describe, expect, it } from 'vitest';
import { startCore } from '../../../electron/services/core';
import { setUpCopies, withDatabaseFile } from '../../support/set-up-copies';
import { FIXTURE_ADMIN, runCli } from '../../support/cli-init';
import { APP_ROOT, makeDataDir, testEnv } from '../../support/host-process';

/**
 * The local commands of S1, run as their own processes like an installer or support would: `user unlock ID` and
 * `audit verify`, which names every kind of tampering (edited, deleted, inserted row, truncated tail).
 */
const setUp = setUpCopies('tokentill-cli-access-');
const copyOfSetUp = () => setUp.copy();
const withDb = withDatabaseFile;

async function withCore<T>(dir: string, work: (core: Awaited<ReturnType<typeof startCore>> & { ok: true }) => Promise<T>): Promise<T> {
  const started = await startCore({ dataDir: dir, appRoot: APP_ROOT, program: 'test', env: testEnv(dir) });
  if (!started.ok) throw new Error(started.problem.message);
  try {
    return await work(started);
  } finally {
    started.core.close();
  }
}

const caller = () => ({ transport: 'test' as const, sessionToken: null as string | null, setSessionToken(token: string | null) { this.sessionToken = token; } });

describe('npm run cli -- user unlock', () => {
  it('unlocks the only administrator locked out, audited; refuses while the app holds the folder', async () => {
    const dir = copyOfSetUp();
    await withCore(dir, async ({ core }) => {
      for (let i = 0; i < 5; i += 1) await core.dispatch('session.login', { username: FIXTURE_ADMIN.userId, password: 'wrong' }, caller());
      const locked = await core.dispatch('session.login', { username: FIXTURE_ADMIN.userId, password: FIXTURE_ADMIN.password }, caller());
      expect(locked).toMatchObject({ ok: false, error: { code: 'LOGIN_LOCKED', message: expect.stringContaining('npm run cli -- user unlock') } });
      const busy = runCli(['user', 'unlock', FIXTURE_ADMIN.userId], { dataDir: dir });
      expect(busy.status).toBe(1);
      expect(busy.stderr).toContain('is in use by another TokenTill');
    });

    const run = runCli(['user', 'unlock', FIXTURE_ADMIN.userId], { dataDir: dir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe('Raymond (0000): the login and vend password are unlocked.');

    await withCore(dir, async ({ core }) => {
      expect(await core.dispatch('session.login', { username: FIXTURE_ADMIN.userId, password: FIXTURE_ADMIN.password }, caller())).toMatchObject({ ok: true });
      const audit = core.database.sqlite.prepare("SELECT actor, target, details_json AS d FROM audit_log WHERE action = 'users.unlock'").all() as Array<{ actor: string; target: string; d: string }>;
      expect(audit).toHaveLength(1);
      expect(audit[0]?.actor).toMatch(/^cli:/);
      expect(JSON.parse(audit[0]?.d ?? '{}')).toMatchObject({ loginId: '0000', which: 'both', via: 'cli', wasLocked: { login: true, vend: false } });
    });
  });

  it('names what it could not do: an unknown user (exit 1), no user id or two (exit 2)', () => {
    const dir = copyOfSetUp();
    const unknown = runCli(['user', 'unlock', 'nobody', '--vend'], { dataDir: dir });
    expect(unknown.status).toBe(1);
    expect(unknown.stderr.trim()).toBe('There is no user "nobody" on this terminal.');
    const missing = runCli(['user', 'unlock'], { dataDir: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('Name the user id');
    expect(runCli(['user', 'unlock', 'a', 'b'], { dataDir: dir }).status).toBe(2);
  });
});

describe('npm run cli -- audit verify', () => {
  const verify = (dir: string) => runCli(['audit', 'verify'], { dataDir: dir });
  const rowCount = (dir: string) => withDb(dir, (db) => (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n);

  it('says OK with the row count on an untouched log, and adds no row', () => {
    const dir = copyOfSetUp();
    const before = rowCount(dir);
    const run = verify(dir);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(`Audit log OK: ${before} rows.`);
    expect(rowCount(dir)).toBe(before);
  });

  it('names an edited row', () => {
    const dir = copyOfSetUp();
    withDb(dir, (db) => db.prepare("UPDATE audit_log SET details_json = '{}' WHERE seq = 2").run());
    const run = verify(dir);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toMatch(/^Audit log BROKEN at row 2: row 2 was changed after it was written/);
  });

  it('names a deleted row', () => {
    const dir = copyOfSetUp();
    withDb(dir, (db) => db.prepare('DELETE FROM audit_log WHERE seq = 3').run());
    const run = verify(dir);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toMatch(/^Audit log BROKEN at row 4: row 3 is missing \(deleted\)/);
  });

  it('names an inserted row', () => {
    const dir = copyOfSetUp();
    withDb(dir, (db) => {
      const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Array<Record<string, unknown>>;
      db.prepare('DELETE FROM audit_log').run();
      const insert = db.prepare(`INSERT INTO audit_log VALUES (${Object.keys(rows[0] ?? {}).map(() => '?').join(',')})`);
      let seq = 0;
      for (const row of rows) {
        seq += 1;
        insert.run(...Object.values({ ...row, seq }));
        if (row.seq === 2) {
          seq += 1;
          insert.run(...Object.values({ ...row, seq, id: 'forged-row', actor: 'intruder' }));
        }
      }
    });
    const run = verify(dir);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toMatch(/^Audit log BROKEN at row 3: row 3 does not follow the row before it/);
  });

  it('names a truncated tail', () => {
    const dir = copyOfSetUp();
    const last = rowCount(dir);
    withDb(dir, (db) => db.prepare('DELETE FROM audit_log WHERE seq >= ?').run(last - 1));
    const run = verify(dir);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(`Audit log BROKEN at row ${last - 1}: the log ends at row ${last - 2} but row ${last} was written (the tail was truncated) (${last - 2} rows read).`);
  });

  it('lists both commands in help', () => {
    const run = runCli(['help'], { dataDir: makeDataDir() });
    expect(run.stdout).toContain('user unlock ID');
    expect(run.stdout).toContain('audit verify');
  });
});
