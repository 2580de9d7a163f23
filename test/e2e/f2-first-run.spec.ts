import { expect, test } from './fixtures';
import { LoginPage } from './pages/login-page';
import { SetupPage, type SetupDetails } from './pages/setup-page';
import { ShellPage } from './pages/shell-page';

const DETAILS: SetupDetails = {
  company: 'Stron Demo Utility',
  stationCode: 'ST01',
  stationName: 'Main Street',
  district: 'Central',
  currency: 'USD',
  adminUserId: '0000',
  adminName: 'Raymond',
  loginPassword: 'Admin#2026x',
  vendPassword: 'Vend#2026xy',
  demo: true,
};

test('a fresh terminal: setup with demo data, sign in, the shell and Home, Quit Center signs out', async ({ page, host }) => {
  const setup = new SetupPage(page);
  await page.goto(host.url);
  await expect(setup.heading()).toBeVisible();
  await expect(setup.field('TID time zone')).toHaveValue('UTC');
  await setup.fill(DETAILS);
  await page.screenshot({ path: 'test-results/screens/f2-setup.png' });
  await setup.submit();

  const login = new LoginPage(page);
  await expect(login.heading()).toBeVisible();
  await expect(login.notice()).toContainText('TokenTill is set up. Sign in as 0000.');
  await expect(login.notice()).toContainText('demo cashier signs in as "cashier"');
  await expect(page.getByText('Stron Demo Utility')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/f2-login.png' });
  await login.signIn('0000', 'Admin#2026x');

  const shell = new ShellPage(page);
  await expect(shell.operator()).toContainText('Raymond (0000)');
  await expect(shell.centre('Advanced Center')).toBeVisible();
  await expect(shell.quitCenter()).toBeVisible();
  await expect(shell.navigation()).toContainText('MAIN NAVIGATION');
  await expect(shell.tab('Home')).toHaveAttribute('aria-selected', 'true');
  await expect(shell.figure('Sales today')).toHaveText('0');
  await expect(shell.figure('Takings in USD')).toHaveText('0.00 USD');
  // The demo data points the printer at the virtual printer on 127.0.0.1:9100 (P1); none runs here unless started.
  await expect(shell.figure('Printer')).toHaveText(/^(Offline|Ready)$/);
  await expect(shell.figure('Sync')).toHaveText('Not configured');
  await expect(shell.home()).toContainText('Sales by Raymond (0000) at station ST01 Main Street.');
  await expect(shell.status()).toContainText('Station: ST01 Main Street');
  await expect(shell.status()).toContainText(/Printer: (Offline|Ready)/);
  await expect(shell.status()).toContainText('Sync: Not configured');
  await expect(shell.status()).toContainText('Key store: Unlocked');
  await page.screenshot({ path: 'test-results/screens/f2-home.png' });

  await shell.quitCenter().click();
  await expect(login.heading()).toBeVisible();
  await expect(login.notice()).toHaveText('You are signed out.');
  expect(await shell.call('home.summary')).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });

  await login.signIn('cashier', 'Cashier#2026');
  await expect(shell.operator()).toContainText('Demo Cashier (cashier)');
  await expect(shell.centre('Advanced Center')).toHaveCount(0);
  await expect(shell.quitCenter()).toBeVisible();
});

test('setup names the field at fault and sends nothing until the form is right', async ({ page, host }) => {
  const setup = new SetupPage(page);
  await page.goto(host.url);
  await setup.fill({ ...DETAILS, stationCode: 'ST 01!', loginPasswordConfirm: 'Admin#2026y' });
  await setup.submit();
  await expect(setup.alert()).toHaveText('Station code: Use 1 to 12 letters, numbers or dashes.');
  await expect(setup.field('Station code')).toHaveAttribute('aria-invalid', 'true');
  await expect(setup.field('Station code')).toBeFocused();
  await expect(setup.field('Confirm login password')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('The two login passwords are not the same.')).toBeVisible();

  await setup.field('Station code').fill('ST01');
  await setup.field('Confirm login password').fill(DETAILS.loginPassword);
  await setup.field('Login password').fill('password');
  await setup.field('Confirm login password').fill('password');
  await setup.submit();
  await expect(setup.alert()).toHaveText('Login password: This password is too common. Choose another one.');
  const status = await page.evaluate(async () => (await fetch('/rpc/setup.status', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).json());
  expect(status).toMatchObject({ ok: true, value: { initialized: false } });
});
