import type { PrinterModel } from '../../shared/receipt/printer-profile';
import type { ReceiptAlign } from '../../shared/receipt/receipt-doc';
import { charOfByte, codePageForSelection, type CodePageId } from './code-pages';

/**
 * Our ESC/POS reader: bytes -> printed lines (with alignment, bold, size), QR codes, feeds, cuts and status
 * requests. It knows the commands node-thermal-printer writes for EPSON (ESC/POS) and STAR (line mode) printers
 * plus the few every receipt printer takes (LF, CR, HT, DLE EOT), and it REFUSES anything else, naming the byte
 * offset: a command it does not know could print garbage on a real printer, so a test or the virtual printer must
 * see it rather than skip it. Pure: no I/O.
 *
 * Printer behaviour modelled: alignment is taken at the start of a line (ESC/POS honours ESC a only there); ESC ! on
 * EPSON sets bold, size and underline at once; a feed command with text pending prints that text as its first line.
 */
export type DecodedQrCorrection = 'L' | 'M' | 'Q' | 'H';

export interface DecodedRun {
  readonly text: string;
  readonly bold: boolean;
  readonly widthScale: number;
  readonly heightScale: number;
  readonly underline: boolean;
  readonly invert: boolean;
}

export interface DecodedTextLine {
  readonly kind: 'text';
  readonly offset: number;
  readonly text: string;
  readonly align: ReceiptAlign;
  /** Every visible character is bold. */
  readonly bold: boolean;
  readonly widthScale: number;
  readonly heightScale: number;
  readonly runs: readonly DecodedRun[];
}

export interface DecodedQr {
  readonly kind: 'qr';
  readonly offset: number;
  readonly data: string;
  readonly model: number;
  readonly cellSize: number;
  readonly correction: DecodedQrCorrection;
  readonly align: ReceiptAlign;
}

export interface DecodedFeed {
  readonly kind: 'feed';
  readonly offset: number;
  /** Blank lines fed (after the pending text, if any, was printed). */
  readonly lines: number;
  /** Feeds given in dots (ESC J) rather than lines. */
  readonly dots: number;
}

export interface DecodedCut {
  readonly kind: 'cut';
  readonly offset: number;
  readonly partial: boolean;
}

export interface DecodedStatusRequest {
  readonly kind: 'status-request';
  readonly offset: number;
  /** DLE EOT n (real time, answered even while offline) or GS r n (answered when the buffer reaches it). */
  readonly realtime: boolean;
  readonly n: number;
}

export interface DecodedControl {
  readonly kind: 'init' | 'drawer' | 'beep';
  readonly offset: number;
}

export type DecodedItem = DecodedTextLine | DecodedQr | DecodedFeed | DecodedCut | DecodedStatusRequest | DecodedControl;

export interface DecodedJob {
  readonly model: PrinterModel;
  readonly items: readonly DecodedItem[];
}

export type DecodeResult =
  | { readonly ok: true; readonly job: DecodedJob }
  | { readonly ok: false; readonly offset: number; readonly message: string; readonly partial: DecodedJob };

const LF = 0x0a;
const CR = 0x0d;
const HT = 0x09;
const VT = 0x0b;
const ESC = 0x1b;
const GS = 0x1d;
const DLE = 0x10;
const EOT = 0x04;
const BEL = 0x07;
const SI = 0x0f;
const DC2 = 0x12;
const RS = 0x1e;

class Refused extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

const hex = (byte: number) => `0x${byte.toString(16).padStart(2, '0')}`;

interface Style {
  bold: boolean;
  widthScale: number;
  heightScale: number;
  underline: boolean;
  invert: boolean;
}

/** Decodes a whole job (one connection's bytes) for a printer model's command set. */
export function decodeEscPos(input: Uint8Array, model: PrinterModel): DecodeResult {
  const decoder = new Decoder(input, model);
  try {
    decoder.run();
    return { ok: true, job: decoder.job() };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, offset: error.offset, message: error.message, partial: decoder.job() };
    throw error;
  }
}

class Decoder {
  private pos = 0;
  private readonly items: DecodedItem[] = [];
  private runs: DecodedRun[] = [];
  private lineStart = -1;
  private lineAlign: ReceiptAlign = 'left';
  private align: ReceiptAlign = 'left';
  private style: Style = plainStyle();
  private codePage: CodePageId = 'CP437';
  private qr = { model: 2, cellSize: 3, correction: 'L' as DecodedQrCorrection, data: null as string | null };

  constructor(
    private readonly bytes: Uint8Array,
    private readonly model: PrinterModel,
  ) {}

  job(): DecodedJob {
    return { model: this.model, items: [...this.items] };
  }

  run(): void {
    while (this.pos < this.bytes.length) {
      const start = this.pos;
      const byte = this.next(start, 'a byte');
      if (byte >= 0x20 && byte !== 0x7f) {
        this.addChar(start, byte);
      } else if (byte === LF) {
        this.flushLine(start, true);
      } else if (byte === CR) {
        // Ignored, as printers with auto line feed off do.
      } else if (byte === HT) {
        const width = this.pendingLength();
        for (let i = width; i < (Math.floor(width / 8) + 1) * 8; i += 1) this.addChar(start, 0x20);
      } else if (byte === DLE) {
        this.dle(start);
      } else if (byte === ESC) {
        if (this.model === 'STAR') this.starEsc(start);
        else this.epsonEsc(start);
      } else if (byte === GS && this.model === 'EPSON') {
        this.epsonGs(start);
      } else if (this.model === 'STAR' && byte === VT) {
        this.feed(start, 1, 0);
      } else if (this.model === 'STAR' && (byte === SI || byte === DC2)) {
        // Upside-down printing on / off: a print mode, no effect on the text read back.
      } else if (this.model === 'STAR' && byte === BEL) {
        this.items.push({ kind: 'drawer', offset: start });
      } else {
        throw new Refused(start, `Unknown control byte ${hex(byte)} at offset ${start}.`);
      }
    }
    if (this.runs.length > 0) this.flushLine(this.bytes.length, false);
  }

  private next(commandStart: number, what: string): number {
    const byte = this.bytes[this.pos];
    if (byte === undefined) throw new Refused(commandStart, `The job ends in the middle of a command (${what}) that starts at offset ${commandStart}.`);
    this.pos += 1;
    return byte;
  }

  private take(commandStart: number, count: number, what: string): Uint8Array {
    if (this.pos + count > this.bytes.length) {
      throw new Refused(commandStart, `The job ends in the middle of a command (${what}) that starts at offset ${commandStart}.`);
    }
    const out = this.bytes.subarray(this.pos, this.pos + count);
    this.pos += count;
    return out;
  }

  private pendingLength(): number {
    return this.runs.reduce((sum, run) => sum + Array.from(run.text).length, 0);
  }

  private addChar(offset: number, byte: number): void {
    const char = charOfByte(this.codePage, byte) ?? '?';
    if (this.runs.length === 0) {
      this.lineStart = offset;
      this.lineAlign = this.align;
    }
    const last = this.runs[this.runs.length - 1];
    if (last && sameStyle(last, this.style)) {
      this.runs[this.runs.length - 1] = { ...last, text: last.text + char };
    } else {
      this.runs.push({ text: char, ...this.style });
    }
  }

  /** Prints the pending text as a line; with `always`, an empty line too (LF on an empty buffer feeds one line). */
  private flushLine(offset: number, always: boolean): boolean {
    if (this.runs.length === 0 && !always) return false;
    const runs = this.runs;
    const visible = runs.filter((run) => run.text.trim() !== '');
    this.items.push({
      kind: 'text',
      offset: runs.length > 0 ? this.lineStart : offset,
      text: runs.map((run) => run.text).join(''),
      align: runs.length > 0 ? this.lineAlign : this.align,
      bold: visible.length > 0 && visible.every((run) => run.bold),
      widthScale: Math.max(1, ...runs.map((run) => run.widthScale)),
      heightScale: Math.max(1, ...runs.map((run) => run.heightScale)),
      runs,
    });
    this.runs = [];
    return true;
  }

  /** A feed command: pending text prints as the first line fed. */
  private feed(offset: number, lines: number, dots: number): void {
    const printed = this.flushLine(offset, false);
    const blank = printed ? Math.max(0, lines - 1) : lines;
    if (blank > 0 || dots > 0) this.items.push({ kind: 'feed', offset, lines: blank, dots });
  }

  private cut(offset: number, partial: boolean): void {
    this.flushLine(offset, false);
    this.items.push({ kind: 'cut', offset, partial });
  }

  private reset(offset: number): void {
    this.flushLine(offset, false);
    this.align = 'left';
    this.style = plainStyle();
    this.codePage = 'CP437';
    this.qr = { model: 2, cellSize: 3, correction: 'L', data: null };
    this.items.push({ kind: 'init', offset });
  }

  private setAlign(offset: number, n: number): void {
    const value = ({ 0: 'left', 48: 'left', 1: 'center', 49: 'center', 2: 'right', 50: 'right' } as Record<number, ReceiptAlign>)[n];
    if (!value) throw new Refused(offset, `Alignment ${n} at offset ${offset} is not left, centre or right.`);
    this.align = value;
  }

  private selectCodePage(offset: number, n: number): void {
    const page = codePageForSelection(this.model, n);
    if (!page) throw new Refused(offset, `Code page ${n} selected at offset ${offset} is not one this decoder can read.`);
    this.codePage = page;
  }

  private printQr(offset: number): void {
    if (this.qr.data === null) throw new Refused(offset, `A QR code is printed at offset ${offset} before any QR data was stored.`);
    this.flushLine(offset, false);
    this.items.push({ kind: 'qr', offset, data: this.qr.data, model: this.qr.model, cellSize: this.qr.cellSize, correction: this.qr.correction, align: this.align });
  }

  private dle(start: number): void {
    const command = this.next(start, 'DLE');
    if (command !== EOT) throw new Refused(start, `Unknown command DLE ${hex(command)} at offset ${start}.`);
    const n = this.next(start, 'DLE EOT n');
    if (n < 1 || n > 4) throw new Refused(start, `DLE EOT ${n} at offset ${start} asks for a status that does not exist (1 to 4).`);
    this.items.push({ kind: 'status-request', offset: start, realtime: true, n });
  }

  private epsonEsc(start: number): void {
    const command = this.next(start, 'ESC');
    const arg = (what: string) => this.next(start, what);
    switch (command) {
      case 0x40: // ESC @
        this.reset(start);
        return;
      case 0x21: {
        // ESC ! n: font, emphasis, double height, double width, underline at once.
        const n = arg('ESC ! n');
        this.style = { ...this.style, bold: (n & 0x08) !== 0, heightScale: n & 0x10 ? 2 : 1, widthScale: n & 0x20 ? 2 : 1, underline: (n & 0x80) !== 0 };
        return;
      }
      case 0x45: // ESC E n
        this.style = { ...this.style, bold: (arg('ESC E n') & 1) === 1 };
        return;
      case 0x47: // ESC G n (double strike): looks like bold on paper; not read as bold.
        arg('ESC G n');
        return;
      case 0x2d: {
        const n = arg('ESC - n');
        if (![0, 1, 2, 48, 49, 50].includes(n)) throw new Refused(start, `Underline mode ${n} at offset ${start} is not 0, 1 or 2.`);
        this.style = { ...this.style, underline: n % 48 !== 0 };
        return;
      }
      case 0x61:
        this.setAlign(start, arg('ESC a n'));
        return;
      case 0x74:
        this.selectCodePage(start, arg('ESC t n'));
        return;
      case 0x52: {
        const n = arg('ESC R n');
        if (n !== 0) throw new Refused(start, `International character set ${n} at offset ${start} replaces ASCII characters; only 0 (USA) is read.`);
        return;
      }
      case 0x64: // ESC d n: print and feed n lines
        this.feed(start, arg('ESC d n'), 0);
        return;
      case 0x4a: // ESC J n: print and feed n dots
        this.feed(start, 0, arg('ESC J n'));
        return;
      case 0x32: // ESC 2: default line spacing
        return;
      case 0x33: // ESC 3 n: line spacing
        arg('ESC 3 n');
        return;
      case 0x4d: {
        const n = arg('ESC M n');
        if (![0, 1, 48, 49].includes(n)) throw new Refused(start, `Font ${n} at offset ${start} is not font A or B.`);
        return;
      }
      case 0x7b: // ESC { n: upside down
        arg('ESC { n');
        return;
      case 0x3d: // ESC = n: select peripheral device
        arg('ESC = n');
        return;
      case 0x70: // ESC p m t1 t2: drawer kick
        this.take(start, 3, 'ESC p m t1 t2');
        this.items.push({ kind: 'drawer', offset: start });
        return;
      case 0x42: // ESC B n t: buzzer (node-thermal-printer's beep)
        this.take(start, 2, 'ESC B n t');
        this.items.push({ kind: 'beep', offset: start });
        return;
      default:
        throw new Refused(start, `Unknown command ESC ${hex(command)} at offset ${start}.`);
    }
  }

  private epsonGs(start: number): void {
    const command = this.next(start, 'GS');
    switch (command) {
      case 0x21: {
        const n = this.next(start, 'GS ! n');
        const width = (n >> 4) + 1;
        const height = (n & 0x0f) + 1;
        if (width > 8 || height > 8) throw new Refused(start, `Character size ${hex(n)} at offset ${start} is larger than 8 times.`);
        this.style = { ...this.style, widthScale: width, heightScale: height };
        return;
      }
      case 0x42: // GS B n: reverse
        this.style = { ...this.style, invert: (this.next(start, 'GS B n') & 1) === 1 };
        return;
      case 0x56: {
        const m = this.next(start, 'GS V m');
        if (m === 0 || m === 48) return this.cut(start, false);
        if (m === 1 || m === 49) return this.cut(start, true);
        if (m === 65 || m === 66 || m === 97 || m === 98 || m === 103 || m === 104) {
          const n = this.next(start, 'GS V m n');
          if (m !== 103 && m !== 104) this.feed(start, 0, n);
          return this.cut(start, m === 66 || m === 98 || m === 104);
        }
        throw new Refused(start, `Cut mode ${m} at offset ${start} is not a known GS V mode.`);
      }
      case 0x72: {
        const n = this.next(start, 'GS r n');
        if (![1, 2, 4, 49, 50, 52].includes(n)) throw new Refused(start, `GS r ${n} at offset ${start} asks for an unknown status.`);
        this.items.push({ kind: 'status-request', offset: start, realtime: false, n: n % 48 });
        return;
      }
      case 0x28: {
        const fn = this.next(start, 'GS ( fn');
        if (fn !== 0x6b) throw new Refused(start, `Unknown command GS ( ${hex(fn)} at offset ${start}.`);
        const [pL = 0, pH = 0] = this.take(start, 2, 'GS ( k pL pH');
        const body = this.take(start, pL + pH * 256, 'GS ( k data');
        this.epsonSymbol(start, body);
        return;
      }
      default:
        throw new Refused(start, `Unknown command GS ${hex(command)} at offset ${start}.`);
    }
  }

  /** GS ( k with cn 49 (QR code); other symbols (PDF417, MaxiCode) are refused. */
  private epsonSymbol(start: number, body: Uint8Array): void {
    const [cn, fn, ...rest] = body;
    if (cn !== 0x31) throw new Refused(start, `GS ( k symbol ${cn === undefined ? 'none' : hex(cn)} at offset ${start} is not a QR code; only QR codes are read.`);
    switch (fn) {
      case 0x41: {
        const n1 = rest[0] ?? 0;
        if (n1 !== 0x31 && n1 !== 0x32) throw new Refused(start, `QR model ${hex(n1)} at offset ${start} is not model 1 or 2.`);
        this.qr.model = n1 - 0x30;
        return;
      }
      case 0x43:
        this.qr.cellSize = rest[0] ?? 3;
        return;
      case 0x45: {
        const level = (['L', 'M', 'Q', 'H'] as const)[(rest[0] ?? 0) - 0x30];
        if (!level) throw new Refused(start, `QR error correction ${rest[0] ?? 'none'} at offset ${start} is not L, M, Q or H.`);
        this.qr.correction = level;
        return;
      }
      case 0x50:
        if (rest[0] !== 0x30) throw new Refused(start, `QR data at offset ${start} does not use storage mode 48.`);
        this.qr.data = Buffer.from(rest.slice(1)).toString('latin1');
        return;
      case 0x51:
        this.printQr(start);
        return;
      default:
        throw new Refused(start, `QR function ${fn === undefined ? 'none' : fn} at offset ${start} is not one this decoder reads.`);
    }
  }

  private starEsc(start: number): void {
    const command = this.next(start, 'ESC');
    const arg = (what: string) => this.next(start, what);
    switch (command) {
      case 0x40:
        this.reset(start);
        return;
      case 0x45: // ESC E: emphasis on
        this.style = { ...this.style, bold: true };
        return;
      case 0x46: // ESC F: emphasis off
        this.style = { ...this.style, bold: false };
        return;
      case 0x34:
        this.style = { ...this.style, invert: true };
        return;
      case 0x35:
        this.style = { ...this.style, invert: false };
        return;
      case 0x2d: {
        const n = arg('ESC - n');
        if (![0, 1, 2, 48, 49, 50].includes(n)) throw new Refused(start, `Underline mode ${n} at offset ${start} is not 0, 1 or 2.`);
        this.style = { ...this.style, underline: n % 48 !== 0 };
        return;
      }
      case 0x69: {
        // ESC i n1 n2: height and width multipliers (0 = normal).
        const height = arg('ESC i n1') + 1;
        const width = arg('ESC i n2') + 1;
        if (width > 6 || height > 6) throw new Refused(start, `Character size at offset ${start} is larger than 6 times.`);
        this.style = { ...this.style, widthScale: width, heightScale: height };
        return;
      }
      case 0x64: {
        // ESC d n: cut (0 full, 1 partial at the print position; 2, 3 after feeding to the cutter).
        const n = arg('ESC d n');
        if (n > 3 && n !== 48 && n !== 49 && n !== 50 && n !== 51) throw new Refused(start, `Cut mode ${n} at offset ${start} is not 0 to 3.`);
        this.cut(start, n % 2 === 1);
        return;
      }
      case 0x61: // ESC a n: feed n lines
        this.feed(start, arg('ESC a n'), 0);
        return;
      case 0x4a: // ESC J n: feed n/4 mm
        this.feed(start, 0, arg('ESC J n'));
        return;
      case 0x07: // ESC BEL n1 n2: drawer pulse widths
        this.take(start, 2, 'ESC BEL n1 n2');
        return;
      case RS: {
        const sub = arg('ESC RS');
        if (sub !== 0x46) throw new Refused(start, `Unknown command ESC RS ${hex(sub)} at offset ${start}.`);
        arg('ESC RS F n');
        return;
      }
      case GS:
        this.starEscGs(start);
        return;
      default:
        throw new Refused(start, `Unknown command ESC ${hex(command)} at offset ${start}.`);
    }
  }

  private starEscGs(start: number): void {
    const command = this.next(start, 'ESC GS');
    switch (command) {
      case 0x61:
        this.setAlign(start, this.next(start, 'ESC GS a n'));
        return;
      case 0x74:
        this.selectCodePage(start, this.next(start, 'ESC GS t n'));
        return;
      case 0x79: {
        const sub = this.next(start, 'ESC GS y');
        if (sub === 0x53) {
          const which = this.next(start, 'ESC GS y S');
          const n = this.next(start, 'ESC GS y S n');
          if (which === 0x30) {
            if (n !== 1 && n !== 2) throw new Refused(start, `QR model ${n} at offset ${start} is not model 1 or 2.`);
            this.qr.model = n;
          } else if (which === 0x31) {
            const level = (['L', 'M', 'Q', 'H'] as const)[n];
            if (!level) throw new Refused(start, `QR error correction ${n} at offset ${start} is not 0 to 3.`);
            this.qr.correction = level;
          } else if (which === 0x32) {
            this.qr.cellSize = n;
          } else {
            throw new Refused(start, `Unknown QR setting ESC GS y S ${hex(which)} at offset ${start}.`);
          }
          return;
        }
        if (sub === 0x44) {
          const mode = this.next(start, 'ESC GS y D');
          if (mode !== 0x31) throw new Refused(start, `QR data mode ${hex(mode)} at offset ${start} is not automatic (0x31).`);
          this.next(start, 'ESC GS y D 1 m');
          const [nL = 0, nH = 0] = this.take(start, 2, 'ESC GS y D 1 m nL nH');
          this.qr.data = Buffer.from(this.take(start, nL + nH * 256, 'QR data')).toString('latin1');
          return;
        }
        if (sub === 0x50) {
          this.printQr(start);
          return;
        }
        throw new Refused(start, `Unknown QR command ESC GS y ${hex(sub)} at offset ${start}.`);
      }
      default:
        throw new Refused(start, `Unknown command ESC GS ${hex(command)} at offset ${start}.`);
    }
  }
}

function plainStyle(): Style {
  return { bold: false, widthScale: 1, heightScale: 1, underline: false, invert: false };
}

function sameStyle(a: Style, b: Style): boolean {
  return a.bold === b.bold && a.widthScale === b.widthScale && a.heightScale === b.heightScale && a.underline === b.underline && a.invert === b.invert;
}
