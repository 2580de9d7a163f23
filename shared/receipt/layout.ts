import { formatAmount, formatAmountNumber, type AmountFormatOptions } from '../format/money';
import { currencyLabel } from '../format/currencies';
import { formatPricePerUnit, formatRatePercent } from '../money/decimal-text';
import { formatDate, formatTime, type DateFormatOptions } from '../format/dates';
import { formatOperator, graphemeLength } from '../format/text';
import { formatUnits, METER_KIND_LABEL, UNIT_OF_METER_KIND, type MeterKind } from '../format/units';
import type { ReceiptAlign, ReceiptDoc, ReceiptLine, ReceiptTextSize } from './receipt-doc';
import { visualWidth } from './receipt-doc';
import type { ManagementReceiptKind, ReceiptManagementRecord, ReceiptOperator, ReceiptSale, ReceiptTestRecord, ReceiptToken } from './records';

/**
 * Receipt layouts: a record in, a ReceiptDoc out, for a number of columns (32 on 58 mm paper, 48 or 42 on 80 mm).
 * Pure and deterministic: the date style and time zone are inputs. Every text line fits its columns (long values
 * wrap, labels and values that do not fit side by side go on two lines), key-change tokens come first and are
 * numbered, tokens print in groups of four digits in large type, and a reprint says COPY at the top and the bottom.
 */
export interface ReceiptLayoutOptions {
  /** Characters per line in normal size. */
  readonly columns: number;
  readonly headerLines: readonly string[];
  readonly footerLines: readonly string[];
  /** Print a QR code of each token under its digits. */
  readonly qr: boolean;
  /** A reprint: marked COPY. */
  readonly copy: boolean;
  readonly date: DateFormatOptions;
  /** The site's names for currencies (company settings), e.g. { CNY: 'RMB' }. */
  readonly currencyDisplay: Readonly<Record<string, string>>;
}

export const MIN_COLUMNS = 24;
export const MAX_COLUMNS = 64;

export const MANAGEMENT_RECEIPT_TITLE: Readonly<Record<ManagementReceiptKind, string>> = {
  'key-change': 'KEY CHANGE RECEIPT',
  'max-overdraft': 'MAX OVERDRAFT RECEIPT',
  'clear-credit': 'CLEAR CREDIT RECEIPT',
  'clear-tamper': 'CLEAR TAMPER RECEIPT',
  'max-power': 'MAX POWER RECEIPT',
  'meter-test': 'METER TEST RECEIPT',
};

export const COPY_MARK = '** COPY **';

/** The token as customers type it: groups of four digits ("1567 8662 1376 7602 3965"); 9 digits go in threes. */
export function groupTokenDigits(digits: string): string {
  const size = digits.length % 4 !== 0 && digits.length % 3 === 0 ? 3 : 4;
  const groups: string[] = [];
  for (let i = 0; i < digits.length; i += size) groups.push(digits.slice(i, i + size));
  return groups.join(' ');
}

/** Splits text into lines of at most `width` characters, at spaces where possible, never inside a character. */
export function wrapText(text: string, width: number): string[] {
  if (width < 1) throw new RangeError('a line must be at least one character wide');
  const graphemes = (value: string) => Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(value), (s) => s.segment);
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/u).filter((w) => w !== '')) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (graphemeLength(candidate) <= width) {
      current = candidate;
      continue;
    }
    if (current !== '') lines.push(current);
    let rest = graphemes(word);
    while (rest.length > width) {
      lines.push(rest.slice(0, width).join(''));
      rest = rest.slice(width);
    }
    current = rest.join('');
  }
  if (current !== '' || lines.length === 0) lines.push(current);
  return lines;
}

class DocBuilder {
  readonly lines: ReceiptLine[] = [];

  constructor(readonly columns: number) {
    if (!Number.isInteger(columns) || columns < MIN_COLUMNS || columns > MAX_COLUMNS) {
      throw new RangeError(`a receipt is ${MIN_COLUMNS} to ${MAX_COLUMNS} characters wide, not ${columns}`);
    }
  }

  text(text: string, options: { align?: ReceiptAlign; bold?: boolean; size?: ReceiptTextSize } = {}): void {
    const size = options.size ?? 'normal';
    const width = size === 'double' ? Math.floor(this.columns / 2) : this.columns;
    for (const line of wrapText(text, width)) {
      this.lines.push({ kind: 'text', text: line, align: options.align ?? 'left', bold: options.bold ?? false, size });
    }
  }

  /** "Label       value" across the line; on two lines (value right-aligned) when both do not fit. */
  pair(label: string, value: string, bold = false): void {
    const labelWidth = graphemeLength(label);
    const valueWidth = graphemeLength(value);
    if (labelWidth + 1 + valueWidth <= this.columns) {
      this.lines.push({ kind: 'text', text: `${label}${' '.repeat(this.columns - labelWidth - valueWidth)}${value}`, align: 'left', bold, size: 'normal' });
      return;
    }
    this.text(label, { bold });
    for (const line of wrapText(value, this.columns)) this.lines.push({ kind: 'text', text: line, align: 'right', bold, size: 'normal' });
  }

  separator(char: '-' | '=' = '-'): void {
    this.lines.push({ kind: 'separator', char });
  }

  feed(lines: number): void {
    this.lines.push({ kind: 'feed', lines });
  }

  qr(data: string): void {
    this.lines.push({ kind: 'qr', data, cellSize: this.columns >= 42 ? 6 : 4 });
  }

  /** Large type: double width and height when it fits the line, otherwise double height only (58 mm paper). */
  large(text: string): void {
    const size: ReceiptTextSize = visualWidth(text, 'double') <= this.columns ? 'double' : 'double-height';
    if (size === 'double-height' && graphemeLength(text) > this.columns) {
      this.text(text, { align: 'center', bold: true, size });
      return;
    }
    this.lines.push({ kind: 'text', text, align: 'center', bold: true, size });
  }

  build(): ReceiptDoc {
    return { columns: this.columns, lines: [...this.lines] };
  }
}

function header(b: DocBuilder, companyName: string, stationName: string, options: ReceiptLayoutOptions): void {
  if (companyName.trim() !== '') b.text(companyName.trim(), { align: 'center', bold: true, size: 'double-height' });
  if (stationName.trim() !== '') b.text(stationName.trim(), { align: 'center' });
  for (const line of options.headerLines) b.text(line, { align: 'center' });
  b.separator('=');
}

function title(b: DocBuilder, text: string, options: ReceiptLayoutOptions): void {
  b.text(text, { align: 'center', bold: true });
  if (options.copy) b.large(COPY_MARK);
}

function footer(b: DocBuilder, options: ReceiptLayoutOptions): void {
  for (const line of options.footerLines) b.text(line, { align: 'center' });
  if (options.copy) b.text(COPY_MARK, { align: 'center', bold: true });
  b.feed(1);
  b.lines.push({ kind: 'cut' });
}

function operatorText(operator: ReceiptOperator): string {
  return formatOperator(operator.name, operator.userId);
}

/** Key-change tokens first, numbered "1 OF 2"; then the others, numbered only when there are several. */
function tokens(b: DocBuilder, list: readonly ReceiptToken[], options: ReceiptLayoutOptions): void {
  const keyChange = list.filter((token) => token.role === 'key-change');
  const others = list.filter((token) => token.role !== 'key-change');
  const block = (label: string, token: ReceiptToken) => {
    b.text(label, { align: 'center', bold: true });
    b.large(groupTokenDigits(token.digits));
    if (options.qr) b.qr(token.digits);
  };
  keyChange.forEach((token, index) => block(`KEY CHANGE TOKEN ${index + 1} OF ${keyChange.length}`, token));
  others.forEach((token, index) => block(others.length === 1 ? 'TOKEN' : `TOKEN ${index + 1} OF ${others.length}`, token));
  if (keyChange.length > 0) b.text('Enter the key change tokens first, in this order.', { align: 'center' });
}

function dateLines(b: DocBuilder, at: string, options: ReceiptLayoutOptions): void {
  b.pair('Date', formatDate(at, options.date));
  b.pair('Time', formatTime(at, options.date));
}

function unitLabel(kind: MeterKind): string {
  return UNIT_OF_METER_KIND[kind];
}

/** The vend receipt (the seed's "Vending Receipt"); with `copy`, the reprint. */
export function layoutVendReceipt(sale: ReceiptSale, options: ReceiptLayoutOptions): ReceiptDoc {
  const b = new DocBuilder(options.columns);
  const money: AmountFormatOptions = { display: options.currencyDisplay };
  header(b, sale.companyName, sale.stationName, options);
  title(b, 'VENDING RECEIPT', options);
  b.pair('Receipt No.', sale.receiptNo);
  b.pair('Operator', operatorText(sale.operator));
  b.pair('Payment', sale.paymentType);
  b.separator();
  b.pair('Customer No.', sale.customerNo);
  b.pair('User Coder', sale.userCoder);
  b.pair('Meter No.', sale.meterNo);
  b.pair('Meter Type', METER_KIND_LABEL[sale.meterKind]);
  b.pair('Price', `${formatPricePerUnit(sale.priceTenThousandths)} ${currencyLabel(sale.currency, options.currencyDisplay)}/${unitLabel(sale.meterKind)}`);
  b.pair('Tax', `${formatRatePercent(sale.taxRateBasisPoints)}%`);
  for (const levy of sale.levies) {
    const label = levy.rateBasisPoints === null ? levy.name : `${levy.name} (${formatRatePercent(levy.rateBasisPoints)}%)`;
    b.pair(label, formatAmount(levy.amountMinor, sale.currency, money));
  }
  if (sale.chargeMinor !== null) b.pair('Charge', formatAmount(sale.chargeMinor, sale.currency, money));
  b.pair('Rounding', formatAmount(sale.roundingMinor, sale.currency, money));
  b.separator();
  b.pair('Total Paid', formatAmount(sale.totalPaidMinor, sale.currency, money), true);
  b.pair('Total Unit', formatUnits(sale.unitsTenths, sale.meterKind), true);
  dateLines(b, sale.soldAt, options);
  b.separator();
  tokens(b, sale.tokens, options);
  b.separator();
  footer(b, options);
  return b.build();
}

/** The Advanced Center receipts (the seed's "Max Overdraft Receipt", "Clear Credit Receipt", ...). */
export function layoutManagementReceipt(record: ReceiptManagementRecord, options: ReceiptLayoutOptions): ReceiptDoc {
  const b = new DocBuilder(options.columns);
  header(b, record.companyName, record.stationName, options);
  title(b, MANAGEMENT_RECEIPT_TITLE[record.kind], options);
  b.pair('Record No.', record.recordNo);
  b.pair('Operator', operatorText(record.operator));
  b.separator();
  if (record.customerNo !== null) b.pair('Customer No.', record.customerNo);
  if (record.userCoder !== null) b.pair('User Coder', record.userCoder);
  b.pair('Meter No.', record.meterNo);
  b.pair('Meter Type', METER_KIND_LABEL[record.meterKind]);
  for (const detail of record.details) b.pair(detail.label, detail.value);
  dateLines(b, record.issuedAt, options);
  b.separator();
  tokens(b, record.tokens, options);
  b.separator();
  footer(b, options);
  return b.build();
}

/** The Test print: the profile, a ruler across the full width, the styles and alignments a receipt uses, a QR code. */
export function layoutTestReceipt(record: ReceiptTestRecord, options: ReceiptLayoutOptions): ReceiptDoc {
  const b = new DocBuilder(options.columns);
  header(b, record.companyName, record.stationName, options);
  title(b, 'PRINTER TEST', options);
  b.pair('Printer', record.printer);
  b.pair('Profile', record.profile);
  b.pair('Operator', operatorText(record.operator));
  dateLines(b, record.printedAt, options);
  b.separator();
  let ruler = '';
  for (let i = 1; i <= options.columns; i += 1) ruler += (i % 10).toString();
  b.text(ruler);
  b.text('Left', { align: 'left' });
  b.text('Centre', { align: 'center' });
  b.text('Right', { align: 'right' });
  b.text('Bold text', { bold: true });
  b.text('Double height', { size: 'double-height' });
  b.large('1234 5678');
  b.pair('Amount', formatAmountNumber(123456, 'USD', { groupThousands: true }));
  if (options.qr) b.qr('TOKENTILL TEST');
  b.separator();
  footer(b, options);
  return b.build();
}
