import { PrinterSettings } from '../../../../shared/config/settings';
import { graphemeLength } from '../../../../shared/format/text';
import { characterSetsFor, type CharacterSet, type PrinterModel } from '../../../../shared/receipt/printer-profile';

/**
 * The Printer section of the Settings screen as a form: text in, a PrinterSettings value out, or one sentence per
 * field in error. Header and footer lines are typed one per row.
 */
export interface PrinterForm {
  connection: 'none' | 'network';
  host: string;
  port: string;
  paperWidth: '58' | '80';
  columns80: '48' | '42';
  model: PrinterModel;
  characterSet: CharacterSet;
  headerLines: string;
  footerLines: string;
  qrCode: boolean;
  copies: '1' | '2' | '3';
  autoPrint: boolean;
}

export const PRINTER_LABELS = {
  connection: 'Connection',
  host: 'Printer address',
  port: 'Port',
  paperWidth: 'Paper width',
  columns80: 'Characters per line',
  model: 'Printer profile',
  characterSet: 'Character set',
  headerLines: 'Header lines',
  footerLines: 'Footer lines',
  qrCode: 'Print a QR code of each token',
  copies: 'Copies',
  autoPrint: 'Print automatically after a vend',
} as const;

export type PrinterField = keyof typeof PRINTER_LABELS;
export type PrinterErrors = Partial<Record<PrinterField, string>>;
export type PrinterCheck = { ok: true; value: PrinterSettings } | { ok: false; errors: PrinterErrors; summary: string };

export function printerFormOf(value: PrinterSettings): PrinterForm {
  return {
    connection: value.connection.kind,
    host: value.connection.kind === 'network' ? value.connection.host : '',
    port: value.connection.kind === 'network' ? String(value.connection.port) : '9100',
    paperWidth: value.paperWidth === 58 ? '58' : '80',
    columns80: value.columns80 === 42 ? '42' : '48',
    model: value.model,
    characterSet: value.characterSet,
    headerLines: value.headerLines.join('\n'),
    footerLines: value.footerLines.join('\n'),
    qrCode: value.qrCode,
    copies: value.copies === 3 ? '3' : value.copies === 2 ? '2' : '1',
    autoPrint: value.autoPrint,
  };
}

/** Rows of a text area, trailing spaces and trailing empty rows removed. */
export function linesOf(text: string): string[] {
  const lines = text.split(/\r?\n/u).map((line) => line.trimEnd());
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function checkLines(text: string, what: string): string | undefined {
  const lines = linesOf(text);
  if (lines.length > 6) return `Use at most 6 ${what} lines.`;
  const long = lines.findIndex((line) => graphemeLength(line) > 48);
  if (long >= 0) return `Line ${long + 1} is longer than 48 characters; shorten it or split it.`;
  return undefined;
}

export function checkPrinterForm(form: PrinterForm): PrinterCheck {
  const errors: PrinterErrors = {};
  if (form.connection === 'network') {
    if (form.host.trim() === '') errors.host = "Type the printer's IP address, such as 192.168.1.50, or its host name.";
    else if (!/^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/u.test(form.host.trim())) errors.host = 'Use an IP address such as 192.168.1.50 or a host name, without http:// or a port.';
    const port = form.port.trim();
    if (!/^\d{1,5}$/u.test(port) || Number(port) < 1 || Number(port) > 65535) errors.port = 'Use a port number from 1 to 65535 (printers usually listen on 9100).';
  }
  if (!characterSetsFor(form.model).includes(form.characterSet)) errors.characterSet = 'STAR printers cannot select PC850 here: choose PC858, which has the same letters and the euro sign.';
  const header = checkLines(form.headerLines, 'header');
  if (header) errors.headerLines = header;
  const footer = checkLines(form.footerLines, 'footer');
  if (footer) errors.footerLines = footer;
  const firstKey = Object.keys(errors)[0] as PrinterField | undefined;
  if (firstKey !== undefined) return { ok: false, errors, summary: `${PRINTER_LABELS[firstKey]}: ${errors[firstKey] ?? ''}` };
  const parsed = PrinterSettings.safeParse({
    connection: form.connection === 'network' ? { kind: 'network', host: form.host.trim(), port: Number(form.port.trim()) } : { kind: 'none' },
    paperWidth: Number(form.paperWidth),
    columns80: Number(form.columns80),
    model: form.model,
    characterSet: form.characterSet,
    headerLines: linesOf(form.headerLines),
    footerLines: linesOf(form.footerLines),
    qrCode: form.qrCode,
    copies: Number(form.copies),
    autoPrint: form.autoPrint,
  });
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const field = (issue?.path.includes('host') ? 'host' : issue?.path.includes('port') ? 'port' : issue?.path[0]) as PrinterField | undefined;
  const key: PrinterField = field && field in PRINTER_LABELS ? field : 'connection';
  const message = issue?.message ?? 'Check this value.';
  return { ok: false, errors: { [key]: message }, summary: `${PRINTER_LABELS[key]}: ${message}` };
}
