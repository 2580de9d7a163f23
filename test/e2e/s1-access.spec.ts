import type { Page } from '@playwright/test';
import { DEMO_CASHIER } from '../../electron/services/demo/demo-seeder';
import { FIXTURE_ADMIN } from '../support/cli-init';
import { expect, test } from './fixtures';
import { LoginPage } from './pages/login-page';
import { AccessScreen, FirstPasswordsPage } from './pages/password-center-page';
import { ShellPage } from './pages/shell-page';

/**
 * S1 in the browser: an owner gives a cashier a vending-only login in a minute; Reset Password with the forced
 * change; the password changes of the Password Center. (The secrets scan of a full run is s1-secrets.spec.ts.)
 */
async function signIn(page: Page, userId: string, password: string): Promise<ShellPage> {
  await new LoginPage(page).signIn(userId, password);
  return new ShellPage(page);
}

async function temporaryPasswordFrom(page: Page): Promise<string> {
  const dialog = page.getByRole('dialog', { name: /added|reset/ });
  const value = (await dialog.getByRole('status', { name: 'Temporary password' }).textContent()) ?? '';
  await dialog.getByRole('button', { name: 'Done' }).click();
  return value.trim();
}

test('an owner gives a cashier a vending-only login in a minute; the cashier sees only what the role allows', async ({ page, setUpHost }) => {
  await page.goto(setUpHost.url);
  const shell = await signIn(page, FIXTURE_ADMIN.userId, FIXTURE_ADMIN.password);
  await expect(shell.operator()).toContainText('Raymond (0000)');
  await expect(shell.centre('Password Center')).toBeVisible();
  expect(await shell.centres().getByRole('button').allTextContents()).toEqual(expect.arrayContaining(['Library Center', 'Advanced Center', 'Password Center', 'Quit Center']));

  await shell.openScreen('Password Center', 'Role Management');
  await expect(shell.navigation().getByRole('button')).toHaveText(['✱Vend Password Change', '✱Login Password Change', '◈Role Management', '☺User Management']);
  const roles = new AccessScreen(page, 'Role Management');
  await expect(roles.row('OnlyVending')).toContainText('Vend (Top-up Center), Reprint receipts, View vending records');
  await roles.toolbarButton('New').click();
  const roleDialog = roles.dialog('New role');
  await roleDialog.getByLabel('Role id').fill('FrontDesk');
  await roleDialog.getByLabel('Role name').fill('Front desk');
  await roleDialog.getByLabel('Vend (Top-up Center)', { exact: true }).check();
  await roleDialog.getByRole('button', { name: 'Save' }).click();
  await expect(roles.notice()).toHaveText('The role "FrontDesk" was added.');
  await expect(roles.row('FrontDesk')).toContainText('Front desk');

  await shell.openScreen('Password Center', 'User Management');
  const users = new AccessScreen(page, 'User Management');
  await expect(users.row('0000')).toContainText('Raymond');
  await users.toolbarButton('New').click();
  const userDialog = users.dialog('New user');
  await userDialog.getByLabel('Id', { exact: true }).fill('Julia08');
  await userDialog.getByLabel('Name').fill('Julia');
  await userDialog.getByLabel('Phone').fill('158888888888');
  await userDialog.getByLabel('Role').selectOption({ label: 'Front desk (FrontDesk)' });
  await userDialog.getByRole('button', { name: 'Save' }).click();
  const temporary = await temporaryPasswordFrom(page);
  expect(temporary).toMatch(/^\S{4}-\S{4}-\S{4}$/);
  await expect(users.row('Julia08')).toContainText('Must choose passwords');
  await shell.quitCenter().click();

  await signIn(page, 'Julia08', temporary);
  const first = new FirstPasswordsPage(page);
  await expect(first.heading()).toBeVisible();
  expect(await shell.call('meters.list', {})).toMatchObject({ ok: false, error: { code: 'PASSWORD_CHANGE_REQUIRED' } });
  await first.choose(temporary, 'Julia#2026pw', 'JuliaVend#26');
  await expect(shell.operator()).toContainText('Julia (Julia08)');
  // Vend is the role's only right: the Top-up Center's Top-up screen (not Record: no records.view), and the user's own
  // Password Center.
  await expect(shell.centres().getByRole('button')).toHaveText(['Top-up Center', 'Password Center', 'Quit Center']);
  await shell.centre('Top-up Center').click();
  await expect(shell.navigation().getByRole('button')).toHaveText(['⚡Top-up']);
  await shell.centre('Password Center').click();
  await expect(shell.navigation().getByRole('button')).toHaveText(['✱Vend Password Change', '✱Login Password Change']);
  for (const channel of ['meters.list', 'prices.list', 'users.list', 'keys.list', 'audit.list']) {
    expect(await shell.call(channel, {}), channel).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
  }
  await shell.quitCenter().click();
  await new LoginPage(page).signIn('Julia08', temporary);
  await expect(new LoginPage(page).error()).toContainText('The user id or password is wrong');
});

test('Reset Password: the old password stops working, the temporary one forces new passwords, 123456 is refused', async ({ page, setUpHost }) => {
  await page.goto(setUpHost.url);
  const shell = await signIn(page, FIXTURE_ADMIN.userId, FIXTURE_ADMIN.password);
  await shell.openScreen('Password Center', 'User Management');
  const users = new AccessScreen(page, 'User Management');
  await users.row(DEMO_CASHIER.loginId).click();
  await users.toolbarButton('Reset Password').click();
  await users.dialog(`Reset the password of ${DEMO_CASHIER.loginId}?`).getByRole('button', { name: 'Reset Password' }).click();
  const temporary = await temporaryPasswordFrom(page);
  await expect(users.notice()).toHaveText(`The password of "${DEMO_CASHIER.loginId}" was reset.`);
  await shell.quitCenter().click();

  const login = new LoginPage(page);
  await login.signIn(DEMO_CASHIER.loginId, DEMO_CASHIER.password);
  await expect(login.error()).toContainText('The user id or password is wrong');
  await login.signIn(DEMO_CASHIER.loginId, temporary);
  const first = new FirstPasswordsPage(page);
  await expect(first.heading()).toBeVisible();
  await first.choose(temporary, '123456', 'CashVend#27');
  await expect(page.getByText('This password is too common. Choose another one.')).toBeVisible();
  await first.choose(temporary, 'Cashier#2027', 'CashVend#27');
  await expect(shell.operator()).toContainText('Demo Cashier (cashier)');
  await expect(shell.home()).toBeVisible();

  await shell.openScreen('Password Center', 'Login Password Change');
  const change = new AccessScreen(page, 'Login Password Change');
  await change.changePassword('password', 'wrong-one', 'Cashier#2028');
  await expect(change.alert()).toContainText('Current password: it is wrong. 4 attempts left');
  await change.changePassword('password', 'Cashier#2027', 'Cashier#2028');
  await expect(change.notice()).toHaveText('Your login password is changed.');

  await shell.openScreen('Password Center', 'Vend Password Change');
  const vend = new AccessScreen(page, 'Vend Password Change');
  await vend.changePassword('vend password', 'CashVend#27', 'Cashier#2028');
  await expect(vend.alert()).toContainText('must differ from your login password');
  await vend.changePassword('vend password', 'CashVend#27', 'CashVend#28');
  await expect(vend.notice()).toHaveText('Your vend password is changed.');

  await shell.quitCenter().click();
  await login.signIn(DEMO_CASHIER.loginId, temporary);
  await expect(login.error()).toContainText('The user id or password is wrong');
  await login.signIn(DEMO_CASHIER.loginId, 'Cashier#2028');
  await expect(shell.operator()).toContainText('Demo Cashier (cashier)');
});
