import net from 'node:net';
import { err } from '../../shared/errors/result';
import type { PrintOutcome, PrinterStatusReport, ReceiptPrinter } from '../../shared/ports/receipt-printer';
import { printsInState } from '../../shared/ports/receipt-printer';
import { errorCodeFor, interpretStatus, STATUS_QUERY, statusReport } from './printer-status';

/**
 * ESC/POS over raw TCP (port 9100), with the checks node-thermal-printer does not make (reliability.md section 3:
 * its network interface resolves as soon as the bytes are handed to the socket, says nothing about paper, and
 * destroys the socket right after writing). Here:
 * 1. before the job, a status connection of our own asks DLE EOT 1, 2 and 4; an unreachable printer, or one that
 *    reports paper out, cover open or offline, gets nothing and the job "failed" (nothing printed, for certain);
 * 2. the job goes over its own connection: write, half-close, and wait for the printer to close its side; a reset,
 *    an early close or a deadline means the printer did not take the whole receipt;
 * 3. after the last byte (and a short settle time) a second status connection asks again: only "online" or
 *    "paper near end" make the job "confirmed"; no answer leaves it "unknown".
 * Every step runs under a deadline; nothing here throws for a device fault.
 */
export interface NetworkPrinterOptions {
  readonly host: string;
  readonly port: number;
  /** Deadline to open a connection. */
  readonly connectTimeoutMs?: number;
  /** Deadline for the three status answers. */
  readonly statusTimeoutMs?: number;
  /** Deadline for the printer to take the whole job and close the connection after our half-close. */
  readonly jobTimeoutMs?: number;
  /** Wait between the last byte and the status check, for the printer to start printing what it buffered. */
  readonly settleMs?: number;
}

const DEFAULTS = { connectTimeoutMs: 3000, statusTimeoutMs: 1500, jobTimeoutMs: 15_000, settleMs: 250 };

type Connected = { ok: true; socket: net.Socket } | { ok: false; reason: string };

function connect(host: string, port: number, timeoutMs: number): Promise<Connected> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ ok: false, reason: `no connection within ${timeoutMs} ms` });
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve({ ok: true, socket });
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ ok: false, reason: error.code ?? error.message });
    });
  });
}

export function createEscposNetworkPrinter(options: NetworkPrinterOptions): ReceiptPrinter {
  const settings = { ...DEFAULTS, ...options };
  const name = `${options.host}:${options.port}`;

  /** An "offline" report without a single status byte: the connection itself failed. */
  const isUnreachable = (report: PrinterStatusReport) => report.state === 'offline' && report.raw.every((b) => b === null);

  const unreachable = (reason: string): PrinterStatusReport => ({
    state: 'offline',
    message: `The printer at ${name} does not answer (${reason}). Check that it is switched on and connected to the network, then reprint.`,
    raw: [null, null, null],
  });

  async function status(): Promise<PrinterStatusReport> {
    const connected = await connect(options.host, options.port, settings.connectTimeoutMs);
    if (!connected.ok) return unreachable(connected.reason);
    const { socket } = connected;
    const answers = await new Promise<number[]>((resolve) => {
      const received: number[] = [];
      const finish = () => {
        clearTimeout(timer);
        socket.destroy();
        resolve(received);
      };
      const timer = setTimeout(finish, settings.statusTimeoutMs);
      socket.on('data', (chunk: Buffer) => {
        for (const byte of chunk) received.push(byte);
        if (received.length >= STATUS_QUERY.length / 3) finish();
      });
      socket.on('error', finish);
      socket.on('close', finish);
      socket.write(STATUS_QUERY);
    });
    const raw = [0, 1, 2].map((i) => answers[i] ?? null);
    return statusReport(interpretStatus(raw), name, raw);
  }

  type Sent = { kind: 'sent'; bytes: number } | { kind: 'refused'; reason: string } | { kind: 'interrupted'; bytes: number; reason: string };

  async function send(bytes: Uint8Array): Promise<Sent> {
    const connected = await connect(options.host, options.port, settings.connectTimeoutMs);
    if (!connected.ok) return { kind: 'refused', reason: connected.reason };
    const { socket } = connected;
    return new Promise<Sent>((resolve) => {
      let written = false;
      let ended = false;
      let settled = false;
      const done = (result: Sent) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        socket.destroy();
        resolve(result);
      };
      const sentSoFar = () => Math.min(bytes.length, socket.bytesWritten);
      const timer = setTimeout(
        () => done({ kind: 'interrupted', bytes: sentSoFar(), reason: `the printer did not take the receipt within ${settings.jobTimeoutMs} ms` }),
        settings.jobTimeoutMs,
      );
      socket.on('data', () => {
        // A printer may send automatic status back here; the status connection is what counts.
      });
      socket.on('error', (error: NodeJS.ErrnoException) =>
        done({ kind: 'interrupted', bytes: sentSoFar(), reason: `the connection broke (${error.code ?? error.message})` }),
      );
      socket.on('end', () => {
        // The printer closed its side: normal after our half-close, a broken job before it.
        if (!ended) done({ kind: 'interrupted', bytes: sentSoFar(), reason: 'the printer closed the connection before the end of the receipt' });
        else socket.end();
      });
      socket.on('close', (hadError) => {
        if (hadError || !written) done({ kind: 'interrupted', bytes: sentSoFar(), reason: 'the connection closed before the end of the receipt' });
        else done({ kind: 'sent', bytes: bytes.length });
      });
      socket.write(bytes, (error) => {
        if (error) return done({ kind: 'interrupted', bytes: sentSoFar(), reason: `the connection broke (${error.message})` });
        written = true;
        ended = true;
        socket.end();
      });
    });
  }

  async function print(bytes: Uint8Array): Promise<PrintOutcome> {
    const before = await status();
    if (before.state === 'paper-out' || before.state === 'cover-open' || before.state === 'offline') {
      return { state: 'failed', bytesSent: 0, status: before, error: { code: errorCodeFor(before.state), message: before.message } };
    }
    const sent = await send(bytes);
    if (sent.kind === 'refused') {
      const report = unreachable(sent.reason);
      return { state: 'failed', bytesSent: 0, status: report, error: { code: 'PRINTER_OFFLINE', message: report.message } };
    }
    await new Promise((resolve) => setTimeout(resolve, settings.settleMs));
    const after = await status();
    if (sent.kind === 'interrupted') {
      const cause =
        after.state === 'paper-out' || after.state === 'cover-open' || (after.state === 'offline' && !isUnreachable(after))
          ? err(errorCodeFor(after.state), after.message).error
          : err('PRINT_INTERRUPTED', `The printer at ${name} stopped taking the receipt (${sent.reason}): part of it may have printed. Check the printer, then reprint.`).error;
      return { state: 'failed', bytesSent: sent.bytes, status: after, error: cause };
    }
    if (printsInState(after.state)) return { state: 'confirmed', bytesSent: sent.bytes, status: after };
    if (after.state === 'unknown') {
      return { state: 'unknown', bytesSent: sent.bytes, status: after, error: { code: 'PRINT_UNCONFIRMED', message: after.message } };
    }
    const message =
      isUnreachable(after)
        ? `The printer at ${name} took the receipt and then stopped answering: it may not have printed. Check the printer, then reprint.`
        : `${after.message} The receipt may be incomplete; the printer can finish it by itself once it is ready, so check before reprinting.`;
    return { state: 'failed', bytesSent: sent.bytes, status: after, error: { code: errorCodeFor(after.state), message } };
  }

  return { description: `network printer ${name}`, status, print };
}
