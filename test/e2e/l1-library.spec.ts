import Database from 'better-sqlite3';
import path from 'node:path';
import { DATABASE_FILE } from '../../electron/db/data-dir';
import { createMetersRepo } from '../../electron/db/repos/meters-repo';
import { FIXTURE_ADMIN } from '../support/cli-init';
import { startHost } from '../support/host-process';
import { expect, test } from './fixtures';
import { LibraryPage } from './pages/library-page';
import { LoginPage } from './pages/login-page';
import { ShellPage } from './pages/shell-page';

async function signIn(page: import('@playwright/test').Page, url: string) {
  await page.goto(url);
  await new LoginPage(page).signIn(FIXTURE_ADMIN.userId, FIXTURE_ADMIN.password);
  await expect(new ShellPage(page).operator()).toContainText('Raymond (0000)');
}

test('Library Center: the demo meters and prices in the seed grid', async ({ page, setUpHost }) => {
  await signIn(page, setUpHost.url);
  const shell = new ShellPage(page);
  await shell.openScreen('Library Center', 'Meter Library');
  const meters = new LibraryPage(page, 'Meter Library');
  await expect(meters.displaying()).toHaveText('Displaying 1 to 10 of 10 items');
  await expect(meters.pageText()).toHaveText('Page 1 of 1');
  await expect(meters.search()).toHaveAttribute('placeholder', 'Please input the key word to search');
  await expect(meters.row('58000000354')).toContainText('Gas Meter');
  await expect(meters.row('58009000181')).toContainText('Home Solar Kit');
  await expect(meters.toolbarButton('New')).toBeEnabled();

  await shell.openScreen('Library Center', 'Price Library');
  const prices = new LibraryPage(page, 'Price Library');
  await expect(prices.row('1 CNY, 0.1 %')).toContainText('RMB');
  await expect(prices.row('1 CNY, 0.1 %')).toContainText('Vendor-compatible');
  await expect(prices.row('1 USD, 13 %').first()).toContainText('13');
});

test('create a price: the form refuses a broken price, then saves it tax-inclusive by default', async ({ page, setUpHost }) => {
  await signIn(page, setUpHost.url);
  await new ShellPage(page).openScreen('Library Center', 'Price Library');
  const prices = new LibraryPage(page, 'Price Library');
  await expect(prices.displaying()).toHaveText('Displaying 1 to 5 of 5 items');
  await prices.toolbarButton('New').click();
  const dialog = prices.dialog('New price');
  await dialog.getByLabel('Name').fill('Commercial 0.2345');
  await dialog.getByLabel('Meter type').selectOption({ label: 'Electricity Meter' });
  await dialog.getByLabel('Customer category').selectOption({ label: 'Commercial' });
  await dialog.getByLabel('Price per unit').fill('0.23456');
  await dialog.getByLabel('Currency').selectOption('USD');
  await dialog.getByLabel('VAT rate (%)').fill('16');
  await expect(dialog.getByLabel('Tax mode')).toHaveValue('tax-inclusive');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('A price has at most 4 decimals.')).toBeVisible();
  await dialog.getByLabel('Price per unit').fill('0.2345');
  await dialog.getByLabel('Minimum purchase').fill('5');
  await dialog.getByLabel('Maximum purchase').fill('500.00');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(prices.notice()).toHaveText('The price "Commercial 0.2345" was added.');
  const row = prices.row('Commercial 0.2345');
  await expect(row).toContainText('0.2345');
  await expect(row).toContainText('Tax-inclusive');
  await expect(row).toContainText('500.00');
  await expect(prices.displaying()).toHaveText('Displaying 1 to 6 of 6 items');
});

test('a batch of 10 meters with "Id Range", then search for a meter on page 3 of 45', async ({ page, setUpHost }) => {
  await signIn(page, setUpHost.url);
  await new ShellPage(page).openScreen('Library Center', 'Meter Library');
  const meters = new LibraryPage(page, 'Meter Library');
  await expect(meters.displaying()).toHaveText('Displaying 1 to 10 of 10 items');

  await meters.toolbarButton('New range').click();
  let dialog = meters.dialog('New meters (Id Range)');
  await dialog.getByLabel('Type', { exact: true }).selectOption({ label: 'Electricity Meter' });
  await dialog.getByLabel('Id Range: first').fill('5800000011');
  await dialog.getByLabel('Id Range: last').fill('5800000020');
  await expect(dialog.getByRole('status', { name: 'Meters in the range' })).toHaveText('- 10 meters');
  await dialog.getByLabel('SGC (supply group code)').fill('600100');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(meters.notice()).toHaveText('10 meters were added (58000000115 to 58000000206).');
  await expect(meters.displaying()).toHaveText('Displaying 1 to 20 of 20 items');
  await expect(meters.row('58000000206')).toContainText('Electricity Meter');

  // 880 more from the same start: the 10 just added and the demo's 58000000354 are listed, and skipped only when
  // confirmed; 889 meters make 45 pages of 20.
  await meters.toolbarButton('New range').click();
  dialog = meters.dialog('New meters (Id Range)');
  await dialog.getByLabel('Id Range: first').fill('5800000011');
  await dialog.getByLabel('Id Range: last').fill('5800000890');
  await expect(dialog.getByRole('status', { name: 'Meters in the range' })).toHaveText('- 880 meters');
  await dialog.getByLabel('SGC (supply group code)').fill('600100');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('11 of these meter numbers are already in the library');
  await expect(dialog.getByLabel('Meter numbers already in the library')).toContainText('58000000115');
  await expect(dialog.getByLabel('Meter numbers already in the library')).toContainText('58000000354');
  await expect(meters.displaying()).toHaveText('Displaying 1 to 20 of 20 items');
  await dialog.getByRole('button', { name: 'Skip them and save' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(meters.notice()).toHaveText('869 meters were added (58000000115 to 58000008902); 11 already in the library were skipped.');
  await expect(meters.displaying()).toHaveText('Displaying 1 to 20 of 889 items');
  await expect(meters.pageText()).toHaveText('Page 1 of 45');

  await meters.footerButton('Next page').click();
  await meters.footerButton('Next page').click();
  await expect(meters.pageText()).toHaveText('Page 3 of 45');
  await expect(meters.displaying()).toHaveText('Displaying 41 to 60 of 889 items');
  const onPage3 = (await meters.rows().nth(7).locator('td').first().textContent()) ?? '';
  expect(onPage3).toMatch(/^58\d{9}$/);
  await meters.footerButton('First page').click();
  await expect(meters.row(onPage3)).toHaveCount(0);

  await meters.search().fill(onPage3);
  await expect(meters.displaying()).toHaveText('Displaying 1 to 1 of 1 items');
  await expect(meters.rows()).toHaveCount(1);
  await expect(meters.rows().first()).toContainText(onPage3);

  // the keyboard: typing in the grid goes to the search box, arrows move the selection, Enter opens Edit
  await meters.search().fill('');
  await expect(meters.displaying()).toHaveText('Displaying 1 to 20 of 889 items');
  await meters.grid().focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: /^Edit meter 58/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await meters.grid().focus();
  await page.keyboard.type('10003182');
  await expect(meters.search()).toHaveValue('10003182');
  await expect(meters.displaying()).toHaveText('Displaying 1 to 1 of 1 items');
});

test("edit a meter's KRN: at once before its first token, pending after it", async ({ page, setUpHost }) => {
  await signIn(page, setUpHost.url);
  const shell = new ShellPage(page);
  await shell.openScreen('Library Center', 'Meter Library');
  let meters = new LibraryPage(page, 'Meter Library');

  // a wrong check digit never reaches the library
  await meters.toolbarButton('New').click();
  const created = meters.dialog('New meter');
  await created.getByLabel('Meter number').fill('58000000017');
  await created.getByLabel('SGC (supply group code)').fill('600100');
  await created.getByRole('button', { name: 'Save' }).click();
  await expect(created.getByText(/fails its check digit \(the last digit should be 6\)/)).toBeVisible();
  await created.getByRole('button', { name: 'Cancel' }).click();

  await meters.search().fill('58000000065');
  await expect(meters.rows()).toHaveCount(1);
  await meters.rows().first().click();
  await meters.toolbarButton('Edit').click();
  let dialog = meters.dialog('Edit meter 58000000065');
  await expect(dialog.getByText('It has had no token yet: changes apply at once.')).toBeVisible();
  await dialog.getByLabel('KRN (key revision)').fill('2');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(meters.notice()).toHaveText('Meter 58000000065 was saved.');
  await expect(meters.rows().first()).not.toContainText('pending');

  // The meter is sold a token (V1 writes its last TID in the vend's transaction; the test writes it the same way).
  await setUpHost.stop('SIGKILL');
  const sqlite = new Database(path.join(setUpHost.dataDir, DATABASE_FILE));
  const id = sqlite.prepare("SELECT id FROM meters WHERE meter_no = '58000000065'").pluck().get() as string;
  createMetersRepo(sqlite, { profileNames: () => [] }).setLastTid(id, 2014, 6_500_000, new Date().toISOString());
  sqlite.close();
  const restarted = await startHost({ dataDir: setUpHost.dataDir });
  try {
    await signIn(page, restarted.url);
    await shell.openScreen('Library Center', 'Meter Library');
    meters = new LibraryPage(page, 'Meter Library');
    await meters.search().fill('58000000065');
    await expect(meters.rows()).toHaveCount(1);
    await meters.rows().first().dblclick();
    dialog = meters.dialog('Edit meter 58000000065');
    await expect(dialog.getByText(/It has had tokens: changes become pending/)).toBeVisible();
    await dialog.getByLabel('KRN (key revision)').fill('3');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(meters.notice()).toHaveText('Meter 58000000065 was saved; its new key parameters are pending until its next vend or key change.');
    const row = meters.rows().first();
    await expect(row).toContainText('pending: KRN 3');
    await expect(row.locator('td').nth(4)).toHaveText('2'); // the KRN the meter holds

    // Remove keeps a meter that has had tokens: it is deactivated instead
    await row.click();
    await meters.toolbarButton('Remove').click();
    await meters.dialog('Remove meter 58000000065?').getByRole('button', { name: 'Remove' }).click();
    await expect(meters.notice()).toHaveText('Meter 58000000065 cannot be removed because it has had tokens and an account uses it; it was deactivated instead.'); // L2: the demo sells to it
    await expect(meters.rows().first()).toContainText('No');
  } finally {
    await restarted.stop('SIGKILL');
  }
});
