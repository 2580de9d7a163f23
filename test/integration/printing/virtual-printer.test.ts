import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CharacterSet, PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { layoutVendReceipt } from '../../../shared/receipt/layout';
import { makePrinterProfile } from '../../../shared/receipt/printer-profile';
import { docToText } from '../../../shared/receipt/receipt-doc';
import { encodeReceipt } from '../../../electron/printing/escpos-encoder';
import { createEscposNetworkPrinter } from '../../../electron/printing/network-printer';
import { startVirtualPrinter, type VirtualPrinter } from '../../../electron/printing/virtual/virtual-printer';
import { APP_ROOT } from '../../support/host-process';
import { layoutOptions, SEED_SALE } from '../../support/receipt-samples';

const profile58 = makePrinterProfile({ model: 'EPSON', paperWidth: 58, characterSet: 'PC858_EURO' });
const doc58 = layoutVendReceipt(SEED_SALE, layoutOptions(profile58.columns));
const bytes58 = encodeReceipt(doc58, profile58);

let printer: VirtualPrinter | null = null;
const folders: string[] = [];

afterEach(async () => {
  await printer?.stop();
  printer = null;
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

function send(port: number, data: Uint8Array, options: { reset?: boolean } = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const answers: Buffer[] = [];
    const socket = net.connect({ host: '127.0.0.1', port }, () => {
      socket.write(data, () => {
        // node-thermal-printer's way (toolchain.md P12): destroy right after the write.
        if (options.reset) socket.destroy();
        else socket.end();
      });
    });
    socket.on('data', (chunk: Buffer) => answers.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(answers)));
  });
}

describe('virtual printer', () => {
  it('keeps each job: bytes, decoded text, and a PNG as wide as the paper; saves them to a folder', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tokentill-vp-'));
    folders.push(folder);
    printer = await startVirtualPrinter({ port: 0, paperWidth: 58, saveDir: folder });
    await send(printer.port, bytes58, { reset: true });
    const [job] = await printer.waitForJobs(1);
    expect(job).toMatchObject({ index: 1, outcome: 'printed', decodeError: null });
    expect(Buffer.from(job!.bytes).equals(Buffer.from(bytes58))).toBe(true);
    expect(job!.text).toEqual(docToText(doc58));
    expect(PNG.sync.read(job!.png).width).toBe(384);
    expect(fs.readdirSync(folder).sort()).toEqual(['job-0001.bin', 'job-0001.png', 'job-0001.txt']);
    expect(fs.readFileSync(path.join(folder, 'job-0001.txt'), 'utf8')).toBe(`${docToText(doc58).join('\n')}\n`);
    expect(PNG.sync.read(fs.readFileSync(path.join(folder, 'job-0001.png'))).width).toBe(384);
  });

  it('answers DLE EOT at once, even split across packets, and a status-only connection is not a job', async () => {
    printer = await startVirtualPrinter({ port: 0, state: 'paper-near-end' });
    const answers = await send(printer.port, Uint8Array.from([0x10, 0x04, 0x01, 0x10, 0x04, 0x04]));
    expect([...answers]).toEqual([0x12, 0x1e]);
    const socket = net.connect({ host: '127.0.0.1', port: printer.port });
    const got: number[] = [];
    socket.on('data', (chunk: Buffer) => got.push(...chunk));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(Uint8Array.from([0x10]));
    await new Promise((resolve) => setTimeout(resolve, 30));
    socket.write(Uint8Array.from([0x04, 0x02]));
    await new Promise((resolve) => setTimeout(resolve, 30));
    socket.end();
    await new Promise((resolve) => socket.once('close', resolve));
    expect(got).toEqual([0x12]);
    expect(printer.jobs()).toHaveLength(0);
  });

  it('keeps a job it cannot read, with the offset and reason, instead of guessing', async () => {
    printer = await startVirtualPrinter({ port: 0 });
    await send(printer.port, Uint8Array.from([0x41, 0x0a, 0x1d, 0x6b, 0x04, 0x31, 0x00]));
    const [job] = await printer.waitForJobs(1);
    expect(job?.decodeError).toMatchObject({ offset: 2 });
    expect(job?.text[0]).toBe('A');
    expect(job?.text[1]).toMatch(/^\[NOT READ from offset 2: Unknown command GS 0x6b/);
  });

  it('prints nothing while out of paper, open or offline', async () => {
    printer = await startVirtualPrinter({ port: 0 });
    for (const state of ['paper-out', 'cover-open', 'offline'] as const) {
      printer.setState(state);
      await send(printer.port, bytes58);
    }
    const jobs = await printer.waitForJobs(3);
    expect(jobs.map((job) => [job.outcome, job.stateAtReceipt])).toEqual([
      ['not-printed', 'paper-out'],
      ['not-printed', 'cover-open'],
      ['not-printed', 'offline'],
    ]);
    expect(printer.printed()).toHaveLength(0);
  });

  it("takes node-thermal-printer's own network printing (it resets the connection right after writing) for EPSON and STAR", async () => {
    for (const model of ['EPSON', 'STAR'] as const) {
      printer = await startVirtualPrinter({ port: 0, model });
      const library = new ThermalPrinter({ type: model === 'STAR' ? PrinterTypes.STAR : PrinterTypes.EPSON, interface: `tcp://127.0.0.1:${printer.port}`, width: 48, characterSet: CharacterSet.PC858_EURO });
      library.alignCenter();
      library.bold(true);
      library.println('Demo Power Co.');
      library.bold(false);
      library.alignLeft();
      library.leftRight('Total Paid', '10.00 USD');
      library.drawLine();
      library.cut();
      const captured = Buffer.from(library.getBuffer());
      await library.execute();
      const [job] = await printer.waitForJobs(1);
      expect(Buffer.from(job!.bytes).equals(captured)).toBe(true);
      expect(job?.decodeError).toBeNull();
      expect(job?.text).toEqual(['                 Demo Power Co.', `Total Paid${' '.repeat(29)}10.00 USD`, '-'.repeat(48), '[CUT]']);
      await printer.stop();
      printer = null;
    }
  });

  it('listens on the loopback address only', async () => {
    await expect(startVirtualPrinter({ port: 0, host: '0.0.0.0' })).rejects.toThrow(/loopback/);
  });
});

describe('npm run printer:virtual (electron/printing/virtual/cli.ts)', () => {
  it('starts on a free port, prints each job, and takes state changes on its input', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tokentill-vp-cli-'));
    folders.push(folder);
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(APP_ROOT, 'electron', 'printing', 'virtual', 'cli.ts'), '--port', '0', '--width', '58', '--out', folder], {
      cwd: APP_ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const waitForOutput = async (pattern: RegExp) => {
      const until = Date.now() + 20_000;
      while (!pattern.test(output)) {
        if (Date.now() > until || child.exitCode !== null) throw new Error(`no ${pattern} in:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return pattern.exec(output);
    };
    try {
      const started = await waitForOutput(/listening on 127\.0\.0\.1:(\d+) \(EPSON, 58 mm, 32 characters\), state online/);
      const port = Number(started?.[1]);
      const transport = createEscposNetworkPrinter({ host: '127.0.0.1', port, settleMs: 10, statusTimeoutMs: 500 });
      expect((await transport.print(bytes58)).state).toBe('confirmed');
      await waitForOutput(/Job 1: printed \(\d+ bytes, printer online\)/);
      expect(output).toContain('  |     1567 8662 1376 7602 3965');
      child.stdin.write('paper-out\n');
      await waitForOutput(/State: paper-out\./);
      expect(await transport.status()).toMatchObject({ state: 'paper-out' });
      expect(fs.readdirSync(folder)).toContain('job-0001.png');
      child.stdin.write('quit\n');
      await new Promise((resolve) => child.once('exit', resolve));
      expect(child.exitCode).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('refuses a bad option with the usage', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(APP_ROOT, 'electron', 'printing', 'virtual', 'cli.ts'), '--width', '76'], { cwd: APP_ROOT });
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(output).toContain('--width takes 58 or 80.');
  });
});
