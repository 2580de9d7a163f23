import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { PaperWidth, PrinterModel } from '../../../shared/receipt/printer-profile';
import { DOT_WIDTH } from '../../../shared/receipt/printer-profile';
import { decodeEscPos, type DecodedJob } from '../escpos-decoder';
import { decodedToText, renderPng } from '../escpos-render';
import { statusAnswer } from '../printer-status';

/**
 * A receipt printer in software (product code: the demo station prints to it, support staff use it to see what a
 * till sends, tests script its faults). It listens on 127.0.0.1 like a network printer's raw port (9100), treats
 * each connection as one job, answers the real-time status requests (DLE EOT n) the moment they arrive, and keeps
 * every job: its bytes, our decoder's reading of them as text, and a PNG picture as wide as the paper.
 *
 * Scriptable states:
 * - online, paper-near-end: prints;
 * - paper-out, cover-open, offline: answers status accordingly, takes the bytes and prints nothing (a real printer
 *   may keep them in its buffer; this one drops them so a test sees exactly what printed);
 * - close-mid-job: answers "online", then resets the connection after `closeAfterBytes` bytes of a job and prints
 *   only those;
 * - never-answer: prints, but never answers a status request;
 * - paper-runs-out: answers "online" until a job arrives, then runs out of paper with it (prints nothing of it) and
 *   stays "paper-out".
 * A connection that carries only status requests is a status poll, not a job.
 */
export const VIRTUAL_PRINTER_STATES = ['online', 'paper-near-end', 'paper-out', 'cover-open', 'offline', 'close-mid-job', 'never-answer', 'paper-runs-out'] as const;
export type VirtualPrinterState = (typeof VIRTUAL_PRINTER_STATES)[number];

export function isVirtualPrinterState(value: string): value is VirtualPrinterState {
  return (VIRTUAL_PRINTER_STATES as readonly string[]).includes(value);
}

export interface VirtualPrinterOptions {
  /** Loopback only; the default is 127.0.0.1. */
  readonly host?: string;
  /** 9100 by default; 0 picks a free port. */
  readonly port?: number;
  /** The command set it reads: EPSON (ESC/POS) or STAR (line mode). */
  readonly model?: PrinterModel;
  readonly paperWidth?: PaperWidth;
  /** Characters per line (normal size); default 32 on 58 mm, 48 on 80 mm. */
  readonly columns?: number;
  readonly state?: VirtualPrinterState;
  /** In close-mid-job, how many bytes of a job it takes before resetting the connection. */
  readonly closeAfterBytes?: number;
  /** Also write each job to this folder (job-0001.bin, .txt, .png). */
  readonly saveDir?: string | null;
  readonly onJob?: (job: VirtualJob) => void;
}

export type VirtualJobOutcome = 'printed' | 'interrupted' | 'not-printed';

export interface VirtualJob {
  readonly index: number;
  readonly receivedAt: string;
  readonly bytes: Uint8Array;
  readonly outcome: VirtualJobOutcome;
  readonly stateAtReceipt: VirtualPrinterState;
  /** Null when our decoder read every byte; otherwise where and why it stopped. */
  readonly decodeError: { readonly offset: number; readonly message: string } | null;
  readonly decoded: DecodedJob;
  readonly text: readonly string[];
  readonly png: Buffer;
}

export interface VirtualPrinter {
  readonly host: string;
  readonly port: number;
  readonly model: PrinterModel;
  readonly paperWidth: PaperWidth;
  readonly columns: number;
  state(): VirtualPrinterState;
  setState(state: VirtualPrinterState, options?: { closeAfterBytes?: number }): void;
  /** Every job received, printed or not, oldest first. */
  jobs(): readonly VirtualJob[];
  /** The jobs that printed (completely). */
  printed(): readonly VirtualJob[];
  /** Status polls answered or ignored (connections that carried only DLE EOT requests). */
  statusPolls(): number;
  /** Resolves when at least `count` jobs have been received. */
  waitForJobs(count: number, timeoutMs?: number): Promise<readonly VirtualJob[]>;
  clear(): void;
  stop(): Promise<void>;
}

/** States in which a job that arrives whole is printed (close-mid-job prints jobs shorter than its limit). */
const PRINTING: ReadonlySet<VirtualPrinterState> = new Set(['online', 'paper-near-end', 'never-answer', 'close-mid-job']);

export async function startVirtualPrinter(options: VirtualPrinterOptions = {}): Promise<VirtualPrinter> {
  const host = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') throw new Error('the virtual printer listens on the loopback address only');
  const model = options.model ?? 'EPSON';
  const paperWidth = options.paperWidth ?? 80;
  const columns = options.columns ?? (paperWidth === 58 ? 32 : 48);
  let state: VirtualPrinterState = options.state ?? 'online';
  let closeAfterBytes = options.closeAfterBytes ?? 64;
  const jobs: VirtualJob[] = [];
  let polls = 0;
  const waiters = new Set<() => void>();
  const sockets = new Set<net.Socket>();
  if (options.saveDir) fs.mkdirSync(options.saveDir, { recursive: true });

  const record = (bytes: Uint8Array, outcome: VirtualJobOutcome, stateAtReceipt: VirtualPrinterState) => {
    const decoded = decodeEscPos(bytes, model);
    const job = decoded.ok ? decoded.job : decoded.partial;
    const text = decodedToText(job, columns);
    if (!decoded.ok) text.push(`[NOT READ from offset ${decoded.offset}: ${decoded.message}]`);
    const entry: VirtualJob = {
      index: jobs.length + 1,
      receivedAt: new Date().toISOString(),
      bytes,
      outcome,
      stateAtReceipt,
      decodeError: decoded.ok ? null : { offset: decoded.offset, message: decoded.message },
      decoded: job,
      text,
      png: renderPng(job, { dotWidth: DOT_WIDTH[paperWidth], columns }),
    };
    jobs.push(entry);
    if (options.saveDir) {
      const base = path.join(options.saveDir, `job-${entry.index.toString().padStart(4, '0')}`);
      fs.writeFileSync(`${base}.bin`, bytes);
      fs.writeFileSync(`${base}.txt`, `${text.join('\n')}\n`);
      fs.writeFileSync(`${base}.png`, entry.png);
    }
    options.onJob?.(entry);
    for (const wake of waiters) wake();
  };

  const server = net.createServer((socket) => {
    sockets.add(socket);
    const chunks: Buffer[] = [];
    let received = 0;
    let statusOnly = true;
    let cut = false;
    // The last bytes of the previous chunk, so a DLE EOT n split across chunks is still seen.
    let tail: number[] = [];
    const stateAtConnect = state;

    socket.on('data', (chunk: Buffer) => {
      if (cut) return;
      const scan = [...tail, ...chunk];
      for (let i = 0; i + 2 < scan.length; i += 1) {
        if (scan[i] === 0x10 && scan[i + 1] === 0x04 && i + 2 >= tail.length) {
          const n = scan[i + 2] ?? 0;
          if (n >= 1 && n <= 4 && state !== 'never-answer') socket.write(Buffer.from([statusAnswer(state === 'close-mid-job' || state === 'paper-runs-out' ? 'online' : state, n)]));
        }
      }
      tail = scan.slice(-2);
      for (let i = 0; i < chunk.length; i += 1) {
        const offset = received + i;
        const inTriple = offset % 3;
        const byte = chunk[i] ?? 0;
        if ((inTriple === 0 && byte !== 0x10) || (inTriple === 1 && byte !== 0x04) || (inTriple === 2 && (byte < 1 || byte > 4))) statusOnly = false;
      }
      chunks.push(chunk);
      received += chunk.length;
      if (state === 'paper-runs-out' && !statusOnly) state = 'paper-out';
      if (state === 'close-mid-job' && !statusOnly && received >= closeAfterBytes) {
        cut = true;
        const bytes = new Uint8Array(Buffer.concat(chunks).subarray(0, closeAfterBytes));
        record(bytes, 'interrupted', 'close-mid-job');
        socket.resetAndDestroy();
      }
    });
    // node-thermal-printer resets the connection right after writing (toolchain.md P12): errors end a job normally.
    socket.on('error', () => undefined);
    socket.on('end', () => socket.end());
    socket.on('close', () => {
      sockets.delete(socket);
      if (cut) return;
      const bytes = new Uint8Array(Buffer.concat(chunks));
      if (bytes.length === 0) return;
      if (statusOnly && bytes.length % 3 === 0) {
        polls += 1;
        for (const wake of waiters) wake();
        return;
      }
      // A printer that was out of paper (or open, or offline) at any time during the job did not print it.
      const blocking = [stateAtConnect, state].find((s) => !PRINTING.has(s));
      record(bytes, blocking ? 'not-printed' : 'printed', blocking ?? state);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 9100, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 9100);

  return {
    host,
    port,
    model,
    paperWidth,
    columns,
    state: () => state,
    setState(next, stateOptions = {}) {
      state = next;
      if (stateOptions.closeAfterBytes !== undefined) closeAfterBytes = stateOptions.closeAfterBytes;
    },
    jobs: () => [...jobs],
    printed: () => jobs.filter((job) => job.outcome === 'printed'),
    statusPolls: () => polls,
    waitForJobs(count, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (jobs.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve([...jobs]);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`the virtual printer received ${jobs.length} job(s), not ${count}, within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    clear() {
      jobs.length = 0;
      polls = 0;
    },
    stop() {
      return new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      });
    },
  };
}
