import ExcelJS from 'exceljs';
import { DEMO_CASHIER } from '../../electron/services/demo/demo-seeder';
import { createVirtualMeter, deriveDecoderKeyDkga02, meterPanFromDrn, parseDrn, type VirtualMeter } from '../../electron/sts';
import { RECORDS_EXPORT_HEADER } from '../../shared/ipc/records-export-schemas';
import type { RecordsSearchResult, Sale } from '../../shared/ipc/vending-schemas';
import { FIXTURE_ADMIN } from '../support/cli-init';
import { expect, test } from './fixtures';
import { LoginPage } from './pages/login-page';
import { ShellPage } from './pages/shell-page';
import { RecordPage, TopUpPage } from './pages/top-up-page';

/**
 * V2 in the browser, as a cashier serving a queue with the keyboard alone: vend by Money (10 USD on the demo's
 * 1 USD / 13 % price buys 8.7 kWh, as the seed manual shows) and by Unit (1 kWh costs 1.13 USD); the receipt has the
 * seed's fields and its token is accepted by a virtual meter (keyed from the STS specification's test vending key)
 * and credits the receipt's units; Record finds the sale by token digits and by meter; Print is a COPY; the Excel
 * export has the same rows; Enter twice on Confirm Payment makes one sale.
 */
const METER = '58000000065';
const TEST_VENDING_KEY = Buffer.from('ABABABABABABABAB', 'hex');

/** The demo meter as a real one would be: its decoder key derived (DKGA02) from the test vending key. */
function virtualMeter(meterNo: string): VirtualMeter {
  const drn = parseDrn(meterNo);
  if (!drn.ok) throw new Error(drn.error.message);
  const decoderKey = deriveDecoderKeyDkga02(TEST_VENDING_KEY, { pan: meterPanFromDrn(drn.value), keyType: 2, sgc: '123456', ti: 1, krn: 1 });
  const made = createVirtualMeter({ decoderKey, algorithm: 'EA07', krn: 1, ti: 1, keyType: 2, sgc: '123456' });
  if (!made.ok) throw new Error(made.error.message);
  return made.value;
}

async function salesOf(shell: ShellPage, meterNo: string): Promise<Sale[]> {
  const answer = await shell.call('records.search', { meterNo, pageSize: 100 });
  expect(answer.ok).toBe(true);
  return (answer.value as RecordsSearchResult).rows;
}

test('a cashier vends by Money and by Unit with the keyboard; the meter takes the token; Record finds, copies and exports it', async ({ page, setUpHost }) => {
  test.setTimeout(120_000);
  await page.goto(setUpHost.url);
  await new LoginPage(page).signIn(DEMO_CASHIER.loginId, DEMO_CASHIER.password);
  const shell = new ShellPage(page);
  await expect(shell.operator()).toContainText(DEMO_CASHIER.loginId);
  const topUp = new TopUpPage(page);
  await topUp.open();
  await expect(topUp.grid().locator('thead th')).toHaveText(['Customer No.', 'User Coder', 'Meter No.', 'Meter Type', 'Price', 'Currency', 'Tax (%)']);
  await page.screenshot({ path: 'test-results/v2-top-up-center.png' });

  // ---- by Money: 10 USD -> 8.7 kWh -------------------------------------------------------------------------------
  await topUp.find(METER);
  await topUp.vendToPassword('money', '10', DEMO_CASHIER.vendPassword);
  const confirmInfo = topUp.dialog('Input Transaction Password - Confirm Payment');
  await expect(confirmInfo.locator('dt:text-is("Total Paid") + dd')).toHaveText('10.00 USD');
  await expect(confirmInfo.locator('dt:text-is("Total Unit") + dd')).toHaveText('8.7 kWh');
  await page.keyboard.press('Enter');
  await expect(topUp.receipt()).toBeVisible();
  await expect(topUp.receipt().locator('dt')).toContainText(['Customer No.', 'User Coder', 'Meter No.', 'Price', 'Tax', 'Total Paid', 'Total Unit', 'Date', 'Time']);
  await expect(topUp.receiptValue('Customer No.')).toHaveText('0001');
  await expect(topUp.receiptValue('User Coder')).toHaveText('Lili');
  await expect(topUp.receiptValue('Meter No.')).toHaveText(METER);
  await expect(topUp.receiptValue('Total Paid')).toHaveText('10.00 USD');
  await expect(topUp.receiptValue('Total Unit')).toHaveText('8.7 kWh');
  await expect(topUp.receiptValue('Tax')).toHaveText('1.30 USD (13 %)');
  await expect(topUp.creditToken()).toHaveText(/^\d{4} \d{4} \d{4} \d{4} \d{4}$/);
  await page.screenshot({ path: 'test-results/v2-vending-receipt.png' });

  // the token on the screen is what the meter accepts, and it credits the receipt's units
  const meter = virtualMeter(METER);
  const keyChange = await topUp.receipt().getByRole('list', { name: 'Key-change tokens' }).getByRole('listitem').allTextContents();
  for (const token of keyChange) expect(meter.enter(token), token).toMatchObject({ accepted: true });
  const moneyToken = (await topUp.creditToken().textContent()) ?? '';
  const entered = meter.enter(moneyToken);
  expect(entered).toMatchObject({ accepted: true, effect: { kind: 'credit', register: 'electricity', amountTenths: 87 } });
  expect(meter.enter(moneyToken)).toMatchObject({ accepted: false, reason: 'USED' });

  // ---- by Unit: 1 kWh -> 1.13 USD; the focus is back on the grid after New Sale (Enter) -----------------------------
  await page.keyboard.press('Enter');
  await expect(topUp.grid()).toBeFocused();
  await expect(topUp.rows()).toHaveCount(1);
  await topUp.vendToPassword('unit', '1', DEMO_CASHIER.vendPassword);
  await page.keyboard.press('Enter');
  await expect(topUp.receiptValue('Total Paid')).toHaveText('1.13 USD');
  await expect(topUp.receiptValue('Total Unit')).toHaveText('1.0 kWh');
  const unitToken = (await topUp.creditToken().textContent()) ?? '';
  expect(meter.enter(unitToken)).toMatchObject({ accepted: true, effect: { kind: 'credit', amountTenths: 10, balanceTenths: 97 } });

  // ---- Enter twice on Confirm Payment makes one sale ----------------------------------------------------------------
  await page.keyboard.press('Escape');
  await expect(topUp.grid()).toBeFocused();
  const before = (await salesOf(shell, METER)).length;
  await topUp.vendToPassword('money', '5', DEMO_CASHIER.vendPassword);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(topUp.receipt().or(topUp.grid())).toBeVisible();
  await expect.poll(async () => (await salesOf(shell, METER)).length).toBe(before + 1);
  await page.waitForTimeout(500);
  expect((await salesOf(shell, METER)).length).toBe(before + 1);

  // Home shows the operator's sales today
  await shell.tab('Home').click();
  await expect(shell.figure('Sales today')).toHaveText('3');

  // ---- Record: by token digits, by meter; Print is a COPY; the export has the same rows ------------------------------
  const record = new RecordPage(page);
  await record.open();
  await expect(record.grid().locator('thead th')).toHaveText([
    'Customer No.', 'User Coder', 'Meter No.', 'Price', 'Tax', 'Total Unit', 'Total Paid', 'Operator', 'Token', 'TID Date', 'Create Date',
  ]);
  await record.search({ Token: moneyToken });
  await expect(record.rows()).toHaveCount(1);
  await expect(record.rows().first()).toContainText(moneyToken);
  await expect(record.rows().first()).toContainText('8.7 kWh');
  await expect(record.rows().first()).toContainText(DEMO_CASHIER.loginId);
  await record.search({ 'Meter No.': METER });
  await expect(record.rows()).toHaveCount(3);
  await expect(record.rows().nth(2)).toContainText(moneyToken);
  await page.screenshot({ path: 'test-results/v2-record.png' });
  await record.rows().nth(2).click();
  await record.toolbarButton('Print').click();
  await expect(record.panel().locator('.message-notice')).toContainText('COPY');

  // exporting is its own permission: the vending-only cashier cannot; the administrator can
  await expect(record.toolbarButton('Export to Excel')).toBeDisabled();
  expect(await shell.call('records.export', { taskId: 'task-by-cashier' })).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
  await shell.quitCenter().click();
  await new LoginPage(page).signIn(FIXTURE_ADMIN.userId, FIXTURE_ADMIN.password);
  await record.open();
  await record.search({ 'Meter No.': METER });
  await expect(record.rows()).toHaveCount(3);
  const download = page.waitForEvent('download');
  await record.toolbarButton('Export to Excel').click();
  const file = await download;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await file.path());
  const sheet = workbook.getWorksheet('Record');
  if (!sheet) throw new Error('the export has no Record sheet');
  const values = sheet.getSheetValues().slice(1).map((row) => (Array.isArray(row) ? row.slice(1).map(String) : []));
  expect(values[0]).toEqual([...RECORDS_EXPORT_HEADER]);
  const sales = await salesOf(shell, METER);
  expect(values.slice(1).map((row) => [row[0], row[3], row[12]])).toEqual(
    sales.map((sale) => [sale.receiptNo, sale.meterNo, sale.tokens.filter((t) => t.role === 'credit').map((t) => t.digits.replace(/(\d{4})(?=\d)/g, '$1 ')).join(', ')]),
  );
  await expect(record.panel().locator('.message-notice')).toContainText('3 records exported');
});

test("mistakes are sentences next to the field; Esc walks back; a wrong vend password sells nothing and the retry sells once", async ({ page, setUpHost }) => {
  await page.goto(setUpHost.url);
  await new LoginPage(page).signIn(DEMO_CASHIER.loginId, DEMO_CASHIER.password);
  const shell = new ShellPage(page);
  const topUp = new TopUpPage(page);
  await topUp.open();
  const keyboard = page.keyboard;
  // typed ahead: Enter straight after the meter number opens Money for that meter, not for the row shown before
  await expect(topUp.rows().first()).toContainText('58000000065');
  await keyboard.type('58000000099');
  await keyboard.press('Enter');
  await expect(topUp.dialog('Money')).toContainText('Bule');
  await expect(topUp.dialog('Money')).toContainText('58000000099');

  // an amount main refuses: its sentence next to the amount, the dialog stays
  await keyboard.type('abc');
  await keyboard.press('Enter');
  const amountError = topUp.dialog('Money').getByRole('alert');
  await expect(amountError).toBeVisible();
  expect((await amountError.textContent()) ?? '').toMatch(/^[A-Z].*\.$/);
  await expect(topUp.amountField()).toHaveAttribute('aria-invalid', 'true');
  // Alt+U switches the open dialog to Unit; Esc goes back to the grid, which has the focus again
  await keyboard.press('Alt+u');
  await expect(topUp.dialog('Unit')).toBeVisible();
  await keyboard.press('Escape');
  await expect(topUp.dialog('Unit')).toHaveCount(0);
  await expect(topUp.grid()).toBeFocused();

  // Confirm Vending Info shows the quote in full and the payment types of the settings
  await keyboard.press('Enter');
  await keyboard.type('10');
  await keyboard.press('Enter');
  const info = topUp.dialog('Confirm Vending Info');
  await expect(info.locator('dt')).toContainText(['Customer No.', 'User Coder', 'Address', 'Meter No.', 'Meter Type', 'Price', 'Amount', 'VAT (13 %)', 'Charge', 'Units', 'Rounding']);
  await expect(info.locator('dt:text-is("User Coder") + dd')).toHaveText('Bule');
  await expect(info.getByLabel('Payment Type').locator('option')).toHaveText(['Cash', 'Cheque', 'E-card']);
  await page.screenshot({ path: 'test-results/v2-confirm-vending-info.png' });
  // Esc from the password goes back to the confirm, Enter forward again (the same request id)
  await keyboard.press('Enter');
  await expect(topUp.dialog('Input Transaction Password - Confirm Payment')).toBeVisible();
  await keyboard.press('Escape');
  await expect(info).toBeVisible();
  await keyboard.press('Enter');

  const password = topUp.dialog('Input Transaction Password - Confirm Payment');
  await keyboard.type('not-the-password');
  await keyboard.press('Enter');
  await expect(password.getByRole('alert')).toContainText(/password/i);
  expect((await shell.call('records.search', { meterNo: '58000000099' })).value).toMatchObject({ total: 0 });
  await password.getByLabel('Transaction Password').fill('');
  await keyboard.type(DEMO_CASHIER.vendPassword);
  await keyboard.press('Enter');
  await expect(topUp.receiptValue('User Coder')).toHaveText('Bule');
  await expect(topUp.receiptValue('Total Unit')).toHaveText('8.7 kWh');
  expect((await shell.call('records.search', { meterNo: '58000000099' })).value).toMatchObject({ total: 1 });
});

test('a meter with pending keys: the receipt lists the key-change tokens first, numbered, and the meter takes them, then the credit', async ({ page, setUpHost }) => {
  const METER_2 = '58000000099';
  await page.goto(setUpHost.url);
  await new LoginPage(page).signIn(FIXTURE_ADMIN.userId, FIXTURE_ADMIN.password);
  const shell = new ShellPage(page);
  const topUp = new TopUpPage(page);
  const meter = virtualMeter(METER_2);
  await topUp.open();
  await topUp.find(METER_2);
  await topUp.vendToPassword('money', '2', FIXTURE_ADMIN.vendPassword);
  await page.keyboard.press('Enter');
  await expect(topUp.receipt().getByRole('heading', { name: 'Enter these first, in this order' })).toHaveCount(0);
  expect(meter.enter((await topUp.creditToken().textContent()) ?? '')).toMatchObject({ accepted: true });

  // the meter has had a token: a new KRN (its vending key loaded: the test key again, revision 2) is pending until
  // its next vend
  const loaded = await shell.call('keys.load', { sgc: '123456', krn: 2, keyType: 2, dkga: 'DKGA02', baseYear: 2014, keyHex: 'ABABABABABABABAB' });
  expect(loaded.ok, JSON.stringify(loaded.error)).toBe(true);
  const listed = await shell.call('meters.list', { search: METER_2 });
  const row = (listed.value as { rows: Array<{ id: string; version: number; meterType: string; profileId: string; keys: Record<string, unknown> }> }).rows[0];
  if (!row) throw new Error(`meter ${METER_2} is not in the library`);
  const saved = await shell.call('meters.update', { id: row.id, version: row.version, meterType: row.meterType, profileId: row.profileId, keys: { ...row.keys, krn: 2 } });
  expect(saved.ok, JSON.stringify(saved.error)).toBe(true);

  await page.keyboard.press('Enter');
  await expect(topUp.grid()).toBeFocused();
  await topUp.vendToPassword('money', '10', FIXTURE_ADMIN.vendPassword);
  await page.keyboard.press('Enter');
  await expect(topUp.receipt().getByRole('heading', { name: 'Enter these first, in this order' })).toBeVisible();
  const keyChange = await topUp.receipt().getByRole('list', { name: 'Key-change tokens' }).getByRole('listitem').allTextContents();
  expect(keyChange.length).toBeGreaterThanOrEqual(2);
  for (const token of keyChange) {
    expect(token).toMatch(/^\d{4}( \d{4}){4}$/);
    expect(meter.enter(token), token).toMatchObject({ accepted: true });
  }
  expect(meter.state().krn).toBe(2);
  expect(meter.enter((await topUp.creditToken().textContent()) ?? '')).toMatchObject({ accepted: true, effect: { kind: 'credit', amountTenths: 87 } });
  await page.screenshot({ path: 'test-results/v2-receipt-key-change.png' });
});
