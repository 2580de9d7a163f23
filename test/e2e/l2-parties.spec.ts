import type { Page } from '@playwright/test';
import { FIXTURE_ADMIN } from '../support/cli-init';
import { expect, test } from './fixtures';
import { LoginPage } from './pages/login-page';
import { PartyLibraryPage } from './pages/party-library-page';
import { ShellPage } from './pages/shell-page';

/**
 * L2 in Chromium against the browser-mode host: a supervisor sets up a district, a sales station, a customer and an
 * account from the screens (choosing with the search pickers, by keyboard), the account appears in the Top-up query
 * (asked the way the page asks main), and removing the customer deactivates it while its account keeps pointing at it.
 */
type Reply<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

async function signIn(page: Page, url: string) {
  await page.goto(url);
  await new LoginPage(page).signIn(FIXTURE_ADMIN.userId, FIXTURE_ADMIN.password);
  await expect(new ShellPage(page).operator()).toContainText('Raymond (0000)');
}

/** Calls main from the page, as the renderer's bridge does (same origin, the session cookie). */
async function rpc<T>(page: Page, channel: string, input: unknown): Promise<T> {
  const reply = await page.evaluate(
    async ([name, body]) => {
      const response = await fetch(`/rpc/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      return (await response.json()) as unknown;
    },
    [channel, input] as const,
  );
  const result = reply as Reply<T>;
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

type TopUpPage = { total: number; rows: Array<{ accountId: string; accountNo: string; customerNo: string; customerName: string; meterNo: string; meterType: string; pricePerUnit: number; currency: string; taxBp: number }> };

test('a station set up from nothing: district, station, customer, account; it sells in Top-up; removing the customer deactivates it', async ({ page, setUpHost }) => {
  await signIn(page, setUpHost.url);
  const shell = new ShellPage(page);

  // District Library
  await shell.openScreen('Library Center', 'District Library');
  const districts = new PartyLibraryPage(page, 'District Library');
  await expect(districts.row('D01')).toContainText('Central');
  await districts.toolbarButton('New').click();
  let dialog = districts.dialog('New district');
  await dialog.getByLabel('District code').fill('D 02');
  await dialog.getByLabel('Name').fill('North');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('A district code is 1 to 12 letters, digits or dashes, such as D02.')).toBeVisible();
  await dialog.getByLabel('District code').fill('D02');
  await dialog.getByLabel('Description').fill('Residential zone');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(districts.notice()).toHaveText('The district D02 (North) was added.');
  await expect(districts.displaying()).toHaveText('Displaying 1 to 2 of 2 items');

  // Sales Station Library: the district is chosen with the search picker
  await shell.openScreen('Library Center', 'Sales Station Library');
  const stations = new PartyLibraryPage(page, 'Sales Station Library');
  await expect(stations.row('ST01')).toContainText('this terminal');
  await stations.toolbarButton('New').click();
  dialog = stations.dialog('New sales station');
  await dialog.getByLabel('Station code').fill('ST02');
  await dialog.getByLabel('Name').fill('North Gate');
  await stations.pick(dialog, 'District', 'nor', /D02 North/);
  await expect(dialog.getByRole('combobox', { name: 'District' })).toHaveValue('D02 North');
  await dialog.getByLabel('Phone').fill('+255 700 000 002');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(stations.notice()).toHaveText('The station ST02 (North Gate) was added.');
  await expect(stations.row('ST02')).toContainText('D02 North');

  // Customer Library: "Customer No.", "User Coder"
  await shell.openScreen('Library Center', 'Customer Library');
  const customers = new PartyLibraryPage(page, 'Customer Library');
  await expect(customers.displaying()).toHaveText('Displaying 1 to 7 of 7 items');
  await customers.toolbarButton('New').click();
  dialog = customers.dialog('New customer');
  await dialog.getByLabel('Customer No.').fill('0009');
  await dialog.getByLabel('User Coder (name)').fill('Amina Moyo');
  await dialog.getByLabel('Customer category').selectOption({ label: 'Residential' });
  await customers.pick(dialog, 'District', 'D02', /D02 North/);
  await dialog.getByLabel('Phone').fill('0712 345 678');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(customers.notice()).toHaveText('The customer 0009 (Amina Moyo) was added.');
  await expect(customers.row('0009')).toContainText('Amina Moyo');
  await expect(customers.row('0009')).toContainText('D02 North');

  // a meter for the account (the Meter Library is L1's; the meter is added through main as its screen would)
  await rpc(page, 'meters.create', { meterNo: '58000000016', meterType: 'electricity', profileId: 'm58-integrated-single-phase-electricity', keys: { sgc: '123456', ti: 1, krn: 1, keyType: 2, algorithm: 'EA07', baseYear: 2014, dkga: 'DKGA02' } });

  // Account Library: "New (input or choose the correct information) - Save"
  await shell.openScreen('Library Center', 'Account Library');
  const accounts = new PartyLibraryPage(page, 'Account Library');
  await expect(accounts.displaying()).toHaveText('Displaying 1 to 10 of 10 items');
  await accounts.toolbarButton('New').click();
  dialog = accounts.dialog('New account');
  await expect(dialog.getByRole('combobox', { name: 'Sales station' })).toHaveValue('ST01 Main Street');
  await dialog.getByLabel('Account No.').fill('0011');
  await accounts.pick(dialog, 'Customer', 'amina', /0009 Amina Moyo/);
  // the meter 58000000065 already has an account: choosing it is refused with a sentence
  await accounts.pick(dialog, 'Meter', '58000000065', /58000000065/);
  await accounts.pick(dialog, 'Sales station', 'north', /ST02 North Gate/);
  await dialog.getByLabel('Price').selectOption({ label: '1 USD, 13 %: 1 USD, tax 13 %' });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Meter: meter 58000000065 already has an active account (0001); a meter has one active account. Deactivate that account first, or choose another meter.');
  await accounts.pick(dialog, 'Meter', '5800 0000 016', /58000000016/);
  // the choices reload for the new meter's type: wait for them rather than reading the list once
  const priceOptions = dialog.getByLabel('Price').locator('option');
  await expect
    .poll(async () => (await priceOptions.allTextContents()).filter((o) => o.includes('1 USD') || o.includes('RMB')))
    .toEqual(['1 CNY, 0.1 %: 1 RMB, tax 0.1 %', '1 USD, 13 %: 1 USD, tax 13 %']);
  await dialog.getByLabel('Price').selectOption({ label: '1 USD, 13 %: 1 USD, tax 13 %' });
  await expect(dialog.getByRole('status', { name: 'Max overdraft' })).toHaveText('Not set yet (a Set Max Overdraft token sets it)');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(accounts.notice()).toHaveText('Account 0011 was opened for customer 0009 (Amina Moyo) and meter 58000000016.');
  await expect(accounts.row('0011')).toContainText('ST02');

  // the Top-up query (the grid V1's Top-up Center shows) sells to it
  let topUp = await rpc<TopUpPage>(page, 'accounts.forTopUp', { search: 'Amina' });
  expect(topUp.rows.map((r) => [r.customerNo, r.customerName, r.meterNo, r.meterType, r.pricePerUnit, r.currency, r.taxBp])).toEqual([['0009', 'Amina Moyo', '58000000016', 'electricity', 10_000, 'USD', 1300]]);
  const accountId = topUp.rows[0]?.accountId;
  expect((await rpc<TopUpPage>(page, 'accounts.forTopUp', {})).total).toBe(11);

  // removing the customer deactivates it: it leaves the grid (unless "Show inactive"), and Top-up
  await shell.openScreen('Library Center', 'Customer Library');
  await customers.search().fill('0009');
  await expect(customers.rows()).toHaveCount(1);
  await customers.rows().first().click();
  await customers.toolbarButton('Remove').click();
  await customers.dialog('Remove the customer 0009 (Amina Moyo)?').getByRole('button', { name: 'Remove' }).click();
  await expect(customers.notice()).toHaveText('The customer 0009 (Amina Moyo) cannot be removed because accounts belong to it; it was deactivated instead.');
  await expect(customers.displaying()).toHaveText('Displaying 0 to 0 of 0 items');
  await customers.showInactive().check();
  await expect(customers.row('0009')).toContainText('No');

  topUp = await rpc<TopUpPage>(page, 'accounts.forTopUp', { search: 'Amina' });
  expect(topUp.total).toBe(0);
  const account = await rpc<{ customerNo: string; customerActive: boolean; active: boolean; listed: boolean }>(page, 'accounts.get', { id: accountId });
  expect(account).toMatchObject({ customerNo: '0009', customerActive: false, active: true, listed: false });
  await shell.openScreen('Library Center', 'Account Library');
  await accounts.footerButton('Reload').click();
  await expect(accounts.row('0011')).toContainText('No (customer inactive)');
});
