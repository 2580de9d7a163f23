import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { layoutVendReceipt } from '../../../../shared/receipt/layout';
import { makePrinterProfile } from '../../../../shared/receipt/printer-profile';
import { glyphRows } from '../../../../electron/printing/bitmap-font';
import { decodeEscPos, type DecodedJob } from '../../../../electron/printing/escpos-decoder';
import { encodeReceipt } from '../../../../electron/printing/escpos-encoder';
import { renderPng } from '../../../../electron/printing/escpos-render';
import { layoutOptions, SEED_SALE, SEED_TOKEN } from '../../../support/receipt-samples';

function jobFor(paperWidth: 58 | 80): { job: DecodedJob; dotWidth: number; columns: number } {
  const profile = makePrinterProfile({ model: 'EPSON', paperWidth, characterSet: 'PC858_EURO' });
  const result = decodeEscPos(encodeReceipt(layoutVendReceipt(SEED_SALE, layoutOptions(profile.columns)), profile), 'EPSON');
  if (!result.ok) throw new Error(result.message);
  return { job: result.job, dotWidth: profile.dotWidth, columns: profile.columns };
}

const black = (png: PNG, x: number, y: number) => (png.data[(y * png.width + x) * 4] ?? 255) < 128;

describe('the PNG picture of a job', () => {
  it.each([
    [58, 384],
    [80, 576],
  ] as const)('is %i mm paper: %i dots wide, black print on white', (paperWidth, dots) => {
    const { job, dotWidth, columns } = jobFor(paperWidth);
    const png = PNG.sync.read(renderPng(job, { dotWidth, columns }));
    expect(png.width).toBe(dots);
    expect(png.height).toBeGreaterThan(600);
    let inked = 0;
    for (let y = 0; y < png.height; y += 1) for (let x = 0; x < png.width; x += 1) if (black(png, x, y)) inked += 1;
    expect(inked).toBeGreaterThan(2000);
    expect(inked).toBeLessThan(png.width * png.height * 0.3);
  });

  it("draws the token's QR code module for module, centred", () => {
    const { job, dotWidth, columns } = jobFor(80);
    const png = PNG.sync.read(renderPng(job, { dotWidth, columns }));
    const qr = job.items.find((item) => item.kind === 'qr');
    expect(qr).toBeDefined();
    const code = QRCode.create(SEED_TOKEN, { errorCorrectionLevel: 'M' });
    const size = code.modules.size;
    const module = qr && qr.kind === 'qr' ? qr.cellSize : 0;
    const left = Math.floor((dotWidth - size * module) / 2);
    // Find the symbol's top row: the first row where the finder pattern's top-left module is black.
    let top = -1;
    for (let y = 0; y < png.height && top < 0; y += 1) {
      if (black(png, left, y) && black(png, left + 6 * module, y) && !black(png, left - 1, y)) top = y;
    }
    expect(top).toBeGreaterThan(0);
    for (let row = 0; row < size; row += 1) {
      for (let col = 0; col < size; col += 1) {
        const centre = { x: left + col * module + Math.floor(module / 2), y: top + row * module + Math.floor(module / 2) };
        expect(black(png, centre.x, centre.y)).toBe(Boolean(code.modules.get(row, col)));
      }
    }
  });

  it('has a glyph for every printable ASCII character, and a box for what it cannot draw', () => {
    for (let code = 0x21; code <= 0x7e; code += 1) expect(glyphRows(String.fromCharCode(code)).some((row) => row !== 0)).toBe(true);
    expect(glyphRows(' ').every((row) => row === 0)).toBe(true);
    expect(glyphRows('é')).toEqual(glyphRows('e'));
    expect(glyphRows('€')).toEqual([0x1f, 0x11, 0x11, 0x11, 0x11, 0x11, 0x1f]);
  });
});
