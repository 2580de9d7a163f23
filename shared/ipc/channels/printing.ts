import { z } from 'zod';
import { PrinterSettings } from '../../config/settings';
import { ERROR_CODES } from '../../errors/codes';
import { channel, type ChannelName, type ChannelSpec } from '../channel-spec';
import { events } from '../events';
import { Empty } from '../schemas';
import { PRINT_JOB_STATES, PRINT_SOURCE_KINDS, RECEIPT_LAYOUTS } from '../../receipt/print-job';

/**
 * Receipt printing (P1): the printer settings, its live state, the Test print and the print jobs. Access, decided
 * here and checked on the main side:
 * - reading the printer settings and asking its state: any signed-in user (the Top-up Center needs "print
 *   automatically" and the status strip shows the state to everyone; nothing secret is in them);
 * - saving the settings and the Test print: `settings.edit` (the Settings screen; a test print spends paper);
 * - listing print jobs and retrying one: `reprint` (cashiers hold it, so a receipt that did not print can be printed
 *   again once the printer is back, without a supervisor).
 * - printing a stored sale or management record now (`print.sale`, `print.record`): the first print of a record is
 *   the original, every later one is marked COPY; the reply waits for the printer's answer. The vend (V1) and the
 *   Advanced Center (A1) also print by themselves after the commit when automatic printing is on.
 */
export const PrinterStatusState = events['printer.status'].shape.state;
export type PrinterStatusState = z.infer<typeof PrinterStatusState>;

export const PrinterStatusView = z.object({
  state: PrinterStatusState,
  message: z.string(),
  /** "network printer 192.168.1.50:9100"; null when no printer is configured. */
  printer: z.string().nullable(),
  /** When the printer last answered (or failed to); null before the first check. */
  checkedAt: z.string().nullable(),
});
export type PrinterStatusView = z.infer<typeof PrinterStatusView>;

export const PrintJobState = z.enum(PRINT_JOB_STATES);
export type PrintJobState = z.infer<typeof PrintJobState>;

export const PrintSourceKind = z.enum(PRINT_SOURCE_KINDS);
export type PrintSourceKind = z.infer<typeof PrintSourceKind>;

export const PrintJobView = z.object({
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  sourceKind: PrintSourceKind,
  sourceId: z.string().nullable(),
  layout: z.enum(RECEIPT_LAYOUTS),
  copies: z.number().int(),
  state: PrintJobState,
  attempts: z.number().int(),
  printer: z.string().nullable(),
  bytesSent: z.number().int(),
  /** Why the last attempt is not "confirmed": a code and a sentence for the cashier. */
  lastError: z.object({ code: z.enum(ERROR_CODES), message: z.string() }).nullable(),
});
export type PrintJobView = z.infer<typeof PrintJobView>;

export const PrintJobsInput = z.object({
  limit: z.number().int().min(1).max(200).default(50),
  states: z.array(PrintJobState).max(5).optional(),
  sourceKind: PrintSourceKind.optional(),
  sourceId: z.string().min(1).max(64).optional(),
});
export type PrintJobsInput = z.infer<typeof PrintJobsInput>;

export const PrintJobsList = z.object({ jobs: z.array(PrintJobView) });

/** A print and the receipt as text lines: what the printer is expected to produce, for the screen to show. */
export const PrintResultView = z.object({ job: PrintJobView, receipt: z.array(z.string()) });
export type PrintResultView = z.infer<typeof PrintResultView>;

export const PrintRetryInput = z.object({ jobId: z.string().min(1).max(64) });

export const PrintRecordInput = z.object({ id: z.string().min(1).max(64) });

export const printingChannels = {
  'printer.settings': channel({
    request: Empty,
    response: PrinterSettings,
    access: 'signedIn',
    summary: 'The receipt printer settings: connection, paper, profile, code page, header and footer, QR, copies, automatic printing.',
  }),
  'printer.saveSettings': channel({
    request: PrinterSettings,
    response: PrinterSettings,
    access: 'settings.edit',
    summary: 'Save the receipt printer settings (audited); the printer state is checked again at once.',
  }),
  'printer.status': channel({
    request: Empty,
    response: PrinterStatusView,
    access: 'signedIn',
    summary: "Ask the printer's real-time status now (DLE EOT 1, 2, 4): online, paper near end, paper out, cover open, offline, unknown or not configured.",
  }),
  'printer.testPrint': channel({
    request: Empty,
    response: PrintResultView,
    access: 'settings.edit',
    summary: 'Print a test receipt and report whether the printer confirmed it.',
  }),
  'print.jobs': channel({
    request: PrintJobsInput,
    response: PrintJobsList,
    access: 'reprint',
    summary: 'Print jobs, newest first, optionally only some states or one sale or record.',
  }),
  'print.retry': channel({
    request: PrintRetryInput,
    response: PrintResultView,
    access: 'reprint',
    summary: 'Print a job again (a sale or record reprint is marked COPY); it never touches the sale or record.',
  }),
  'print.sale': channel({
    request: PrintRecordInput,
    response: PrintResultView,
    access: 'reprint',
    summary: "Print a stored sale's receipt now: the original the first time, COPY after that; never a new token.",
  }),
  'print.record': channel({
    request: PrintRecordInput,
    response: PrintResultView,
    access: 'advanced.records',
    summary: "Print a stored management token record's receipt now: the original the first time, COPY after that.",
  }),
} as const satisfies Record<ChannelName, ChannelSpec>;
