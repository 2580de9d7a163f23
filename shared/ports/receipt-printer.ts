import type { AppError } from '../errors/result';

/**
 * A receipt printer as the print service sees it: ask its state, send it a job's bytes. Adapters live in
 * electron/printing (the ESC/POS network printer; the virtual printer is reached through the same adapter).
 * Device faults are values, never exceptions: a method of this port only rejects on a programming error.
 */

/** What the printer itself reports; "not-configured" is the print service's, not a device's. */
export const PRINTER_DEVICE_STATES = ['online', 'paper-near-end', 'paper-out', 'cover-open', 'offline', 'unknown'] as const;
export type PrinterDeviceState = (typeof PRINTER_DEVICE_STATES)[number];

export interface PrinterStatusReport {
  readonly state: PrinterDeviceState;
  /** A sentence a cashier can act on ("The printer is out of paper. Load a new roll, then reprint."). */
  readonly message: string;
  /** The bytes answered to DLE EOT 1, 2 and 4 (null where no answer came), for the log and support. */
  readonly raw: readonly (number | null)[];
}

/** True for the states in which a printer has paper and prints ("confirmed" needs one of these after the job). */
export function printsInState(state: PrinterDeviceState): state is 'online' | 'paper-near-end' {
  return state === 'online' || state === 'paper-near-end';
}

/**
 * The end of one print attempt:
 * - "confirmed": every byte was taken and the printer said, after the last byte, that it is online with paper;
 * - "failed": the receipt did not print, or not completely (refused connection, the printer closed the connection
 *   mid-job, or it reported paper out, cover open or offline);
 * - "unknown": the bytes were taken but the printer never said how it is, so nobody knows whether it printed.
 */
export type PrintOutcome =
  | { readonly state: 'confirmed'; readonly bytesSent: number; readonly status: PrinterStatusReport }
  | { readonly state: 'failed' | 'unknown'; readonly bytesSent: number; readonly status: PrinterStatusReport | null; readonly error: AppError };

export interface ReceiptPrinter {
  /** How screens and logs name the printer: "network printer 127.0.0.1:9100". */
  readonly description: string;

  /**
   * Asks the printer's real-time status. Never rejects: an unreachable printer is "offline", a printer that does
   * not answer is "unknown". Idempotent and safe to call at any time (it prints nothing); it must not be called
   * while a `print` of the same printer is running, because some printers take one connection at a time.
   */
  status(): Promise<PrinterStatusReport>;

  /**
   * Prints one job (its bytes, all copies included). Never rejects for device faults: the outcome says what
   * happened, with a cashier sentence when it is not "confirmed". NOT idempotent: every call that gets through
   * prints the receipt again, so a caller retries only on purpose (a reprint the cashier asked for). After a
   * "failed" outcome for paper out or offline, the printer may still print the part it buffered once it recovers.
   */
  print(bytes: Uint8Array): Promise<PrintOutcome>;
}
