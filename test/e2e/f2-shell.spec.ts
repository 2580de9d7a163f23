import { FIXTURE_ADMIN } from '../support/cli-init';
import { expect, test } from './fixtures';
import { LoginPage } from './pages/login-page';
import { ShellPage } from './pages/shell-page';

test.beforeEach(async ({ page, setUpHost }) => {
  await page.goto(setUpHost.url);
  await new LoginPage(page).signIn(FIXTURE_ADMIN.userId, FIXTURE_ADMIN.password);
  await expect(new ShellPage(page).operator()).toContainText('Raymond (0000)');
});

test('screens open as tabs from the centre navigation, stay open across centres, and close', async ({ page }) => {
  const shell = new ShellPage(page);
  await expect(shell.centres().getByRole('button')).toHaveText(['Top-up Center', 'Library Center', 'Advanced Center', 'Password Center', 'Quit Center']);
  await shell.openScreen('Advanced Center', 'Settings');
  await expect(shell.tab('Settings')).toHaveAttribute('aria-selected', 'true');
  await expect(shell.navigation().getByRole('button', { name: 'Settings' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('tabpanel', { name: 'Settings' }).getByRole('heading', { name: 'General' })).toBeVisible();

  await shell.tab('Home').click();
  await expect(shell.home()).toBeVisible();
  await expect(shell.tab('Settings')).toHaveAttribute('aria-selected', 'false');
  await shell.centre('Advanced Center').click();
  await expect(shell.tab('Settings')).toBeVisible();

  await shell.navigation().getByRole('button', { name: 'Settings' }).click();
  await expect(shell.tabs().getByRole('tab')).toHaveText(['⌂Home', '⚙Settings']);
  await shell.closeTab('Settings').click();
  await expect(shell.tab('Settings')).toHaveCount(0);
  await expect(shell.tab('Home')).toHaveAttribute('aria-selected', 'true');
  await expect(shell.closeTab('Home')).toHaveCount(0);
});

test('the tab strip works from the keyboard', async ({ page }) => {
  const shell = new ShellPage(page);
  await shell.openScreen('Advanced Center', 'Settings');
  await shell.tab('Home').click();
  await shell.tab('Home').press('ArrowRight');
  await expect(shell.tab('Settings')).toBeFocused();
  await expect(shell.tab('Settings')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(shell.tab('Home')).toBeFocused();
  await page.keyboard.press('End');
  await expect(shell.tab('Settings')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Delete');
  await expect(shell.tab('Settings')).toHaveCount(0);
});

test('settings: the general section saves through settings.save and is in force after a reload', async ({ page }) => {
  const shell = new ShellPage(page);
  await shell.openScreen('Advanced Center', 'Settings');
  const panel = page.getByRole('tabpanel', { name: 'Settings' });
  await panel.getByLabel('Lock after idle (minutes)').fill('30');
  await panel.getByLabel('TID time zone').selectOption('Africa/Lagos');
  await panel.getByLabel('Per-vend ceiling (USD)').fill('750.50');
  await panel.getByRole('button', { name: 'Remove Cheque' }).click();
  await panel.getByLabel('New payment type').fill('Mobile money');
  await panel.getByRole('button', { name: 'Add payment type' }).click();
  await panel.getByRole('button', { name: 'Move Mobile money up' }).click();
  await panel.getByLabel('Date format').selectOption('iso');
  await panel.getByRole('button', { name: 'Save general settings' }).click();
  await expect(panel.getByRole('status')).toHaveText('The general settings are saved.');
  await page.screenshot({ path: 'test-results/screens/f2-settings.png' });

  const saved = await shell.call('settings.get');
  expect(saved).toMatchObject({
    ok: true,
    value: { general: { idleTimeoutMinutes: 30, tidTimeZone: 'Africa/Lagos', perVendCeiling: '750.50', paymentTypes: ['Cash', 'Mobile money', 'E-card'], dateFormat: 'iso' } },
  });

  await page.reload();
  await expect(shell.home()).toContainText(/\d{4}-\d{2}-\d{2}/);
  await shell.openScreen('Advanced Center', 'Settings');
  await expect(page.getByLabel('Payment type 2')).toHaveValue('Mobile money');
  await expect(page.getByLabel('Lock after idle (minutes)')).toHaveValue('30');
});

test('settings: a mistake names its field and nothing is saved', async ({ page }) => {
  const shell = new ShellPage(page);
  await shell.openScreen('Advanced Center', 'Settings');
  const panel = page.getByRole('tabpanel', { name: 'Settings' });
  await panel.getByLabel('Lock after idle (minutes)').fill('0');
  await panel.getByLabel('Payment type 1').fill('E-card');
  await panel.getByRole('button', { name: 'Save general settings' }).click();
  await expect(panel.getByRole('alert')).toHaveText('Lock after idle (minutes): Use a whole number of minutes from 1 to 240.');
  await expect(panel.getByLabel('Lock after idle (minutes)')).toHaveAttribute('aria-invalid', 'true');
  await expect(panel.getByLabel('Payment type 3')).toHaveAttribute('aria-invalid', 'true');
  await expect(panel.getByText('"E-card" is already in the list.')).toBeVisible();
  expect(await shell.call('settings.get')).toMatchObject({ ok: true, value: { general: { idleTimeoutMinutes: 15, paymentTypes: ['Cash', 'Cheque', 'E-card'] } } });
});

test('a cashier sees Home, the Top-up Center (V2), their own Password Center and Quit Center only, and the main side refuses settings.save whatever the screen shows', async ({ page }) => {
  const shell = new ShellPage(page);
  await shell.quitCenter().click();
  await new LoginPage(page).signIn('cashier', 'Cashier#2026');
  await expect(shell.operator()).toContainText('Demo Cashier (cashier)');
  await expect(shell.centres().getByRole('button')).toHaveText(['Top-up Center', 'Password Center', 'Quit Center']);
  await expect(shell.navigation()).toContainText('MAIN NAVIGATION');
  await expect(shell.figure('Sales today')).toHaveText('0');
  const refused = await shell.call('settings.save', { section: 'general', value: { idleTimeoutMinutes: 240 } });
  expect(refused).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
});
