import { writeSheet, type OutCell } from '../../electron/services/library/excel/workbook';
import { luhnCheckDigit } from '../../shared/library/meter-number';
import { FIXTURE_ADMIN } from '../support/cli-init';
import { expect, test } from './fixtures';
import { LibraryPage } from './pages/library-page';
import { LoginPage } from './pages/login-page';
import { ShellPage } from './pages/shell-page';

const HEADER = ['Id', 'Type', 'Model', 'SGC', 'TI', 'KRN', 'Key type', 'Algorithm', 'Base date', 'Key derivation'];
const MODEL = 'm58-integrated-single-phase-electricity';

function meterNo(i: number): string {
  const payload = `58${String(60_000_000 + i).padStart(8, '0')}`;
  return `${payload}${luhnCheckDigit(payload)}`;
}

async function openMeters(page: import('@playwright/test').Page, url: string): Promise<LibraryPage> {
  await page.goto(url);
  await new LoginPage(page).signIn(FIXTURE_ADMIN.userId, FIXTURE_ADMIN.password);
  await new ShellPage(page).openScreen('Library Center', 'Meter Library');
  const meters = new LibraryPage(page, 'Meter Library');
  await expect(meters.displaying()).toHaveText('Displaying 1 to 10 of 10 items');
  return meters;
}

/** The import takes a model by its name or its id. */
function modelName(_meters: LibraryPage): Promise<string> {
  return Promise.resolve(MODEL);
}

async function workbook(rows: OutCell[][]): Promise<Buffer> {
  return (await writeSheet({ sheetName: 'meters', header: HEADER, rows })).buffer;
}

test('export the Meter Library, then import the file again: nothing changes', async ({ page, setUpHost }) => {
  const meters = await openMeters(page, setUpHost.url);
  const download = page.waitForEvent('download');
  await meters.toolbarButton('Export').click();
  const file = await (await download).path();
  await expect(meters.panel().locator('span.notice[role="status"]')).toContainText('10 rows exported');
  await meters.panel().getByLabel('Excel file to import into the Meter Library').setInputFiles(file);
  await expect(meters.panel().locator('span.notice[role="status"]')).toContainText('10 rows read, 0 added, 0 changed, 10 unchanged');
});

test('a faulty import shows its errors and writes nothing', async ({ page, setUpHost }) => {
  const meters = await openMeters(page, setUpHost.url);
  const model = await modelName(meters);
  const good = meterNo(1);
  const bad = `${good.slice(0, -1)}${(Number(good.slice(-1)) + 1) % 10}`;
  const buffer = await workbook([
    [good, 'Electricity Meter', model, '600100', 1, 1, 2, 'EA07', 2014, 'DKGA02'],
    [bad, 'Electricity Meter', model, '600100', 1, 1, 2, 'EA07', 2014, 'DKGA02'],
    [Number(meterNo(3)), 'Electricity Meter', model, '600100', 1, 1, 2, 'EA07', 2014, 'DKGA02'],
  ]);
  await meters.panel().getByLabel('Excel file to import into the Meter Library').setInputFiles({ name: 'faulty.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
  const dialog = meters.dialog('faulty.xlsx was not imported');
  await expect(dialog).toContainText('2 problems found; nothing was written');
  const rows = dialog.getByRole('table', { name: 'Import problems' }).locator('tbody tr');
  await expect(rows.nth(0)).toContainText('3');
  await expect(rows.nth(0)).toContainText('check digit');
  await expect(rows.nth(1)).toContainText('4');
  await expect(rows.nth(1)).toContainText('lost its leading zeros');
  const report = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download report' }).click();
  expect((await report).suggestedFilename()).toBe('faulty-problems.xlsx');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await meters.footerButton('Reload').click();
  await expect(meters.displaying()).toHaveText('Displaying 1 to 10 of 10 items');
});

test('a 20,000-row import shows at least three progress values and 100 %', async ({ page, setUpHost }) => {
  test.setTimeout(180_000);
  const meters = await openMeters(page, setUpHost.url);
  const model = await modelName(meters);
  const buffer = await workbook(Array.from({ length: 20_000 }, (_, i) => [meterNo(100 + i), 'Electricity Meter', model, '600100', 1, 1, 2, 'EA07', 2014, 'DKGA02']));
  // Every progress value the page receives from main, recorded as it arrives (the bar itself appears only once the
  // work has taken a second, so on a fast machine it may show just the last values; the stream shows them all).
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { l3Progress: string[] }).l3Progress = seen;
    const stream = new EventSource('/events');
    stream.addEventListener('progress', (message) => {
      const { done, total } = JSON.parse((message as MessageEvent<string>).data) as { done: number; total: number };
      const percent = String(total === 0 ? 0 : Math.floor((done * 100) / total));
      if (seen[seen.length - 1] !== percent) seen.push(percent);
    });
    return new Promise<void>((resolve) => stream.addEventListener('open', () => resolve()));
  });
  await meters.panel().getByLabel('Excel file to import into the Meter Library').setInputFiles({ name: 'big.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
  await expect(meters.panel().locator('span.notice[role="status"]')).toContainText('20000 rows read, 20000 added', { timeout: 150_000 });
  await expect(meters.panel().getByText('100 %')).toBeVisible();
  const values = await page.evaluate(() => (window as unknown as { l3Progress: string[] }).l3Progress);
  expect(new Set(values).size).toBeGreaterThanOrEqual(3);
  expect(values).toContain('100');
  await meters.footerButton('Reload').click();
  await expect(meters.displaying()).toContainText(/of 20,?010 items/);
});
