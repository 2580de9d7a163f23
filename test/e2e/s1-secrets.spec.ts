import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page, Response } from '@playwright/test';
import ExcelJS from 'exceljs';
import { FIXTURE_ADMIN } from '../support/cli-init';
import { APP_ROOT } from '../support/host-process';
import { expect, test } from './fixtures';
import { LoginPage } from './pages/login-page';
import { AccessScreen, FirstPasswordsPage } from './pages/password-center-page';
import { ShellPage } from './pages/shell-page';

/**
 * The secrets scan (reliability.md R12, R13, R16; architecture.md invariant 7). A full run: an administrator loads
 * the specification's published test vending keys and the STA tables through the Vending Keys screen, makes a role
 * and a user; the user chooses their passwords, changes them and sells a token with the demo's test key; the audit
 * log is searched, verified and exported as CSV and xlsx. Then the data folder (the database with its -wal and -shm,
 * the logs, the backups), every export and every HTTP response of the run are searched for the keys (hex in both
 * cases, base64 at every alignment, raw bytes) and for every password used: none may be found. The temporary password
 * may appear in exactly one place: the reply that showed it to the administrator once.
 */
const KEY_64 = 'ABABABABABABABAB';
const KEY_160 = 'ABABABABABABABAB949494949494949401234567';
const PASSWORDS = {
  admin: FIXTURE_ADMIN.password,
  juliaLogin: 'Julia#Login26',
  juliaVend: 'Julia#Vend26',
  juliaLogin2: 'Julia#Login27',
  juliaVend2: 'Julia#Vend27',
};

/** Every way a key could be written down: hex both cases, raw bytes, base64 and base64url at each byte alignment. */
function keyForms(hex: string): Array<{ name: string; bytes: Buffer }> {
  const raw = Buffer.from(hex, 'hex');
  const forms = [
    { name: `${hex} (hex, upper case)`, bytes: Buffer.from(hex.toUpperCase()) },
    { name: `${hex} (hex, lower case)`, bytes: Buffer.from(hex.toLowerCase()) },
    { name: `${hex} (raw bytes)`, bytes: raw },
    { name: `${hex} (hex, UTF-16)`, bytes: Buffer.from(hex.toUpperCase(), 'utf16le') },
  ];
  for (let offset = 0; offset < 3; offset += 1) {
    for (const encoding of ['base64', 'base64url'] as const) {
      const text = Buffer.concat([Buffer.alloc(offset), raw, Buffer.alloc(3)]).toString(encoding);
      // Drop the characters that also carry the padding bytes around the key: what is left is the key alone.
      const core = text.slice(Math.ceil((offset * 4) / 3) + 1, Math.floor(((offset + raw.length) * 4) / 3) - 1);
      forms.push({ name: `${hex} (${encoding}, offset ${offset}: ${core})`, bytes: Buffer.from(core) });
    }
  }
  return forms;
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

async function xlsxText(file: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const cells: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))));
  return cells.join('\n');
}

async function signIn(page: Page, userId: string, password: string): Promise<ShellPage> {
  await new LoginPage(page).signIn(userId, password);
  return new ShellPage(page);
}

test('a full run leaves no vending key and no password in the database, logs, exports or HTTP responses', async ({ page, setUpHost }) => {
  test.setTimeout(120_000);
  const responses: Array<Promise<{ url: string; body: Buffer }>> = [];
  page.on('response', (response: Response) => {
    if ((response.headers()['content-type'] ?? '').includes('text/event-stream')) return;
    responses.push(response.body().then((body) => ({ url: response.url(), body }), () => ({ url: response.url(), body: Buffer.alloc(0) })));
  });
  const exportsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokentill-exports-'));

  await page.goto(setUpHost.url);
  const shell = await signIn(page, FIXTURE_ADMIN.userId, FIXTURE_ADMIN.password);

  // Vending keys and STA tables, through the screen.
  await shell.openScreen('Advanced Center', 'Vending Keys');
  const keys = new AccessScreen(page, 'Vending Keys');
  await expect(keys.panel().getByRole('row').filter({ hasText: 'DKGA04' })).toContainText('published test key');
  const load = async (sgc: string, krn: string, dkga: 'DKGA02' | 'DKGA04', baseYear: string, hex: string) => {
    await keys.panel().getByLabel('Supply group code (SGC)').fill(sgc);
    await keys.panel().getByLabel('Key revision number (KRN)').fill(krn);
    await keys.panel().getByLabel('Derivation').selectOption(dkga);
    await keys.panel().getByLabel('Base date').selectOption(baseYear);
    await keys.panel().getByLabel('Vending key (hexadecimal)').fill(hex);
    await keys.panel().getByRole('button', { name: 'Load key' }).click();
    await expect(keys.notice()).toContainText(`SGC ${sgc}, KRN ${krn} (${dkga}, base ${baseYear}) is loaded: fingerprint`);
  };
  await load('123456', '2', 'DKGA02', '2014', KEY_64.toLowerCase());
  await load('123457', '1', 'DKGA04', '1993', KEY_160);
  await expect(keys.panel().getByRole('row').filter({ hasText: '123457' })).toContainText('160');
  await expect(keys.panel().getByLabel('Vending key (hexadecimal)')).toHaveValue('');
  await keys.panel().getByLabel('STA tables file (JSON)').setInputFiles(path.join(APP_ROOT, 'test', 'fixtures', 'sts', 'sample-sta-tables.json'));
  await expect(keys.notice()).toHaveText('The STA tables from sample-sta-tables.json are loaded: sample.');
  await expect(keys.panel().getByRole('status').filter({ hasText: 'sample tables' })).toContainText('sample-sta-tables.json');

  // A role, a user, the user's first passwords and their changes.
  await shell.openScreen('Password Center', 'Role Management');
  const roles = new AccessScreen(page, 'Role Management');
  await roles.toolbarButton('New').click();
  await roles.dialog('New role').getByLabel('Role id').fill('0001');
  await roles.dialog('New role').getByLabel('Role name').fill('员工');
  await roles.dialog('New role').getByRole('checkbox', { name: 'All of Top-up Center' }).check();
  await roles.dialog('New role').getByRole('button', { name: 'Save' }).click();
  await expect(roles.row('员工')).toBeVisible();
  await shell.openScreen('Password Center', 'User Management');
  const users = new AccessScreen(page, 'User Management');
  await users.toolbarButton('New').click();
  await users.dialog('New user').getByLabel('Id', { exact: true }).fill('009');
  await users.dialog('New user').getByLabel('Name').fill('Allen');
  await users.dialog('New user').getByLabel('Role').selectOption({ label: '员工 (0001)' });
  await users.dialog('New user').getByRole('button', { name: 'Save' }).click();
  const shown = page.getByRole('dialog', { name: 'User 009 added' });
  const temporary = ((await shown.getByRole('status', { name: 'Temporary password' }).textContent()) ?? '').trim();
  expect(temporary.length).toBe(14);
  await shown.getByRole('button', { name: 'Done' }).click();
  await shell.quitCenter().click();

  await signIn(page, '009', temporary);
  await new FirstPasswordsPage(page).choose(temporary, PASSWORDS.juliaLogin, PASSWORDS.juliaVend);
  await expect(shell.operator()).toContainText('Allen (009)');
  await shell.openScreen('Password Center', 'Login Password Change');
  await new AccessScreen(page, 'Login Password Change').changePassword('password', PASSWORDS.juliaLogin, PASSWORDS.juliaLogin2);
  await expect(new AccessScreen(page, 'Login Password Change').notice()).toHaveText('Your login password is changed.');
  await shell.openScreen('Password Center', 'Vend Password Change');
  await new AccessScreen(page, 'Vend Password Change').changePassword('vend password', PASSWORDS.juliaVend, PASSWORDS.juliaVend2);
  await expect(new AccessScreen(page, 'Vend Password Change').notice()).toHaveText('Your vend password is changed.');
  // A sale with the demo's published test key, the way the Top-up screen calls it (the vend password in the request).
  const grid = (await shell.call('accounts.forTopUp', { search: '58000000099' })) as { ok: boolean; value?: { rows: Array<{ accountId: string; meterNo: string }> } };
  const account = grid.value?.rows.find((r) => r.meterNo === '58000000099');
  expect(account).toBeDefined();
  const quote = (await shell.call('vend.quote', { accountId: account?.accountId, by: 'money', amount: '10' })) as { ok: boolean; value?: { priceVersion: number } };
  expect(quote.ok).toBe(true);
  const sale = await shell.call('vend.confirm', {
    accountId: account?.accountId, by: 'money', amount: '10', priceVersion: quote.value?.priceVersion, paymentType: 'Cash',
    vendPassword: PASSWORDS.juliaVend2, idempotencyKey: 'secrets-scan-sale-000001',
  });
  expect(sale).toMatchObject({ ok: true, value: { sale: { unitsTenths: 87, operatorLoginId: '009' } } });
  await shell.quitCenter().click();

  // The audit log: search, verify, export both ways.
  await signIn(page, FIXTURE_ADMIN.userId, FIXTURE_ADMIN.password);
  await shell.openScreen('Advanced Center', 'Audit Log');
  const audit = new AccessScreen(page, 'Audit Log');
  await audit.search().fill('keys.load');
  await expect(audit.row('vk:123457:1:2:DKGA04:1993')).toBeVisible();
  await audit.toolbarButton('Verify').click();
  await expect(audit.panel().locator('.message-notice').first()).toContainText('The audit log is intact');
  await audit.search().fill('');
  const exported: string[] = [];
  for (const button of ['Export CSV', 'Export Excel']) {
    const download = page.waitForEvent('download');
    await audit.toolbarButton(button).click();
    const file = await download;
    const target = path.join(exportsDir, file.suggestedFilename());
    await file.saveAs(target);
    exported.push(target);
  }
  expect(exported.map((f) => path.extname(f))).toEqual(['.csv', '.xlsx']);
  const csv = fs.readFileSync(exported[0] ?? '', 'utf8');
  const xlsx = await xlsxText(exported[1] ?? '');
  for (const text of [csv, xlsx]) {
    expect(text).toContain('keys.load');
    expect(text).toContain('password.changeVend');
    expect(text).toContain('users.create');
  }

  // The scan.
  const bodies = await Promise.all(responses);
  expect(bodies.length).toBeGreaterThan(30);
  const dataFiles = filesUnder(setUpHost.dataDir);
  expect(dataFiles.map((f) => path.basename(f))).toEqual(expect.arrayContaining(['tokentill.db', 'tokentill.db-wal', 'tokentill.db-shm']));
  // The logs folder is scanned whatever it holds (the log gets lines only when something fails or is reported).
  expect(fs.statSync(path.join(setUpHost.dataDir, 'logs')).isDirectory()).toBe(true);
  const places: Array<{ where: string; bytes: Buffer }> = [
    ...dataFiles.map((file) => ({ where: path.relative(setUpHost.dataDir, file), bytes: fs.readFileSync(file) })),
    ...exported.map((file) => ({ where: `export ${path.basename(file)}`, bytes: fs.readFileSync(file) })),
    { where: 'xlsx export (cell text)', bytes: Buffer.from(xlsx) },
    ...bodies.map((b) => ({ where: `HTTP ${b.url.replace(setUpHost.url, '')}`, bytes: b.body })),
  ];
  const secrets = [
    ...keyForms(KEY_64),
    ...keyForms(KEY_160),
    ...Object.entries(PASSWORDS).map(([name, value]) => ({ name: `password ${name}`, bytes: Buffer.from(value) })),
  ];
  // The scan can see: the audit text is in the database files, fingerprints in the replies, and each base64 form is
  // what the key looks like when it sits at that offset of an encoded buffer.
  expect(places.some((place) => place.where.startsWith('tokentill.db') && place.bytes.includes(Buffer.from('keys.loadTables')))).toBe(true);
  expect(places.some((place) => place.where === 'HTTP /rpc/keys.list' && place.bytes.includes(Buffer.from('"fingerprint"')))).toBe(true);
  for (let offset = 0; offset < 3; offset += 1) {
    const encoded = Buffer.from(Buffer.concat([Buffer.from('xyz').subarray(0, offset), Buffer.from(KEY_64, 'hex'), Buffer.from('tail')]).toString('base64'));
    expect(keyForms(KEY_64).filter((f) => f.name.includes(`base64, offset ${offset}`)).every((f) => encoded.includes(f.bytes))).toBe(true);
  }
  const hits: string[] = [];
  for (const secret of secrets) for (const place of places) if (place.bytes.includes(secret.bytes)) hits.push(`${secret.name} found in ${place.where}`);
  const temporaryAt = places.filter((place) => place.bytes.includes(Buffer.from(temporary))).map((place) => place.where);
  expect(hits).toEqual([]);
  expect(temporaryAt).toEqual(['HTTP /rpc/users.create']);
  fs.rmSync(exportsDir, { recursive: true, force: true });
});
