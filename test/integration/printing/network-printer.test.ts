import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { layoutTestReceipt, layoutVendReceipt } from '../../../shared/receipt/layout';
import { makePrinterProfile } from '../../../shared/receipt/printer-profile';
import { docToText } from '../../../shared/receipt/receipt-doc';
import { encodeReceipt } from '../../../electron/printing/escpos-encoder';
import { createEscposNetworkPrinter } from '../../../electron/printing/network-printer';
import { startVirtualPrinter, type VirtualPrinter } from '../../../electron/printing/virtual/virtual-printer';
import { layoutOptions, SEED_SALE, TEST_RECORD } from '../../support/receipt-samples';

/**
 * The network transport against the virtual printer: every fault leaves the attempt not "confirmed", with a sentence
 * for the cashier, and printing the same bytes again after the printer recovers gives the same receipt.
 */
const profile = makePrinterProfile({ model: 'EPSON', paperWidth: 80, characterSet: 'PC858_EURO' });
const doc = layoutVendReceipt(SEED_SALE, layoutOptions(profile.columns));
const bytes = encodeReceipt(doc, profile);
const fast = { settleMs: 20, statusTimeoutMs: 400, connectTimeoutMs: 1000, jobTimeoutMs: 3000 };

let printer: VirtualPrinter;

beforeEach(async () => {
  printer = await startVirtualPrinter({ port: 0, paperWidth: 80 });
});

afterEach(async () => {
  await printer.stop();
});

async function waitFor(check: () => boolean, timeoutMs = 2000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function transport() {
  return createEscposNetworkPrinter({ host: '127.0.0.1', port: printer.port, ...fast });
}

async function recoverAndPrintAgain(expectedJobs: number) {
  printer.setState('online');
  const again = await transport().print(bytes);
  expect(again.state).toBe('confirmed');
  const jobs = await printer.waitForJobs(expectedJobs);
  const last = jobs[jobs.length - 1]!;
  expect(last.outcome).toBe('printed');
  expect(Buffer.from(last.bytes).equals(Buffer.from(bytes))).toBe(true);
  expect(last.text).toEqual(docToText(doc));
}

describe('network printer against the virtual printer', () => {
  it('prints and confirms: status before, the job, status after the last byte', async () => {
    const outcome = await transport().print(bytes);
    expect(outcome).toMatchObject({ state: 'confirmed', bytesSent: bytes.length, status: { state: 'online' } });
    const [job] = await printer.waitForJobs(1);
    expect(job?.outcome).toBe('printed');
    expect(job?.decodeError).toBeNull();
    expect(job?.text).toEqual(docToText(doc));
    await waitFor(() => printer.statusPolls() === 2);
  });

  it('confirms with paper near end, and says so', async () => {
    printer.setState('paper-near-end');
    const outcome = await transport().print(bytes);
    expect(outcome.state).toBe('confirmed');
    expect(outcome.status?.message).toMatch(/nearly finished/);
  });

  it('connection refused: failed, nothing printed, PRINTER_OFFLINE; prints after recovery', async () => {
    const port = printer.port;
    await printer.stop();
    const outcome = await createEscposNetworkPrinter({ host: '127.0.0.1', port, ...fast }).print(bytes);
    expect(outcome).toMatchObject({ state: 'failed', bytesSent: 0, error: { code: 'PRINTER_OFFLINE' } });
    if (outcome.state !== 'confirmed') expect(outcome.error.message).toMatch(/does not answer.*switched on/);
    printer = await startVirtualPrinter({ port });
    await recoverAndPrintAgain(1);
  });

  it('closed after half the bytes: failed with PRINT_INTERRUPTED, half a receipt on the paper; prints whole after recovery', async () => {
    printer.setState('close-mid-job', { closeAfterBytes: Math.floor(bytes.length / 2) });
    const outcome = await transport().print(bytes);
    expect(outcome).toMatchObject({ state: 'failed', error: { code: 'PRINT_INTERRUPTED' } });
    if (outcome.state !== 'confirmed') expect(outcome.error.message).toMatch(/part of it may have printed/);
    const [job] = await printer.waitForJobs(1);
    expect(job?.outcome).toBe('interrupted');
    expect(job?.bytes.length).toBe(Math.floor(bytes.length / 2));
    expect(job?.text.some((line) => line.includes('1567 8662 1376 7602 3965'))).toBe(false);
    await recoverAndPrintAgain(2);
  });

  it('paper out before the job: failed with PAPER_OUT and nothing sent; prints after recovery', async () => {
    printer.setState('paper-out');
    const outcome = await transport().print(bytes);
    expect(outcome).toMatchObject({ state: 'failed', bytesSent: 0, error: { code: 'PAPER_OUT' }, status: { state: 'paper-out' } });
    expect(printer.jobs()).toHaveLength(0);
    await recoverAndPrintAgain(1);
  });

  it('paper runs out during the job: failed with PAPER_OUT after the last byte; prints after recovery', async () => {
    printer.setState('paper-runs-out');
    const outcome = await transport().print(bytes);
    expect(outcome).toMatchObject({ state: 'failed', bytesSent: bytes.length, error: { code: 'PAPER_OUT' }, status: { state: 'paper-out' } });
    if (outcome.state !== 'confirmed') expect(outcome.error.message).toMatch(/check before reprinting/);
    const [job] = await printer.waitForJobs(1);
    expect(job?.outcome).toBe('not-printed');
    await recoverAndPrintAgain(2);
  });

  it('cover open: failed with COVER_OPEN', async () => {
    printer.setState('cover-open');
    expect(await transport().print(bytes)).toMatchObject({ state: 'failed', bytesSent: 0, error: { code: 'COVER_OPEN' } });
  });

  it('offline: failed with PRINTER_OFFLINE', async () => {
    printer.setState('offline');
    expect(await transport().print(bytes)).toMatchObject({ state: 'failed', bytesSent: 0, error: { code: 'PRINTER_OFFLINE' } });
  });

  it('no status reply: the receipt goes out but stays "unknown" with PRINT_UNCONFIRMED; confirmed after recovery', async () => {
    printer.setState('never-answer');
    const outcome = await transport().print(bytes);
    expect(outcome).toMatchObject({ state: 'unknown', bytesSent: bytes.length, error: { code: 'PRINT_UNCONFIRMED' }, status: { state: 'unknown' } });
    if (outcome.state !== 'confirmed') expect(outcome.error.message).toMatch(/does not report its state/);
    await recoverAndPrintAgain(2);
  });

  it('a printer that takes the connection but never reads the job: failed within the deadline', async () => {
    const sockets = new Set<net.Socket>();
    const stuck = net.createServer((socket) => {
      sockets.add(socket);
      socket.pause();
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => stuck.listen(0, '127.0.0.1', resolve));
    const address = stuck.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const big = new Uint8Array(8 * 1024 * 1024).fill(0x41);
    const started = Date.now();
    const outcome = await createEscposNetworkPrinter({ host: '127.0.0.1', port, ...fast, jobTimeoutMs: 800 }).print(big);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(outcome).toMatchObject({ state: 'failed', error: { code: 'PRINT_INTERRUPTED' } });
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => stuck.close(() => resolve()));
  });

  it('asks the status on its own connection, separate from the job', async () => {
    const result = await transport().status();
    expect(result).toEqual({ state: 'online', message: expect.stringContaining('is ready'), raw: [0x12, 0x12, 0x12] });
    await waitFor(() => printer.statusPolls() === 1);
    expect(printer.jobs()).toHaveLength(0);
  });

  it('a STAR virtual printer reads a STAR receipt', async () => {
    await printer.stop();
    printer = await startVirtualPrinter({ port: 0, model: 'STAR', paperWidth: 58 });
    const star = makePrinterProfile({ model: 'STAR', paperWidth: 58, characterSet: 'PC858_EURO' });
    const starDoc = layoutTestReceipt(TEST_RECORD, layoutOptions(star.columns));
    expect((await transport().print(encodeReceipt(starDoc, star))).state).toBe('confirmed');
    const [job] = await printer.waitForJobs(1);
    expect(job?.decodeError).toBeNull();
    expect(job?.text).toEqual(docToText(starDoc));
  });
});
