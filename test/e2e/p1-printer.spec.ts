import { PNG } from 'pngjs';
import { startVirtualPrinter, type VirtualPrinter } from '../../electron/printing/virtual/virtual-printer';
import { FIXTURE_ADMIN } from '../support/cli-init';
import { expect, test } from './fixtures';
import { LoginPage } from './pages/login-page';
import { PrinterSettingsPage } from './pages/printer-settings-page';
import { ShellPage } from './pages/shell-page';

let printer: VirtualPrinter | null = null;

test.afterEach(async () => {
  await printer?.stop();
  printer = null;
});

test.beforeEach(async ({ page, setUpHost }) => {
  await page.goto(setUpHost.url);
  await new LoginPage(page).signIn(FIXTURE_ADMIN.userId, FIXTURE_ADMIN.password);
  await expect(new ShellPage(page).operator()).toContainText('Raymond (0000)');
});

test('a supervisor points the till at a network printer, sees its state, and a Test print comes out as the screen shows it', async ({ page }) => {
  printer = await startVirtualPrinter({ port: 0, paperWidth: 80 });
  const shell = new ShellPage(page);
  await shell.openScreen('Advanced Center', 'Settings');
  const settings = new PrinterSettingsPage(page);
  await expect(settings.heading()).toBeVisible();

  await settings.configureNetwork({ host: '127.0.0.1', port: printer.port, paperWidth: '80', qr: true, header: 'Tel 0800 123 456' });
  await expect(settings.notice()).toHaveText('The printer settings are saved.');
  await expect(settings.state()).toContainText(`Ready: The printer at 127.0.0.1:${printer.port} is ready.`);
  await expect(shell.status()).toContainText('Printer: Ready');

  await settings.testPrint().click();
  await expect(settings.notice()).toHaveText('The printer confirmed the test receipt.');
  const [job] = await printer.waitForJobs(1);
  expect(job?.outcome).toBe('printed');
  expect(job?.decodeError).toBeNull();
  const onScreen = (await settings.printedReceipt().textContent()) ?? '';
  expect(job?.text.join('\n')).toBe(onScreen);
  expect(onScreen).toContain('PRINTER TEST');
  expect(onScreen).toContain('Tel 0800 123 456');
  expect(onScreen).toContain('[QR TOKENTILL TEST]');
  expect(PNG.sync.read(job!.png).width).toBe(576);
  await expect(settings.jobs()).toContainText('Test print');
  await expect(settings.jobs()).toContainText('Printed');
  await page.screenshot({ path: 'test-results/screens/p1-printer-settings.png', fullPage: true });
  await settings.printedReceipt().screenshot({ path: 'test-results/screens/p1-test-receipt.png' });

  // Out of paper: the state shows it, the status strip too, a Test print says so and can be printed again later.
  printer.setState('paper-out');
  await settings.checkPrinter().click();
  await expect(settings.state()).toContainText('Out of paper');
  await expect(shell.status()).toContainText('Printer: Out of paper');
  await settings.testPrint().click();
  await expect(settings.alert()).toContainText('is out of paper. Load a new roll and close the cover, then reprint.');
  await expect(settings.jobs().getByRole('row').nth(1)).toContainText('Not printed');
  expect(printer.printed()).toHaveLength(1);

  printer.setState('online');
  await settings.jobs().getByRole('button', { name: 'Print again' }).first().click();
  await expect(settings.notice()).toHaveText('The printer confirmed the receipt.');
  await expect(shell.status()).toContainText('Printer: Ready');
  const jobs = await printer.waitForJobs(2);
  expect(jobs[1]?.outcome).toBe('printed');
  expect(jobs[1]?.text.join('\n')).toBe((await settings.printedReceipt().textContent()) ?? '');
});

test('58 mm paper: the receipt is 32 characters wide and its picture 384 dots', async ({ page }) => {
  printer = await startVirtualPrinter({ port: 0, paperWidth: 58 });
  await new ShellPage(page).openScreen('Advanced Center', 'Settings');
  const settings = new PrinterSettingsPage(page);
  await settings.configureNetwork({ host: '127.0.0.1', port: printer.port, paperWidth: '58', qr: false });
  await expect(settings.notice()).toHaveText('The printer settings are saved.');
  await settings.testPrint().click();
  await expect(settings.notice()).toHaveText('The printer confirmed the test receipt.');
  const [job] = await printer.waitForJobs(1);
  expect(job?.text.join('\n')).toBe((await settings.printedReceipt().textContent()) ?? '');
  expect(job?.text).toContain('12345678901234567890123456789012');
  expect(PNG.sync.read(job!.png).width).toBe(384);
});

test('a wrong address is refused with a sentence naming the field, and nothing is saved', async ({ page }) => {
  await new ShellPage(page).openScreen('Advanced Center', 'Settings');
  const settings = new PrinterSettingsPage(page);
  await settings.field('Connection').selectOption('network');
  await settings.field('Printer address').fill('http://192.168.1.50');
  await settings.panel.getByRole('button', { name: 'Save printer settings' }).click();
  await expect(settings.alert()).toContainText('Printer address: Use an IP address such as 192.168.1.50 or a host name, without http:// or a port.');
  await expect(settings.field('Printer address')).toHaveAttribute('aria-invalid', 'true');
});
