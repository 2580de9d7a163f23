import path from 'node:path';
import Database from 'better-sqlite3';
import { FIXTURE_ADMIN } from '../support/cli-init';
import { startHost } from '../support/host-process';
import { expect, test } from './fixtures';
import { LoginPage } from './pages/login-page';
import { ShellPage } from './pages/shell-page';

const WRONG = 'The user id or password is wrong. Check them and try again.';

function loginHistory(dataDir: string, loginId: string): Array<{ result: string; reason: string; stationCode: string | null }> {
  const db = new Database(path.join(dataDir, 'tokentill.db'), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(
        `SELECT h.result, h.reason, s.code AS stationCode FROM login_history h LEFT JOIN stations s ON s.id = h.station_id
         WHERE h.login_id = ? ORDER BY h.created_at, h.rowid`,
      )
      .all(loginId) as Array<{ result: string; reason: string; stationCode: string | null }>;
  } finally {
    db.close();
  }
}

test('a wrong password shows the error, keeps the user id, and writes a login-history row', async ({ page, setUpHost }) => {
  const login = new LoginPage(page);
  await page.goto(setUpHost.url);
  await login.signIn(FIXTURE_ADMIN.userId, 'Wrong#pass1');
  await expect(login.error()).toHaveText(WRONG);
  await expect(page.getByLabel('User id', { exact: true })).toHaveValue(FIXTURE_ADMIN.userId);
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('Password', { exact: true })).toBeFocused();
  expect(loginHistory(setUpHost.dataDir, FIXTURE_ADMIN.userId)).toEqual([{ result: 'failure', reason: 'wrong password', stationCode: 'ST01' }]);

  await login.signIn('nobody', 'Wrong#pass1');
  await expect(login.error()).toHaveText(WRONG);
  expect(loginHistory(setUpHost.dataDir, 'nobody')).toEqual([{ result: 'failure', reason: 'unknown user id', stationCode: 'ST01' }]);

  await login.signIn(FIXTURE_ADMIN.userId, FIXTURE_ADMIN.password);
  await expect(new ShellPage(page).operator()).toContainText('Raymond (0000)');
  expect(loginHistory(setUpHost.dataDir, FIXTURE_ADMIN.userId).map((row) => row.result)).toEqual(['failure', 'success']);
});

test('five wrong passwords lock the login; the screen says who can unlock; the lock survives kill -9', async ({ page, setUpHost }) => {
  const login = new LoginPage(page);
  await page.goto(setUpHost.url);
  for (let attempt = 1; attempt <= 4; attempt += 1) {
    await login.signIn(FIXTURE_ADMIN.userId, `Wrong#pass${attempt}`);
    await expect(login.error()).toHaveText(WRONG);
  }
  await login.signIn(FIXTURE_ADMIN.userId, 'Wrong#pass5');
  await expect(login.error()).toContainText('This login is locked after 5 failed attempts.');
  await expect(login.error()).toContainText('An administrator can unlock it in User Management');
  await page.screenshot({ path: 'test-results/screens/f2-login-locked.png' });

  await login.signIn(FIXTURE_ADMIN.userId, FIXTURE_ADMIN.password);
  await expect(login.error()).toContainText('This login is locked');

  await setUpHost.stop('SIGKILL');
  const restarted = await startHost({ dataDir: setUpHost.dataDir });
  try {
    await page.goto(restarted.url);
    await expect(login.heading()).toBeVisible();
    await login.signIn(FIXTURE_ADMIN.userId, FIXTURE_ADMIN.password);
    await expect(login.error()).toContainText('This login is locked after 5 failed attempts.');
    const results = loginHistory(setUpHost.dataDir, FIXTURE_ADMIN.userId).map((row) => row.result);
    expect(results).toEqual(['failure', 'failure', 'failure', 'failure', 'failure', 'locked', 'locked']);

    await login.signIn('cashier', 'Cashier#2026');
    await expect(new ShellPage(page).operator()).toContainText('Demo Cashier (cashier)');
  } finally {
    await restarted.stop('SIGKILL');
  }
});
