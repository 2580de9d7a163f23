import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { createVirtualMeter, deriveDecoderKeyDkga02, meterPanFromDrn, parseDrn, type VirtualMeter } from '../../electron/sts';
import { FIXTURE_ADMIN } from '../support/cli-init';
import { expect, test } from './fixtures';
import { AdvancedScreenPage } from './pages/advanced-page';
import { LoginPage } from './pages/login-page';
import { ShellPage } from './pages/shell-page';

/**
 * A1 in the browser, the seed's flow: Advanced Center - action - choose the customer's row - "Confirm … Info" -
 * Generate - the receipt with the token. The tokens on the screen go into a virtual meter keyed from the STS
 * specification's test vending key and must have their effect; the Record screen lists and exports them; Decode
 * Token explains a token.
 */
const METER = '58000000065';
const TEST_VENDING_KEY = Buffer.from('ABABABABABABABAB', 'hex');

function virtualMeter(meterNo: string): VirtualMeter {
  const drn = parseDrn(meterNo);
  if (!drn.ok) throw new Error(drn.error.message);
  const decoderKey = deriveDecoderKeyDkga02(TEST_VENDING_KEY, { pan: meterPanFromDrn(drn.value), keyType: 2, sgc: '123456', ti: 1, krn: 1 });
  const made = createVirtualMeter({ decoderKey, algorithm: 'EA07', krn: 1, ti: 1, keyType: 2, sgc: '123456' });
  if (!made.ok) throw new Error(made.error.message);
  return made.value;
}

test('Clear Tamper end to end: the meter clears its tamper flag; the record lists and exports it; Decode says issued here', async ({ page, setUpHost }) => {
  test.setTimeout(120_000);
  await page.goto(setUpHost.url);
  await new LoginPage(page).signIn(FIXTURE_ADMIN.userId, FIXTURE_ADMIN.password);
  const action = new AdvancedScreenPage(page, 'Clear Tamper');
  await action.open();
  await action.choose('Clear Tamper', METER);
  await action.panel().getByRole('toolbar').getByRole('button', { name: 'Clear Tamper' }).click();
  const confirm = action.dialog('Confirm Clear Tamper Info');
  await expect(confirm.locator('dt:text-is("Meter No.") + dd')).toHaveText(METER);
  await expect(confirm.locator('dt:text-is("Customer No.") + dd')).toHaveText('0001');
  await confirm.getByRole('button', { name: 'Generate' }).click();
  await expect(action.receipt('Clear Tamper receipt')).toBeVisible();
  const [token] = await action.tokens('Clear Tamper receipt');
  expect(token).toMatch(/^\d{20}$/);

  const meter = virtualMeter(METER);
  meter.tamper();
  expect(meter.enter(token ?? '')).toMatchObject({ accepted: true, effect: { kind: 'clear-tamper' } });
  expect(meter.state().tamper).toBe(false);

  const records = new AdvancedScreenPage(page, 'Clear Tamper Record');
  await records.open();
  const row = records.grid('Clear Tamper Record').locator('tbody tr', { hasText: METER });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(FIXTURE_ADMIN.userId);
  const download = page.waitForEvent('download');
  await records.panel().getByRole('button', { name: 'Export to Excel' }).click();
  const file = await (await download).path();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  expect(sheet?.getRow(1).values).toEqual([undefined, 'Customer No.', 'User Coder', 'Meter No.', 'Value', 'Operator', 'Token', 'TID Date', 'Create Date']);
  expect(sheet?.getRow(2).getCell(6).value).toBe(token);

  const decode = new AdvancedScreenPage(page, 'Decode Token');
  await decode.open();
  await decode.panel().getByLabel('Token').fill(token ?? '');
  await decode.choose('Meter', METER);
  await decode.panel().getByRole('button', { name: 'Decode' }).click();
  await expect(decode.panel().getByRole('region', { name: 'Decode result' })).toContainText('Issued by this system');
  await expect(decode.panel().getByRole('region', { name: 'Decode result' })).toContainText('Clear Tamper');
  // Under another meter's key the same token fails the check.
  await decode.choose('Meter', '58000000099');
  await decode.panel().getByRole('button', { name: 'Decode' }).click();
  await expect(decode.panel().getByRole('region', { name: 'Decode result' })).toContainText("Fails the check under this meter's key");
});

test('Key Change end to end: the set re-keys the meter, then a vend on the new key is accepted', async ({ page, setUpHost }) => {
  test.setTimeout(120_000);
  await page.goto(setUpHost.url);
  await new LoginPage(page).signIn(FIXTURE_ADMIN.userId, FIXTURE_ADMIN.password);
  const shell = new ShellPage(page);
  await expect(shell.operator()).toContainText(FIXTURE_ADMIN.userId);
  const loaded = await shell.call('keys.load', { sgc: '123456', krn: 2, keyType: 2, dkga: 'DKGA02', baseYear: 2014, keyHex: '0123456789ABCDEF' });
  expect(loaded.error?.message ?? 'loaded').toBe('loaded');
  const action = new AdvancedScreenPage(page, 'Key Change');
  await action.open();
  await action.choose('Key Change', METER);
  await action.panel().getByRole('toolbar').getByRole('button', { name: 'Key Change' }).click();
  const confirm = action.dialog('Confirm Key Change Info');
  await expect(confirm.getByLabel('New KRN')).toHaveValue('2');
  await expect(confirm.getByLabel('New SGC')).toHaveValue('123456');
  await confirm.getByRole('button', { name: 'Generate' }).click();
  await expect(action.receipt('Key Change receipt')).toBeVisible();
  const tokens = await action.tokens('Key Change receipt');
  expect(tokens).toHaveLength(2);
  const meter = virtualMeter(METER);
  for (const token of tokens) expect(meter.enter(token)).toMatchObject({ accepted: true });
  expect(meter.state().krn).toBe(2);
  const meters = (await shell.call('meters.list', { search: METER })).value as { rows: Array<{ keys: { krn: number } }> };
  expect(meters.rows[0]?.keys.krn).toBe(2);

  const accounts = (await shell.call('accounts.forTopUp', { search: METER })).value as { rows: Array<{ accountId: string }> };
  const accountId = accounts.rows[0]?.accountId;
  const quote = (await shell.call('vend.quote', { accountId, by: 'money', amount: '10' })).value as { priceVersion: number };
  const sold = await shell.call('vend.confirm', {
    accountId, by: 'money', amount: '10', priceVersion: quote.priceVersion, paymentType: 'Cash', vendPassword: FIXTURE_ADMIN.vendPassword, idempotencyKey: 'a1-e2e-key-change-vend-0001',
  });
  expect(sold.ok).toBe(true);
  const sale = (sold.value as { sale: { tokens: Array<{ digits: string }> } }).sale;
  expect(sale.tokens).toHaveLength(1);
  expect(meter.enter(sale.tokens[0]?.digits ?? '')).toMatchObject({ accepted: true, effect: { kind: 'credit', amountTenths: 87 } });
});

test('Set Max Overdraft is disabled for a manufacturer-58 meter with the reason; Login History lists the sign-in', async ({ page, setUpHost }) => {
  test.setTimeout(120_000);
  await page.goto(setUpHost.url);
  await new LoginPage(page).signIn(FIXTURE_ADMIN.userId, FIXTURE_ADMIN.password);
  const action = new AdvancedScreenPage(page, 'Set Max Overdraft');
  await action.open();
  await action.choose('Set Max Overdraft', METER);
  await action.panel().getByRole('toolbar').getByRole('button', { name: 'Set Max Overdraft' }).click();
  const confirm = action.dialog('Confirm Set Max Overdraft Info');
  await expect(confirm).toContainText("This meter model's Set Max Overdraft encoding is not published; TokenTill will not guess it.");
  await expect(confirm.getByRole('button', { name: 'Generate' })).toBeDisabled();
  await confirm.getByRole('button', { name: 'Cancel' }).click();

  const history = new AdvancedScreenPage(page, 'Login History');
  await history.open();
  await expect(history.grid('Login History').locator('tbody tr', { hasText: FIXTURE_ADMIN.userId }).first()).toContainText('success');
});

test('Clear Credit, Set Max Power and Meter Test through their screens: each token has its effect on the meter', async ({ page, setUpHost }) => {
  test.setTimeout(120_000);
  await page.goto(setUpHost.url);
  await new LoginPage(page).signIn(FIXTURE_ADMIN.userId, FIXTURE_ADMIN.password);
  const meter = virtualMeter(METER);

  const generate = async (title: string, value?: string): Promise<string[]> => {
    const action = new AdvancedScreenPage(page, title);
    await action.open();
    await action.choose(title, METER);
    await action.panel().getByRole('toolbar').getByRole('button', { name: title }).click();
    const confirm = action.dialog(`Confirm ${title} Info`);
    await expect(confirm.locator('dt:text-is("Meter No.") + dd')).toHaveText(METER);
    if (value !== undefined) await confirm.getByRole('textbox').fill(value);
    await confirm.getByRole('button', { name: 'Generate' }).click();
    await expect(action.receipt(`${title} receipt`)).toBeVisible();
    return action.tokens(`${title} receipt`);
  };

  const [power] = await generate('Set Max Power', '4200');
  expect(meter.enter(power ?? '')).toMatchObject({ accepted: true, effect: { kind: 'set-maximum-power-limit', watts: 4200 } });
  const [clear] = await generate('Clear Credit');
  expect(meter.enter(clear ?? '')).toMatchObject({ accepted: true, effect: { kind: 'clear-credit' } });
  const [meterTest] = await generate('Meter Test');
  expect(meter.enter(meterTest ?? '')).toMatchObject({ accepted: true, effect: { kind: 'meter-test', manufacturerCode: 58 } });
  expect(meter.state().maximumPowerLimitWatts).toBe(4200);
});
