import { assertNever } from '../errors/result';
import { graphemeLength } from '../format/text';

/**
 * A receipt as printer-neutral lines. Layouts (./layout.ts) build it for a number of columns and guarantee that
 * every text line fits: `graphemeLength(text) * widthFactor(size) <= columns`. The encoder turns it into bytes for a
 * printer profile; `docToText` is the text the printer is expected to produce, which the ESC/POS decoder's text of
 * the printed bytes must equal.
 */
export type ReceiptAlign = 'left' | 'center' | 'right';

/** "double-height" keeps the width of normal text (fits 58 mm); "double" is double width and height. */
export type ReceiptTextSize = 'normal' | 'double-height' | 'double';

export interface ReceiptTextLine {
  readonly kind: 'text';
  readonly text: string;
  readonly align: ReceiptAlign;
  readonly bold: boolean;
  readonly size: ReceiptTextSize;
}

export interface ReceiptSeparatorLine {
  readonly kind: 'separator';
  readonly char: '-' | '=';
}

export interface ReceiptQrLine {
  readonly kind: 'qr';
  /** The payload, e.g. the token's 20 digits without spaces. */
  readonly data: string;
  /** Module size in dots. */
  readonly cellSize: number;
}

export interface ReceiptFeedLine {
  readonly kind: 'feed';
  readonly lines: number;
}

export interface ReceiptCutLine {
  readonly kind: 'cut';
}

export type ReceiptLine = ReceiptTextLine | ReceiptSeparatorLine | ReceiptQrLine | ReceiptFeedLine | ReceiptCutLine;

export interface ReceiptDoc {
  /** Characters per line in normal size the doc was laid out for. */
  readonly columns: number;
  readonly lines: readonly ReceiptLine[];
}

export function widthFactor(size: ReceiptTextSize): 1 | 2 {
  return size === 'double' ? 2 : 1;
}

/** How many normal-size columns a text takes at a size. */
export function visualWidth(text: string, size: ReceiptTextSize): number {
  return graphemeLength(text) * widthFactor(size);
}

/** Spaces before a text of `width` columns aligned in `columns` (as printers align: the remainder goes right). */
export function alignPadding(width: number, columns: number, align: ReceiptAlign): number {
  const free = Math.max(0, columns - width);
  if (align === 'left') return 0;
  if (align === 'right') return free;
  return Math.floor(free / 2);
}

/** The text form of a QR code and of a cut in `docToText` and in the decoder's text. */
export const QR_TEXT_PREFIX = '[QR ';
export const CUT_TEXT = '[CUT]';

/**
 * The receipt as plain text lines, one per printed line: text placed by its alignment (a double-width text keeps its
 * own characters; only its padding counts double), separators drawn across, a QR code as "[QR <data>]", a cut as
 * "[CUT]". Trailing spaces are removed.
 */
export function docToText(doc: ReceiptDoc): string[] {
  const out: string[] = [];
  for (const line of doc.lines) {
    switch (line.kind) {
      case 'text':
        out.push(placeText(line.text, line.size, line.align, doc.columns));
        break;
      case 'separator':
        out.push(line.char.repeat(doc.columns));
        break;
      case 'qr':
        out.push(`${QR_TEXT_PREFIX}${line.data}]`);
        break;
      case 'feed':
        for (let i = 0; i < line.lines; i += 1) out.push('');
        break;
      case 'cut':
        out.push(CUT_TEXT);
        break;
      default:
        assertNever(line);
    }
  }
  return out;
}

/** One text line placed in the columns, trailing spaces removed. */
export function placeText(text: string, size: ReceiptTextSize, align: ReceiptAlign, columns: number): string {
  const width = visualWidth(text, size);
  const pad = alignPadding(width, columns, align);
  return `${' '.repeat(pad)}${text}`.replace(/\s+$/u, '');
}
