import { BreakLine, PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import { assertNever } from '../../shared/errors/result';
import type { ReceiptAlign, ReceiptDoc, ReceiptTextSize } from '../../shared/receipt/receipt-doc';
import { visualWidth } from '../../shared/receipt/receipt-doc';
import type { PrinterProfile } from '../../shared/receipt/printer-profile';
import { CODE_PAGE_OF_SET, printableFor, type CodePageId } from './code-pages';

/**
 * ReceiptDoc + printer profile -> ESC/POS bytes, through node-thermal-printer's command tables and without any I/O
 * (the library is built without an interface and only its buffer is read). Deterministic: the same doc and profile
 * give the same bytes, which the golden files in test/fixtures/receipts pin.
 *
 * Where the library's output would print wrongly, this module writes the bytes itself, and says why:
 * - every job starts with ESC @ then the code page (the library starts with the code page only, so a previous job's
 *   bold or size could leak into this one);
 * - characters the code page lacks are replaced before the library sees them (it would switch code pages mid-line
 *   and never switch back);
 * - STAR QR codes: node-thermal-printer 4.6.1 omits the "ESC GS y D 1 0" header before the QR data, so a STAR printer
 *   would print the length bytes and the payload as text; the full sequence is written here.
 */
const ESC = 0x1b;
const GS = 0x1d;

export class ReceiptEncodingError extends Error {
  override readonly name = 'ReceiptEncodingError';
}

export function encodeReceipt(doc: ReceiptDoc, profile: PrinterProfile): Uint8Array {
  if (doc.columns !== profile.columns) {
    throw new ReceiptEncodingError(`the receipt was laid out for ${doc.columns} characters but the printer takes ${profile.columns}`);
  }
  const printer = new ThermalPrinter({
    type: profile.model === 'STAR' ? PrinterTypes.STAR : PrinterTypes.EPSON,
    // No interface: the library never opens a connection, a file or a driver; only its buffer is used.
    interface: '',
    width: profile.columns,
    breakLine: BreakLine.NONE,
  });
  const codePage = CODE_PAGE_OF_SET[profile.characterSet];
  printer.add(Buffer.from([ESC, 0x40]));
  printer.setCharacterSet(profile.characterSet);
  let codePageSelected = true;

  let align: ReceiptAlign = 'left';
  let bold = false;
  let size: ReceiptTextSize = 'normal';
  const setAlign = (next: ReceiptAlign) => {
    if (next === align) return;
    align = next;
    if (next === 'left') printer.alignLeft();
    else if (next === 'center') printer.alignCenter();
    else printer.alignRight();
  };
  const setSize = (next: ReceiptTextSize) => {
    if (next === size) return;
    size = next;
    if (next === 'normal') printer.setTextNormal();
    else if (next === 'double-height') printer.setTextDoubleHeight();
    else printer.setTextQuadArea();
    // EPSON's ESC ! sets emphasis too: after it, bold is off whatever it was.
    if (profile.model === 'EPSON') bold = false;
  };
  const setBold = (next: boolean) => {
    if (next === bold) return;
    bold = next;
    printer.bold(next);
  };

  for (const line of doc.lines) {
    switch (line.kind) {
      case 'text': {
        if (visualWidth(line.text, line.size) > doc.columns) {
          throw new ReceiptEncodingError(`a receipt line is wider than ${doc.columns} characters: "${line.text}"`);
        }
        if (!codePageSelected) printer.setCharacterSet(profile.characterSet);
        codePageSelected = true;
        setAlign(line.align);
        setSize(line.size);
        setBold(line.bold);
        printer.println(printableText(line.text, codePage));
        break;
      }
      case 'separator':
        setSize('normal');
        setBold(false);
        printer.drawLine(line.char);
        break;
      case 'qr':
        setAlign('center');
        if (profile.model === 'STAR') printer.add(starQr(line.data, line.cellSize));
        else printer.printQR(line.data, { cellSize: line.cellSize, correction: 'M', model: 2 });
        break;
      case 'feed':
        for (let i = 0; i < line.lines; i += 1) printer.newLine();
        break;
      case 'cut':
        // Feeds to the cutter, cuts, and resets the printer (ESC @); the reset clears the modes tracked here.
        printer.cut();
        align = 'left';
        bold = false;
        size = 'normal';
        codePageSelected = false;
        break;
      default:
        assertNever(line);
    }
  }
  return new Uint8Array(printer.getBuffer());
}

/** `copies` prints of one receipt, each ending with its own cut. */
export function encodeCopies(doc: ReceiptDoc, profile: PrinterProfile, copies: number): Uint8Array {
  const one = encodeReceipt(doc, profile);
  const out = new Uint8Array(one.length * copies);
  for (let i = 0; i < copies; i += 1) out.set(one, i * one.length);
  return out;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** One printable character per grapheme (see code-pages.ts), control characters and other spaces as spaces. */
export function printableText(text: string, codePage: CodePageId): string {
  let out = '';
  for (const { segment } of segmenter.segment(text)) {
    const code = segment.length === 1 ? segment.charCodeAt(0) : 0x20;
    // Control characters and every Unicode space (the locale date style puts U+202F before "PM") print as a space.
    out += code < 0x20 || code === 0x7f || /^\p{Zs}$/u.test(segment) ? ' ' : printableFor(codePage, segment);
  }
  return out;
}

/** STAR line mode QR: model 2, correction M, cell size, "ESC GS y D 1 0 nL nH data", print. */
function starQr(data: string, cellSize: number): Buffer {
  const payload = Buffer.from(data, 'latin1');
  return Buffer.concat([
    Buffer.from([ESC, GS, 0x79, 0x53, 0x30, 0x02]),
    Buffer.from([ESC, GS, 0x79, 0x53, 0x31, 0x01]),
    Buffer.from([ESC, GS, 0x79, 0x53, 0x32, cellSize]),
    Buffer.from([ESC, GS, 0x79, 0x44, 0x31, 0x00, payload.length % 256, Math.floor(payload.length / 256)]),
    payload,
    Buffer.from([ESC, GS, 0x79, 0x50]),
  ]);
}
