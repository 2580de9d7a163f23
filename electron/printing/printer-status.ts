import type { ErrorCode } from '../../shared/errors/codes';
import { assertNever } from '../../shared/errors/result';
import type { PrinterDeviceState, PrinterStatusReport } from '../../shared/ports/receipt-printer';

/**
 * ESC/POS real-time status (DLE EOT n, 0x10 0x04 n), answered by the printer even while it is busy or offline,
 * one byte per request. Every answer has the fixed bits 1 and 4 set and bits 0 and 7 clear (0x12 is "all clear"):
 * - n=1 printer status: bit 3 offline;
 * - n=2 offline cause: bit 2 cover open, bit 3 paper fed by the button, bit 5 stopped by paper end, bit 6 error;
 * - n=3 error cause: bit 3 cutter, bit 5 unrecoverable, bit 6 auto-recoverable;
 * - n=4 roll paper sensor: bits 2+3 paper near end, bits 5+6 paper end.
 * (Epson ESC/POS command reference, DLE EOT; reliability.md section 3.) An answer without the fixed bits is not a
 * status byte and makes the state "unknown".
 */
export const STATUS_REQUESTS = [1, 2, 4] as const;

/** The bytes the transport sends on its status connection: DLE EOT 1, DLE EOT 2, DLE EOT 4. */
export const STATUS_QUERY = Uint8Array.from(STATUS_REQUESTS.flatMap((n) => [0x10, 0x04, n]));

export function isStatusByte(byte: number): boolean {
  return (byte & 0x93) === 0x12;
}

/** The state the three answers (to n = 1, 2, 4, in that order) describe. */
export function interpretStatus(answers: readonly (number | null | undefined)[]): PrinterDeviceState {
  const [printer, cause, paper] = answers;
  if (printer == null || cause == null || paper == null) return 'unknown';
  if (!isStatusByte(printer) || !isStatusByte(cause) || !isStatusByte(paper)) return 'unknown';
  if (cause & 0x04) return 'cover-open';
  if (paper & 0x60 || cause & 0x20) return 'paper-out';
  if (printer & 0x08 || cause & 0x40) return 'offline';
  if (paper & 0x0c) return 'paper-near-end';
  return 'online';
}

/** What a printer in a state answers to DLE EOT 1, 2, 3 and 4 (used by the virtual printer). */
export function statusAnswer(state: PrinterDeviceState, n: number): number {
  const base = 0x12;
  const offline = state === 'paper-out' || state === 'cover-open' || state === 'offline';
  switch (n) {
    case 1:
      return base | (offline ? 0x08 : 0);
    case 2:
      return base | (state === 'cover-open' ? 0x04 : 0) | (state === 'paper-out' ? 0x20 : 0) | (state === 'offline' ? 0x40 : 0);
    case 3:
      return base | (state === 'offline' ? 0x40 : 0);
    case 4:
      return base | (state === 'paper-near-end' ? 0x0c : 0) | (state === 'paper-out' ? 0x6c : 0);
    default:
      return base;
  }
}

/** A sentence for each state, naming the printer, and what to do. */
export function statusSentence(state: PrinterDeviceState, printer: string): string {
  switch (state) {
    case 'online':
      return `The printer at ${printer} is ready.`;
    case 'paper-near-end':
      return `The printer at ${printer} is ready but its paper roll is nearly finished: have a new roll at hand.`;
    case 'paper-out':
      return `The printer at ${printer} is out of paper. Load a new roll and close the cover, then reprint.`;
    case 'cover-open':
      return `The cover of the printer at ${printer} is open. Close it, then reprint.`;
    case 'offline':
      return `The printer at ${printer} is offline. Check that it is switched on, connected and has no error light, then reprint.`;
    case 'unknown':
      return `The printer at ${printer} does not report its state. Check the receipt that came out; reprint it if it is missing or incomplete.`;
    default:
      return assertNever(state);
  }
}

/** The error code a state that stops printing is reported with. */
export function errorCodeFor(state: 'paper-out' | 'cover-open' | 'offline'): ErrorCode {
  if (state === 'paper-out') return 'PAPER_OUT';
  if (state === 'cover-open') return 'COVER_OPEN';
  return 'PRINTER_OFFLINE';
}

export function statusReport(state: PrinterDeviceState, printer: string, raw: readonly (number | null)[]): PrinterStatusReport {
  return { state, message: statusSentence(state, printer), raw };
}
