import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSection, type PrinterSettings } from '../../../shared/config/settings';
import type { PrintJobView, PrintResultView, PrinterStatusView } from '../../../shared/ipc/channels/printing';
import { DEMO_CASHIER } from '../../../electron/services/demo/demo-seeder';
import { startVirtualPrinter, type VirtualPrinter } from '../../../electron/printing/virtual/virtual-printer';
import { removeDir, SETUP_INPUT, startCoreHarness, type CoreHarness } from '../../support/core-harness';
import { SEED_SALE } from '../../support/receipt-samples';

/**
 * The print service through the handler table (the channels an operator's screen calls) against the virtual
 * printer: settings, live state, Test print, print jobs and their faults, retry, events and audit.
 */
let h: CoreHarness;
let printer: VirtualPrinter;
let admin: ReturnType<CoreHarness['caller']>;
const events: Array<{ name: string; payload: unknown }> = [];

async function configure(extra: Partial<PrinterSettings> = {}): Promise<PrinterSettings> {
  const value: PrinterSettings = { ...defaultSection('printer'), connection: { kind: 'network', host: '127.0.0.1', port: printer.port }, ...extra };
  const saved = await admin.call<PrinterSettings>('printer.saveSettings', value);
  if (!saved.ok) throw new Error(saved.error.message);
  return saved.value;
}

async function testPrint(): Promise<PrintResultView> {
  const result = await admin.call<PrintResultView>('printer.testPrint');
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function retry(jobId: string, caller = admin): Promise<PrintResultView> {
  const result = await caller.call<PrintResultView>('print.retry', { jobId });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

function auditActions(target: string): string[] {
  return (h.core.database.sqlite.prepare('SELECT action FROM audit_log WHERE target = ? ORDER BY seq').all(target) as Array<{ action: string }>).map((row) => row.action);
}

beforeEach(async () => {
  printer = await startVirtualPrinter({ port: 0 });
  h = await startCoreHarness({ env: { TOKENTILL_PRINTER_POLL_MS: '0' } });
  events.length = 0;
  h.core.events.subscribe((name, payload) => events.push({ name, payload }));
  admin = h.caller();
  expect(await admin.call('setup.init', { ...SETUP_INPUT, loadDemo: false })).toMatchObject({ ok: true });
  expect(await admin.call('session.login', { username: SETUP_INPUT.adminUserId, password: SETUP_INPUT.adminPassword })).toMatchObject({ ok: true });
});

afterEach(async () => {
  h.core.close();
  removeDir(h.dataDir);
  await printer.stop();
});

describe('printer settings and state', () => {
  it('starts not configured; a Test print without a printer is refused with a sentence', async () => {
    expect(await admin.call('printer.settings')).toMatchObject({ ok: true, value: { connection: { kind: 'none' } } });
    expect(await admin.call('printer.status')).toMatchObject({ ok: true, value: { state: 'not-configured', printer: null } });
    const refused = await admin.call('printer.testPrint');
    expect(refused).toMatchObject({ ok: false, error: { code: 'PRINTER_NOT_CONFIGURED' } });
  });

  it('saves the settings (audited), then asks the printer and pushes its state', async () => {
    const saved = await configure({ paperWidth: 58, headerLines: ['Tel 0800 123 456'] });
    expect(saved).toMatchObject({ connection: { kind: 'network', port: printer.port }, paperWidth: 58 });
    expect(await admin.call('printer.settings')).toMatchObject({ ok: true, value: { paperWidth: 58, headerLines: ['Tel 0800 123 456'] } });
    expect(await admin.call('settings.get')).toMatchObject({ ok: true, value: { printer: { paperWidth: 58 } } });
    const status = await admin.call<PrinterStatusView>('printer.status');
    expect(status).toMatchObject({ ok: true, value: { state: 'online', printer: `network printer 127.0.0.1:${printer.port}` } });
    expect(events.filter((e) => e.name === 'printer.status').map((e) => (e.payload as { state: string }).state)).toContain('online');
    printer.setState('cover-open');
    expect(await admin.call('printer.status')).toMatchObject({ ok: true, value: { state: 'cover-open' } });
    expect(events[events.length - 1]).toEqual({ name: 'printer.status', payload: { state: 'cover-open', message: expect.stringContaining('cover') } });
    expect(auditActions('printer')).toContain('settings.save');
  });

  it('refuses settings that do not parse, naming the field', async () => {
    const refused = await admin.call('printer.saveSettings', { ...defaultSection('printer'), connection: { kind: 'network', host: 'http://printer', port: 9100 } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/host/i);
  });

  it('a cashier reads the settings and the state, lists and retries print jobs, but cannot change or test the printer', async () => {
    const harness = await startCoreHarness({ env: { TOKENTILL_PRINTER_POLL_MS: '0' } });
    try {
      const setup = harness.caller();
      await setup.call('setup.init', { ...SETUP_INPUT, loadDemo: true });
      const cashier = harness.caller();
      expect(await cashier.call('session.login', { username: DEMO_CASHIER.loginId, password: DEMO_CASHIER.password })).toMatchObject({ ok: true });
      // The demo station prints to the virtual printer on this machine.
      expect(await cashier.call('printer.settings')).toMatchObject({ ok: true, value: { connection: { kind: 'network', host: '127.0.0.1', port: 9100 }, qrCode: true } });
      expect(await cashier.call('printer.status')).toMatchObject({ ok: true });
      expect(await cashier.call('print.jobs', {})).toMatchObject({ ok: true, value: { jobs: [] } });
      expect(await cashier.call('printer.saveSettings', defaultSection('printer'))).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
      expect(await cashier.call('printer.testPrint')).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    } finally {
      harness.core.close();
      removeDir(harness.dataDir);
    }
  });
});

describe('Test print', () => {
  it('prints a real test receipt: confirmed by the printer, the same text the screen shows, a PNG as wide as the paper', async () => {
    await configure({ qrCode: true });
    const { job, receipt } = await testPrint();
    expect(job).toMatchObject({ sourceKind: 'test', layout: 'test', state: 'confirmed', attempts: 1, lastError: null, printer: `network printer 127.0.0.1:${printer.port}` });
    const [printed] = await printer.waitForJobs(1);
    expect(printed?.outcome).toBe('printed');
    expect(printed?.decodeError).toBeNull();
    expect(printed?.text).toEqual(receipt);
    expect(receipt.map((line) => line.trim())).toEqual(expect.arrayContaining(['PRINTER TEST', 'Demo Power Co.', 'Main Street', '[QR TOKENTILL TEST]']));
    expect(receipt.find((line) => line.startsWith('Operator'))).toMatch(/Raymond \(0000\)$/);
    expect(PNG.sync.read(printed!.png).width).toBe(576);
    const listed = await admin.call<{ jobs: PrintJobView[] }>('print.jobs', {});
    expect(listed).toMatchObject({ ok: true, value: { jobs: [{ id: job.id, state: 'confirmed' }] } });
    expect(auditActions(job.id)).toEqual(['print.queue', 'print.send', 'print.result']);
  });

  it('prints the copies the settings ask for, each cut', async () => {
    await configure({ copies: 2, paperWidth: 58 });
    const { job } = await testPrint();
    expect(job).toMatchObject({ state: 'confirmed', copies: 1 });
    const saleJob = await h.core.services.print.printSaleReceipt(SEED_SALE, { sourceId: 'sale-1', actor: '0000' });
    expect(saleJob.job).toMatchObject({ state: 'confirmed', copies: 2 });
    const jobs = await printer.waitForJobs(2);
    expect(jobs[1]?.decoded.items.filter((item) => item.kind === 'cut')).toHaveLength(2);
    expect(jobs[1]?.text).toContain('-'.repeat(32));
    expect(jobs[1]?.text.find((line) => line.startsWith('Total Paid'))).toHaveLength(32);
  });
});

describe('faults leave the job not confirmed, with a sentence; a retry after recovery prints the same bytes', () => {
  it('connection refused', async () => {
    await configure();
    const port = printer.port;
    await printer.stop();
    const { job } = await testPrint();
    expect(job).toMatchObject({ state: 'failed', bytesSent: 0, lastError: { code: 'PRINTER_OFFLINE', message: expect.stringContaining('does not answer') } });
    printer = await startVirtualPrinter({ port });
    const again = await retry(job.id);
    expect(again.job).toMatchObject({ id: job.id, state: 'confirmed', attempts: 2, lastError: null });
    const [printed] = await printer.waitForJobs(1);
    expect(printed?.text).toEqual(again.receipt);
    expect(auditActions(job.id)).toEqual(['print.queue', 'print.send', 'print.result', 'print.retry', 'print.send', 'print.result']);
  });

  it('closed after half the bytes', async () => {
    await configure();
    printer.setState('close-mid-job', { closeAfterBytes: 300 });
    const { job } = await testPrint();
    expect(job).toMatchObject({ state: 'failed', lastError: { code: 'PRINT_INTERRUPTED' } });
    printer.setState('online');
    const again = await retry(job.id);
    expect(again.job.state).toBe('confirmed');
    const [half, whole] = await printer.waitForJobs(2);
    expect(half?.outcome).toBe('interrupted');
    expect(Buffer.from(whole!.bytes).subarray(0, 300).equals(Buffer.from(half!.bytes))).toBe(true);
    expect(whole?.bytes.length).toBeGreaterThan(600);
  });

  it('paper out', async () => {
    await configure();
    printer.setState('paper-out');
    const { job } = await testPrint();
    expect(job).toMatchObject({ state: 'failed', bytesSent: 0, lastError: { code: 'PAPER_OUT', message: expect.stringContaining('out of paper') } });
    expect(printer.jobs()).toHaveLength(0);
    expect(events.some((e) => e.name === 'printer.status' && (e.payload as { state: string }).state === 'paper-out')).toBe(true);
    printer.setState('online');
    expect((await retry(job.id)).job.state).toBe('confirmed');
  });

  it('no status reply', async () => {
    await configure();
    printer.setState('never-answer');
    const { job } = await testPrint();
    expect(job).toMatchObject({ state: 'unknown', lastError: { code: 'PRINT_UNCONFIRMED' } });
    printer.setState('online');
    const again = await retry(job.id);
    expect(again.job.state).toBe('confirmed');
    const [first, second] = await printer.waitForJobs(2);
    expect(Buffer.from(first!.bytes).equals(Buffer.from(second!.bytes))).toBe(true);
  });

  it('a job being printed is not printed twice by a second retry', async () => {
    await configure();
    printer.setState('paper-out');
    const { job } = await testPrint();
    printer.setState('never-answer');
    const first = admin.call('print.retry', { jobId: job.id });
    const second = await admin.call('print.retry', { jobId: job.id });
    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await first).toMatchObject({ ok: true, value: { job: { state: 'unknown' } } });
  });
});

describe('sale receipts (the API the vend calls)', () => {
  it('prints a sale, reports its print state as token.updated, and a retry prints the same token marked COPY', async () => {
    await configure();
    printer.setState('paper-out');
    const first = await h.core.services.print.printSaleReceipt(SEED_SALE, { sourceId: 'sale-0001', actor: '0000' });
    expect(first.job).toMatchObject({ sourceKind: 'sale', sourceId: 'sale-0001', layout: 'vend', state: 'failed', lastError: { code: 'PAPER_OUT' } });
    expect(first.receipt.join('\n')).not.toContain('COPY');
    expect(events).toContainEqual({ name: 'token.updated', payload: { saleId: 'sale-0001', printState: 'failed' } });
    printer.setState('online');
    const again = await retry(first.job.id);
    expect(again.job.state).toBe('confirmed');
    const [printed] = await printer.waitForJobs(1);
    expect(printed?.text).toEqual(again.receipt);
    expect(printed?.text.map((line) => line.trim())).toEqual(expect.arrayContaining(['** COPY **', '1567 8662 1376 7602 3965']));
    expect(events).toContainEqual({ name: 'token.updated', payload: { saleId: 'sale-0001', printState: 'confirmed' } });
    expect(await admin.call('print.jobs', { sourceKind: 'sale', sourceId: 'sale-0001' })).toMatchObject({ ok: true, value: { jobs: [{ id: first.job.id, attempts: 2 }] } });
  });

  it('a sale printed with no printer set up is a failed job that says so, ready to reprint', async () => {
    const result = await h.core.services.print.printSaleReceipt(SEED_SALE, { sourceId: 'sale-0002', actor: '0000' });
    expect(result.job).toMatchObject({ state: 'failed', attempts: 0, lastError: { code: 'PRINTER_NOT_CONFIGURED' } });
    expect(result.receipt.map((line) => line.trim())).toContain('1567 8662 1376 7602 3965');
    expect(h.core.services.print.autoPrint()).toBe(false);
  });
});

describe('a till that stopped mid-print', () => {
  it('marks jobs left queued or sent as unknown at the next start', async () => {
    await configure();
    const id = (await testPrint()).job.id;
    h.core.database.sqlite.prepare("UPDATE print_jobs SET state = 'sent' WHERE id = ?").run(id);
    h.core.close();
    h = await startCoreHarness({ dataDir: h.dataDir, env: { TOKENTILL_PRINTER_POLL_MS: '0' } });
    admin = h.caller();
    await admin.call('session.login', { username: SETUP_INPUT.adminUserId, password: SETUP_INPUT.adminPassword });
    expect(await admin.call('print.jobs', {})).toMatchObject({ ok: true, value: { jobs: [{ id, state: 'unknown', lastError: { code: 'PRINT_UNCONFIRMED' } }] } });
  });
});
