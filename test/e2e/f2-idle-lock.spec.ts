import { FIXTURE_ADMIN } from '../support/cli-init';
import { expect, test } from './fixtures';
import { LoginPage } from './pages/login-page';
import { ShellPage } from './pages/shell-page';

/** After a clock jump that must NOT lock: give the page a moment of real time to render a lock if it wrongly made one. */
async function expectStillUnlocked(shell: ShellPage): Promise<void> {
  await shell.page.waitForTimeout(300);
  await expect(shell.lockDialog()).toHaveCount(0);
}

test('an idle session locks after the configured time (activity restarts it), keeps its open tabs, and asks for the password again', async ({ page, setUpHost }) => {
  await page.clock.install();
  await page.goto(setUpHost.url);
  await new LoginPage(page).signIn(FIXTURE_ADMIN.userId, FIXTURE_ADMIN.password);
  const shell = new ShellPage(page);
  await shell.openScreen('Advanced Center', 'Settings');
  await expect(shell.tab('Settings')).toHaveAttribute('aria-selected', 'true');
  const idle = page.getByLabel('Lock after idle (minutes)');
  await expect(idle).toHaveValue('15');
  await idle.fill('20');

  await page.clock.fastForward('10:00');
  await expectStillUnlocked(shell);
  await idle.press('End');
  await page.clock.fastForward('14:00');
  await expectStillUnlocked(shell);
  await page.clock.fastForward('01:05');
  await expect(shell.lockDialog()).toBeVisible();
  await expect(shell.lockDialog()).toContainText('Locked after 15 minutes without activity.');
  await expect(shell.lockDialog()).toContainText('Raymond (0000)');
  await expect(page.getByLabel('Password', { exact: true })).toBeFocused();
  await page.screenshot({ path: 'test-results/screens/f2-idle-lock.png' });

  expect(await shell.call('home.summary')).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });
  expect(await shell.call('settings.get')).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });

  await page.getByLabel('Password', { exact: true }).fill('Wrong#pass1');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(shell.lockDialog().getByRole('alert')).toContainText('The password is wrong. 4 attempts left');
  await expect(page.getByLabel('Password', { exact: true })).toBeFocused();

  await page.getByLabel('Password', { exact: true }).fill(FIXTURE_ADMIN.password);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(shell.lockDialog()).toHaveCount(0);
  await expect(shell.tab('Settings')).toHaveAttribute('aria-selected', 'true');
  await expect(idle).toHaveValue('20');
  expect(await shell.call('home.summary')).toMatchObject({ ok: true });
});

test('the idle time follows the setting, and Sign out from the lock returns to the login screen', async ({ page, setUpHost }) => {
  await page.clock.install();
  await page.goto(setUpHost.url);
  await new LoginPage(page).signIn(FIXTURE_ADMIN.userId, FIXTURE_ADMIN.password);
  const shell = new ShellPage(page);
  await shell.openScreen('Advanced Center', 'Settings');
  await page.getByLabel('Lock after idle (minutes)').fill('2');
  await page.getByRole('button', { name: 'Save general settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The general settings are saved.' })).toBeVisible();

  await page.clock.fastForward('01:30');
  await expectStillUnlocked(shell);
  await page.clock.fastForward('00:35');
  await expect(shell.lockDialog()).toContainText('Locked after 2 minutes without activity.');

  await shell.lockDialog().getByRole('button', { name: 'Sign out' }).click();
  const login = new LoginPage(page);
  await expect(login.heading()).toBeVisible();
  await expect(login.notice()).toHaveText('You are signed out.');
  expect(await shell.call('session.current')).toEqual({ ok: true, value: null });
});

test('Lock in the top bar locks at once; a page reload while locked still asks for the password', async ({ page, setUpHost }) => {
  await page.goto(setUpHost.url);
  await new LoginPage(page).signIn(FIXTURE_ADMIN.userId, FIXTURE_ADMIN.password);
  const shell = new ShellPage(page);
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(shell.lockDialog()).toContainText('This session is locked.');
  await page.reload();
  await expect(shell.lockDialog()).toBeVisible();
  await page.getByLabel('Password', { exact: true }).fill(FIXTURE_ADMIN.password);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(shell.operator()).toContainText('Raymond (0000)');
  await expect(shell.figure('Sales today')).toHaveText('0');
});
