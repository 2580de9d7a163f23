import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { PrinterSettings } from '../../shared/config/settings';
import { ERROR_CODES, type ErrorCode } from '../../shared/errors/codes';
import { AppFailure, assertNever } from '../../shared/errors/result';
import type { PrinterStatusView, PrintJobsInput, PrintJobView } from '../../shared/ipc/channels/printing';
import type { Clock } from '../../shared/ports/clock';
import type { IdGenerator } from '../../shared/ports/id-generator';
import type { PrintOutcome, PrinterStatusReport, ReceiptPrinter } from '../../shared/ports/receipt-printer';
import { layoutManagementReceipt, layoutTestReceipt, layoutVendReceipt, type ReceiptLayoutOptions } from '../../shared/receipt/layout';
import type { PrintSourceKind, ReceiptLayout } from '../../shared/receipt/print-job';
import { RECEIPT_LAYOUTS } from '../../shared/receipt/print-job';
import { describeProfile, makePrinterProfile, type PrinterProfile } from '../../shared/receipt/printer-profile';
import { docToText, type ReceiptDoc } from '../../shared/receipt/receipt-doc';
import { ReceiptManagementRecord, ReceiptSale, ReceiptTestRecord, type ReceiptOperator } from '../../shared/receipt/records';
import { writeTransaction } from '../db/open-database';
import type { PrintJobRow, PrintJobsRepo } from '../db/repos/print-jobs-repo';
import { encodeCopies } from '../printing/escpos-encoder';
import { createEscposNetworkPrinter } from '../printing/network-printer';
import type { AuditLog } from './audit-log';
import type { EventBus } from './event-bus';
import type { Logger } from './logger';
import type { SettingsService } from './settings-service';

/**
 * Printing receipts (P1): a print job per receipt, laid out from the record it prints (shared/receipt), encoded for
 * the configured printer, sent through the ReceiptPrinter port, and tracked queued -> sent -> confirmed | failed |
 * unknown in print_jobs, each step committed and audited before the next I/O. It never writes the sale or record it
 * prints: a failed print leaves the token where it was, and a retry (the cashier's reprint) lays the same record out
 * again, marked COPY for sales and management records, and never regenerates a token.
 *
 * One job at a time: attempts and status checks are queued, because network printers often take one connection at a
 * time. The printer's state is pushed as `printer.status` whenever it changes (after each attempt, each status check
 * and, while a printer is configured, every poll interval); a sale's print state as `token.updated`.
 */
export interface PrintRequestOptions {
  /** The sale's or management record's id (print_jobs.source_id). */
  readonly sourceId: string;
  /** Login id of the operator the print is audited under. */
  readonly actor: string;
  /** A reprint: the receipt says COPY. */
  readonly copy?: boolean;
  /** Copies of this print; default: the printer settings' copies. */
  readonly copies?: number;
}

/** A job and the receipt as text (what the printer is expected to produce, for the screen to show). */
export interface PrintResult {
  readonly job: PrintJobView;
  readonly receipt: readonly string[];
}

export interface PrintService {
  settings(): PrinterSettings;
  saveSettings(value: PrinterSettings, actor: string): PrinterSettings;
  /** True when receipts print by themselves after a vend (settings.autoPrint and a printer configured). */
  autoPrint(): boolean;
  /** The layout options the current settings give (columns, header, footer, QR, dates, currency names). */
  layoutOptions(copy: boolean): ReceiptLayoutOptions;
  /** Asks the printer now (queued behind a running job) and publishes the state if it changed. */
  status(): Promise<PrinterStatusView>;
  lastStatus(): PrinterStatusView;
  testPrint(operator: ReceiptOperator & { stationName: string }): Promise<PrintResult>;
  printSaleReceipt(sale: ReceiptSale, options: PrintRequestOptions): Promise<PrintResult>;
  printManagementReceipt(record: ReceiptManagementRecord, options: PrintRequestOptions): Promise<PrintResult>;
  /** Prints a job again; refuses a job that is still queued or being sent. */
  retry(jobId: string, actor: string): Promise<PrintResult>;
  jobs(filter: PrintJobsInput): PrintJobView[];
  job(id: string): PrintJobView | null;
  /** Marks jobs a stopped till left queued or sent as "unknown"; returns how many. */
  recoverInterrupted(): number;
  /** Polls the printer state every `intervalMs` while a printer is configured (0: never). */
  startMonitor(intervalMs: number): void;
  stop(): void;
}

export interface PrintServiceDeps {
  sqlite: Database.Database;
  repo: PrintJobsRepo;
  audit: AuditLog;
  settings: SettingsService;
  events: EventBus;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
  stationId: () => string;
  /** Builds the printer for a connection; tests may pass another adapter. */
  printerFor?: (connection: Extract<PrinterSettings['connection'], { kind: 'network' }>) => ReceiptPrinter;
}

/** print_jobs.record_json: the record and whether the job is a reprint; parsed again before every attempt. */
const StoredRecord = z.object({ copy: z.boolean(), record: z.unknown() });
type StoredRecord = z.infer<typeof StoredRecord>;

function storedRecordOf(row: PrintJobRow): StoredRecord {
  return StoredRecord.parse(JSON.parse(row.recordJson));
}

const MANAGEMENT_LAYOUTS: ReadonlySet<ReceiptLayout> = new Set(['key-change', 'max-overdraft', 'clear-credit', 'clear-tamper', 'max-power', 'meter-test']);

/** How often the printer's state is polled while one is configured: TOKENTILL_PRINTER_POLL_MS, default 30 s, 0 never. */
export function printerPollIntervalFromEnv(env: NodeJS.ProcessEnv): number {
  const raw = env.TOKENTILL_PRINTER_POLL_MS;
  if (raw === undefined || raw.trim() === '') return 30_000;
  const value = Number(raw);
  return Number.isInteger(value) && value >= 0 ? value : 30_000;
}

export function profileOf(settings: PrinterSettings): PrinterProfile {
  return makePrinterProfile({ model: settings.model, paperWidth: settings.paperWidth, columns80: settings.columns80, characterSet: settings.characterSet });
}

function isErrorCode(value: string | null): value is ErrorCode {
  return value !== null && (ERROR_CODES as readonly string[]).includes(value);
}

function toView(row: PrintJobRow): PrintJobView {
  return {
    id: row.id,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    sourceKind: row.sourceKind,
    sourceId: row.sourceId,
    layout: (RECEIPT_LAYOUTS as readonly string[]).includes(row.layout) ? (row.layout as ReceiptLayout) : 'test',
    copies: row.copies,
    state: row.state,
    attempts: row.attempts,
    printer: row.printer,
    bytesSent: row.bytesSent,
    lastError: row.lastError === null ? null : { code: isErrorCode(row.lastErrorCode) ? row.lastErrorCode : 'INTERNAL', message: row.lastError },
  };
}

export function createPrintService(deps: PrintServiceDeps): PrintService {
  const printerFor = deps.printerFor ?? ((connection) => createEscposNetworkPrinter({ host: connection.host, port: connection.port }));
  const now = () => deps.clock.now().toISOString();
  const settings = () => deps.settings.section('printer');
  let queue: Promise<unknown> = Promise.resolve();
  /** Jobs waiting in the queue or printing: a second retry of one of them is refused, not printed twice. */
  const pending = new Set<string>();
  let monitor: NodeJS.Timeout | null = null;

  const notConfigured = (): PrinterStatusView => ({
    state: 'not-configured',
    message: 'No receipt printer is set up. A supervisor can set one up in Settings, Printer.',
    printer: null,
    checkedAt: null,
  });
  const initial = (): PrinterStatusView => {
    const connection = settings().connection;
    if (connection.kind === 'none') return notConfigured();
    return { state: 'unknown', message: 'The printer has not been checked yet.', printer: printerFor(connection).description, checkedAt: null };
  };
  let last: PrinterStatusView = initial();

  const publish = (next: PrinterStatusView) => {
    const changed = next.state !== last.state || next.message !== last.message || next.printer !== last.printer;
    last = next;
    if (changed) deps.events.publish('printer.status', { state: next.state, message: next.message });
  };
  const fromReport = (printer: ReceiptPrinter, report: PrinterStatusReport): PrinterStatusView => ({
    state: report.state,
    message: report.message,
    printer: printer.description,
    checkedAt: now(),
  });

  /** Runs `work` after everything queued before it; a failure does not stop the queue. */
  function enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  }

  function layoutOptions(copy: boolean): ReceiptLayoutOptions {
    const printer = settings();
    const general = deps.settings.section('general');
    const company = deps.settings.section('company');
    return {
      columns: profileOf(printer).columns,
      headerLines: printer.headerLines,
      footerLines: printer.footerLines,
      qr: printer.qrCode,
      copy,
      date: { style: general.dateFormat },
      currencyDisplay: company.currencyDisplay,
    };
  }

  /** The job's record laid out with today's settings; a record that no longer parses is a programming error. */
  function documentFor(row: PrintJobRow, copy: boolean): ReceiptDoc {
    const stored = storedRecordOf(row);
    const options = layoutOptions(copy || stored.copy);
    const layout = z.enum(RECEIPT_LAYOUTS).parse(row.layout);
    if (layout === 'vend') return layoutVendReceipt(ReceiptSale.parse(stored.record), options);
    if (layout === 'test') return layoutTestReceipt(ReceiptTestRecord.parse(stored.record), options);
    if (MANAGEMENT_LAYOUTS.has(layout)) return layoutManagementReceipt(ReceiptManagementRecord.parse(stored.record), options);
    throw new Error(`print job ${row.id} has an unknown layout ${row.layout}`);
  }

  function finish(row: PrintJobRow, actor: string, result: { state: 'confirmed' | 'failed' | 'unknown'; bytesSent: number; code: ErrorCode | null; message: string | null }) {
    writeTransaction(deps.sqlite, () => {
      deps.repo.finish(row.id, { state: result.state, bytesSent: result.bytesSent, errorCode: result.code, error: result.message }, now());
      deps.audit.append({
        actor,
        action: 'print.result',
        target: row.id,
        result: result.state === 'confirmed' ? 'ok' : 'failed',
        details: { state: result.state, code: result.code, bytesSent: result.bytesSent, sourceKind: row.sourceKind, sourceId: row.sourceId },
      });
    });
    if (row.sourceKind === 'sale' && row.sourceId) deps.events.publish('token.updated', { saleId: row.sourceId, printState: result.state });
  }

  /** One attempt of a job: lay out, encode, mark sent, print, record the outcome. Never throws for device faults. */
  async function attempt(jobId: string, actor: string, copy: boolean): Promise<PrintResult> {
    try {
      return await attemptOnce(jobId, actor, copy);
    } finally {
      pending.delete(jobId);
    }
  }

  async function attemptOnce(jobId: string, actor: string, copy: boolean): Promise<PrintResult> {
    const row = deps.repo.find(jobId);
    if (!row) throw new AppFailure('NOT_FOUND', 'That print job does not exist any more.');
    const current = settings();
    let doc: ReceiptDoc;
    let bytes: Uint8Array;
    try {
      doc = documentFor(row, copy);
      bytes = encodeCopies(doc, profileOf(current), row.copies);
    } catch (error) {
      deps.logger.error(`print job ${row.id}: the receipt could not be prepared`, error);
      finish(row, actor, { state: 'failed', bytesSent: 0, code: 'INTERNAL', message: 'The receipt could not be prepared for this printer. Check the printer settings, then reprint.' });
      return { job: toView(deps.repo.find(row.id) ?? row), receipt: [] };
    }
    const receipt = docToText(doc);
    if (current.connection.kind === 'none') {
      finish(row, actor, { state: 'failed', bytesSent: 0, code: 'PRINTER_NOT_CONFIGURED', message: notConfigured().message });
      publish(notConfigured());
      return { job: toView(deps.repo.find(row.id) ?? row), receipt };
    }
    const printer = printerFor(current.connection);
    writeTransaction(deps.sqlite, () => {
      deps.repo.markSent(row.id, printer.description, now());
      deps.audit.append({
        actor,
        action: 'print.send',
        target: row.id,
        details: { attempt: row.attempts + 1, printer: printer.description, layout: row.layout, sourceKind: row.sourceKind, sourceId: row.sourceId, copy: copy || storedRecordOf(row).copy, bytes: bytes.length, profile: describeProfile(profileOf(current)) },
      });
    });
    let outcome: PrintOutcome;
    try {
      outcome = await printer.print(bytes);
    } catch (error) {
      deps.logger.error(`print job ${row.id}: the printer adapter failed`, error);
      outcome = { state: 'unknown', bytesSent: 0, status: null, error: { code: 'PRINT_UNCONFIRMED', message: 'The till lost track of this print. Check the receipt that came out; reprint it if it is missing or incomplete.' } };
    }
    const fresh = deps.repo.find(row.id) ?? row;
    switch (outcome.state) {
      case 'confirmed':
        finish(fresh, actor, { state: 'confirmed', bytesSent: outcome.bytesSent, code: null, message: null });
        break;
      case 'failed':
      case 'unknown':
        finish(fresh, actor, { state: outcome.state, bytesSent: outcome.bytesSent, code: outcome.error.code, message: outcome.error.message });
        break;
      default:
        assertNever(outcome);
    }
    if (outcome.status) publish(fromReport(printer, outcome.status));
    return { job: toView(deps.repo.find(row.id) ?? fresh), receipt };
  }

  function create(sourceKind: PrintSourceKind, sourceId: string | null, layout: ReceiptLayout, record: unknown, copy: boolean, copies: number, actor: string): string {
    if (!Number.isInteger(copies) || copies < 1 || copies > 3) throw new AppFailure('VALIDATION', 'Print 1 to 3 copies.');
    const id = deps.ids.newId();
    const stored: StoredRecord = { copy, record };
    writeTransaction(deps.sqlite, () => {
      deps.repo.insert({ id, stationId: deps.stationId(), createdAt: now(), sourceKind, sourceId, layout, recordJson: JSON.stringify(stored), copies });
      deps.audit.append({ actor, action: 'print.queue', target: id, details: { sourceKind, sourceId, layout, copy, copies } });
    });
    pending.add(id);
    return id;
  }

  async function status(): Promise<PrinterStatusView> {
    return enqueue(async () => {
      const connection = settings().connection;
      if (connection.kind === 'none') {
        publish(notConfigured());
        return last;
      }
      const printer = printerFor(connection);
      publish(fromReport(printer, await printer.status()));
      return last;
    });
  }

  return {
    settings,
    saveSettings(value, actor) {
      const saved = deps.settings.save({ section: 'printer', value }, actor).printer;
      publish(initial());
      void status().catch((error: unknown) => deps.logger.error('printer status check after saving the settings failed', error));
      return saved;
    },
    autoPrint: () => settings().autoPrint && settings().connection.kind !== 'none',
    layoutOptions,
    status,
    lastStatus: () => last,
    async testPrint(operator) {
      const current = settings();
      if (current.connection.kind === 'none') throw new AppFailure('PRINTER_NOT_CONFIGURED', notConfigured().message);
      const record: ReceiptTestRecord = ReceiptTestRecord.parse({
        companyName: deps.settings.section('company').companyName,
        stationName: operator.stationName,
        operator: { name: operator.name, userId: operator.userId },
        printer: printerFor(current.connection).description,
        profile: describeProfile(profileOf(current)),
        printedAt: now(),
      });
      const id = create('test', null, 'test', record, false, 1, operator.userId);
      return enqueue(() => attempt(id, operator.userId, false));
    },
    async printSaleReceipt(sale, options) {
      const record = ReceiptSale.parse(sale);
      const id = create('sale', options.sourceId, 'vend', record, options.copy ?? false, options.copies ?? settings().copies, options.actor);
      return enqueue(() => attempt(id, options.actor, false));
    },
    async printManagementReceipt(input, options) {
      const record = ReceiptManagementRecord.parse(input);
      const id = create('management', options.sourceId, record.kind, record, options.copy ?? false, options.copies ?? settings().copies, options.actor);
      return enqueue(() => attempt(id, options.actor, false));
    },
    async retry(jobId, actor) {
      const row = deps.repo.find(jobId);
      if (!row) throw new AppFailure('NOT_FOUND', 'That print job does not exist any more.');
      if (row.state === 'queued' || row.state === 'sent' || pending.has(row.id)) throw new AppFailure('CONFLICT', 'This receipt is printing right now: wait for it to finish before printing it again.');
      writeTransaction(deps.sqlite, () => deps.audit.append({ actor, action: 'print.retry', target: row.id, details: { previousState: row.state, attempts: row.attempts } }));
      pending.add(row.id);
      // A sale or management receipt printed again is a reprint: marked COPY, whatever came out the first time.
      return enqueue(() => attempt(row.id, actor, row.sourceKind !== 'test'));
    },
    jobs(filter) {
      return deps.repo
        .list({ limit: filter.limit, ...(filter.states ? { states: filter.states } : {}), ...(filter.sourceKind ? { sourceKind: filter.sourceKind } : {}), ...(filter.sourceId ? { sourceId: filter.sourceId } : {}) })
        .map(toView);
    },
    job(id) {
      const row = deps.repo.find(id);
      return row ? toView(row) : null;
    },
    recoverInterrupted() {
      const rows = deps.repo.unfinished();
      if (rows.length === 0) return 0;
      writeTransaction(deps.sqlite, () => {
        for (const row of rows) {
          deps.repo.finish(row.id, { state: 'unknown', bytesSent: row.bytesSent, errorCode: 'PRINT_UNCONFIRMED', error: 'The till stopped while this receipt was printing. Check whether it came out; reprint it if it did not.' }, now());
          deps.audit.append({ actor: 'system', action: 'print.result', target: row.id, result: 'failed', details: { state: 'unknown', previousState: row.state, reason: 'till stopped' } });
        }
      });
      return rows.length;
    },
    startMonitor(intervalMs) {
      if (monitor || intervalMs <= 0) return;
      monitor = setInterval(() => {
        if (settings().connection.kind === 'none') return;
        status().catch((error: unknown) => deps.logger.error('printer status poll failed', error));
      }, intervalMs);
      monitor.unref();
    },
    stop() {
      if (monitor) clearInterval(monitor);
      monitor = null;
    },
  };
}
