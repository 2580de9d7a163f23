import { BreakLine, CharacterSet, PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import { describe, expect, it } from 'vitest';
import { charOfByte, type CodePageId } from '../../../../electron/printing/code-pages';
import { decodeEscPos, type DecodedItem, type DecodedTextLine } from '../../../../electron/printing/escpos-decoder';
import { decodedToText } from '../../../../electron/printing/escpos-render';

/** node-thermal-printer without an interface: only its buffer is read, nothing is opened. */
function library(type: PrinterTypes, width = 42, characterSet: CharacterSet = CharacterSet.PC858_EURO): ThermalPrinter {
  return new ThermalPrinter({ type, interface: '', width, characterSet, breakLine: BreakLine.NONE });
}

const texts = (items: readonly DecodedItem[]) => items.filter((item): item is DecodedTextLine => item.kind === 'text');

describe("node-thermal-printer's EPSON output", () => {
  it('reads the receipt of toolchain.md section 5 (PC858, width 42): text, alignment, bold, the QR payload, the cut', () => {
    const p = library(PrinterTypes.EPSON);
    p.alignCenter();
    p.bold(true);
    p.println('Café Mundo');
    p.bold(false);
    p.alignLeft();
    p.leftRight('Coffee x2', '5.00 EUR');
    p.leftRight('Croissant', '2.10 EUR');
    p.drawLine();
    p.bold(true);
    p.leftRight('TOTAL', '7.10 EUR');
    p.bold(false);
    p.alignCenter();
    p.printQR('https://example.com/r/123', { cellSize: 4, correction: 'M', model: 2 });
    p.newLine();
    p.cut();
    const bytes = new Uint8Array(p.getBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0x1b, 0x74, 0x13]);

    const result = decodeEscPos(bytes, 'EPSON');
    if (!result.ok) throw new Error(result.message);
    const lines = texts(result.job.items);
    expect(lines[0]).toMatchObject({ text: 'Café Mundo', align: 'center', bold: true });
    expect(lines[1]).toMatchObject({ text: `Coffee x2${' '.repeat(42 - 17)}5.00 EUR`, align: 'left', bold: false });
    expect(lines[3]?.text).toBe('-'.repeat(42));
    expect(lines[4]).toMatchObject({ text: `TOTAL${' '.repeat(42 - 13)}7.10 EUR`, bold: true });
    expect(result.job.items.find((item) => item.kind === 'qr')).toMatchObject({ data: 'https://example.com/r/123', cellSize: 4, correction: 'M', model: 2, align: 'center' });
    expect(result.job.items.filter((item) => item.kind === 'cut')).toEqual([expect.objectContaining({ partial: false })]);
    expect(result.job.items[result.job.items.length - 1]).toMatchObject({ kind: 'init' });
    expect(decodedToText(result.job, 42)).toEqual([
      '                Café Mundo',
      lines[1]!.text,
      lines[2]!.text,
      '-'.repeat(42),
      lines[4]!.text,
      '[QR https://example.com/r/123]',
      '',
      '[CUT]',
    ]);
  });

  it('reads the rest of its text commands: sizes, underline, invert, fonts, feeds, line spacing, drawer, beep, partial cut', () => {
    const p = library(PrinterTypes.EPSON, 48, CharacterSet.PC437_USA);
    p.setTextDoubleHeight();
    p.println('tall');
    p.setTextDoubleWidth();
    p.println('wide');
    p.setTextQuadArea();
    p.println('big');
    p.setTextSize(2, 3);
    p.println('x3x4');
    p.setTextNormal();
    p.underline(true);
    p.println('under');
    p.underlineThick(false);
    p.invert(true);
    p.println('inverted');
    p.invert(false);
    p.setTypeFontB();
    p.setTypeFontA();
    p.alignRight();
    p.println('right');
    p.upsideDown(true);
    p.upsideDown(false);
    p.setLineSpacing(40);
    p.resetLineSpacing();
    p.printVerticalTab();
    p.table(['a', 'b', 'c']);
    p.beep(2, 3);
    p.partialCut();
    const result = decodeEscPos(new Uint8Array(p.getBuffer()), 'EPSON');
    if (!result.ok) throw new Error(`${result.offset}: ${result.message}`);
    const lines = texts(result.job.items);
    expect(lines.map((l) => [l.text.trimEnd(), l.widthScale, l.heightScale])).toEqual([
      ['tall', 1, 2],
      ['wide', 2, 1],
      ['big', 2, 2],
      // setTextSize(2, 3) writes GS ! 0x23: ESC/POS reads the high nibble as the width (x3) and the low as the height (x4).
      ['x3x4', 3, 4],
      ['under', 1, 1],
      ['inverted', 1, 1],
      ['right', 1, 1],
      ['a               b               c', 1, 1],
    ]);
    expect(lines[4]?.runs[0]?.underline).toBe(true);
    expect(lines[5]?.runs[0]?.invert).toBe(true);
    expect(lines[6]?.align).toBe('right');
    expect(result.job.items.filter((item) => item.kind === 'beep')).toHaveLength(1);
    expect(result.job.items.find((item) => item.kind === 'cut')).toMatchObject({ partial: true });
  });

  it("refuses its EPSON cash drawer kick, which leaves out ESC p's two pulse bytes", () => {
    const p = library(PrinterTypes.EPSON);
    p.openCashDrawer();
    const bytes = new Uint8Array(p.getBuffer());
    // ESC t 19, then ESC p 0 and ESC p 1: a printer takes "ESC p 1" as the pulse times of the first and meets 0x01.
    expect([...bytes]).toEqual([0x1b, 0x74, 19, 0x1b, 0x70, 0x00, 0x1b, 0x70, 0x01]);
    expect(decodeEscPos(bytes, 'EPSON')).toMatchObject({ ok: false, offset: 8 });
    expect(decodeEscPos(Uint8Array.from([0x1b, 0x70, 0x00, 0x19, 0xfa]), 'EPSON')).toMatchObject({ ok: true, job: { items: [{ kind: 'drawer' }] } });
  });

  it('reads the characters of every code page we select exactly as node-thermal-printer encodes them', () => {
    const sets: Array<[CharacterSet, CodePageId, number]> = [
      [CharacterSet.PC437_USA, 'CP437', 0],
      [CharacterSet.PC850_MULTILINGUAL, 'CP850', 2],
      [CharacterSet.PC858_EURO, 'CP858', 19],
      [CharacterSet.WPC1252, 'CP1252', 16],
      [CharacterSet.PC866_CYRILLIC2, 'CP866', 17],
      [CharacterSet.WPC1251_CYRILLIC, 'CP1251', 46],
    ];
    for (const [set, page, selector] of sets) {
      const chars: string[] = [];
      for (let byte = 0x80; byte <= 0xff; byte += 1) {
        const char = charOfByte(page, byte);
        if (char !== undefined && char !== '\u00a0' && char !== '\u00ad') chars.push(char);
      }
      const p = library(PrinterTypes.EPSON, 200, set);
      p.println(chars.join(''));
      const bytes = new Uint8Array(p.getBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0x1b, 0x74, selector]);
      expect(bytes.length).toBe(3 + chars.length + 1);
      const result = decodeEscPos(bytes, 'EPSON');
      if (!result.ok) throw new Error(result.message);
      expect(texts(result.job.items)[0]?.text).toBe(chars.join(''));
    }
  });

  it('reads the status requests in a job: DLE EOT (real time) and GS r', () => {
    const result = decodeEscPos(Uint8Array.from([0x10, 0x04, 0x01, 0x10, 0x04, 0x04, 0x1d, 0x72, 0x01]), 'EPSON');
    if (!result.ok) throw new Error(result.message);
    expect(result.job.items).toEqual([
      { kind: 'status-request', offset: 0, realtime: true, n: 1 },
      { kind: 'status-request', offset: 3, realtime: true, n: 4 },
      { kind: 'status-request', offset: 6, realtime: false, n: 1 },
    ]);
  });
});

describe("node-thermal-printer's STAR output", () => {
  it('reads its text, styles, alignment, code page and cut', () => {
    const p = library(PrinterTypes.STAR, 48, CharacterSet.PC858_EURO);
    p.alignCenter();
    p.bold(true);
    p.println('Centre bold');
    p.bold(false);
    p.setTextQuadArea();
    p.println('1567 8662');
    p.setTextNormal();
    p.alignRight();
    p.underline(true);
    p.println('Prix: 5 €');
    p.underline(false);
    p.invert(true);
    p.println('inv');
    p.invert(false);
    p.alignLeft();
    p.drawLine('=');
    p.openCashDrawer();
    p.cut();
    const result = decodeEscPos(new Uint8Array(p.getBuffer()), 'STAR');
    if (!result.ok) throw new Error(`${result.offset}: ${result.message}`);
    const lines = texts(result.job.items);
    expect(lines.map((l) => ({ text: l.text, align: l.align, bold: l.bold, w: l.widthScale, h: l.heightScale }))).toEqual([
      { text: 'Centre bold', align: 'center', bold: true, w: 1, h: 1 },
      { text: '1567 8662', align: 'center', bold: false, w: 2, h: 2 },
      { text: 'Prix: 5 €', align: 'right', bold: false, w: 1, h: 1 },
      { text: 'inv', align: 'right', bold: false, w: 1, h: 1 },
      { text: '='.repeat(48), align: 'left', bold: false, w: 1, h: 1 },
    ]);
    expect(lines[2]?.runs[0]?.underline).toBe(true);
    expect(lines[3]?.runs[0]?.invert).toBe(true);
    expect(result.job.items.some((item) => item.kind === 'drawer')).toBe(true);
    expect(decodedToText(result.job, 48).slice(-1)).toEqual(['[CUT]']);
  });

  it("refuses node-thermal-printer 4.6.1's STAR QR code at the byte where its data header is missing", () => {
    const p = library(PrinterTypes.STAR, 48);
    p.printQR('12345678901234567890', { cellSize: 4 });
    const bytes = new Uint8Array(p.getBuffer());
    // ESC GS t n (4 bytes), then model, correction and cell size (6 bytes each); then nL nH with no ESC GS y D 1 0.
    expect([...bytes.subarray(22, 24)]).toEqual([20, 0]);
    const result = decodeEscPos(bytes, 'STAR');
    expect(result).toMatchObject({ ok: false, offset: 22 });
    if (!result.ok) expect(result.message).toContain('0x14');
  });
});

describe('refusals name the offset', () => {
  const cases: Array<[string, number[], 'EPSON' | 'STAR', number, RegExp]> = [
    ['an unknown ESC command', [0x41, 0x1b, 0x63, 0x30, 0x01], 'EPSON', 1, /ESC 0x63/],
    ['a barcode (GS k)', [0x1d, 0x6b, 0x04, 0x41, 0x00], 'EPSON', 0, /GS 0x6b/],
    ['a PDF417 symbol', [0x1d, 0x28, 0x6b, 0x03, 0x00, 0x30, 0x41, 0x00], 'EPSON', 0, /not a QR code/],
    ['a command cut off by the end of the job', [0x41, 0x42, 0x1d, 0x28, 0x6b, 0x10, 0x00, 0x31], 'EPSON', 2, /ends in the middle/],
    ['a control byte', [0x41, 0x0a, 0x14], 'EPSON', 2, /0x14/],
    ['a code page it cannot read', [0x1b, 0x74, 99], 'EPSON', 0, /Code page 99/],
    ['an international character set', [0x1b, 0x52, 0x03], 'EPSON', 0, /International character set 3/],
    ['a QR printed before data', [0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30], 'EPSON', 0, /before any QR data/],
    ['an ESC/POS command sent to a STAR printer', [0x1d, 0x56, 0x00], 'STAR', 0, /0x1d/],
    ['an unknown STAR command', [0x1b, 0x1d, 0x7a, 0x00], 'STAR', 0, /ESC GS 0x7a/],
    ['a DLE EOT for a status that does not exist', [0x10, 0x04, 0x07], 'EPSON', 0, /DLE EOT 7/],
  ];
  it.each(cases)('%s', (_name, bytes, model, offset, message) => {
    const result = decodeEscPos(Uint8Array.from(bytes), model);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.offset).toBe(offset);
    expect(result.message).toMatch(message);
    expect(result.message).toContain(`offset ${offset}`);
  });

  it('keeps what it read before the refusal', () => {
    const result = decodeEscPos(Uint8Array.from([0x41, 0x0a, 0x1b, 0x63]), 'EPSON');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(texts(result.partial.items).map((l) => l.text)).toEqual(['A']);
  });
});

describe('printer behaviour', () => {
  it('takes the alignment at the start of a line, as ESC/POS printers do', () => {
    const result = decodeEscPos(Uint8Array.from([0x1b, 0x61, 0x01, 0x41, 0x1b, 0x61, 0x02, 0x42, 0x0a]), 'EPSON');
    if (!result.ok) throw new Error(result.message);
    expect(texts(result.job.items)[0]).toMatchObject({ text: 'AB', align: 'center' });
  });

  it('prints pending text as the first line of a feed', () => {
    const result = decodeEscPos(Uint8Array.from([0x41, 0x1b, 0x64, 0x03, 0x1b, 0x64, 0x02]), 'EPSON');
    if (!result.ok) throw new Error(result.message);
    expect(result.job.items.map((item) => (item.kind === 'feed' ? `feed ${item.lines}` : item.kind === 'text' ? item.text : item.kind))).toEqual(['A', 'feed 2', 'feed 2']);
    expect(decodedToText(result.job, 32)).toEqual(['A', '', '', '', '']);
  });

  it('ESC ! sets bold and size together, so it turns bold off', () => {
    const result = decodeEscPos(Uint8Array.from([0x1b, 0x45, 0x01, 0x1b, 0x21, 0x10, 0x41, 0x0a]), 'EPSON');
    if (!result.ok) throw new Error(result.message);
    expect(texts(result.job.items)[0]).toMatchObject({ bold: false, heightScale: 2 });
  });

  it('ESC @ resets the modes and the code page', () => {
    const result = decodeEscPos(Uint8Array.from([0x1b, 0x74, 19, 0x1b, 0x45, 0x01, 0x1b, 0x40, 0xd5, 0x0a]), 'EPSON');
    if (!result.ok) throw new Error(result.message);
    expect(texts(result.job.items)[0]).toMatchObject({ text: '╒', bold: false });
  });
});
