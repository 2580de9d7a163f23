import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { assertNever } from '../../shared/errors/result';
import { graphemeLength } from '../../shared/format/text';
import { alignPadding, CUT_TEXT, QR_TEXT_PREFIX } from '../../shared/receipt/receipt-doc';
import type { DecodedItem, DecodedJob, DecodedTextLine } from './escpos-decoder';
import { GLYPH_HEIGHT, GLYPH_WIDTH, glyphRows } from './bitmap-font';

/**
 * What a decoded job looks like on paper: as text lines (the same form as `docToText` of the ReceiptDoc it was
 * encoded from, so a test can compare the two) and as a PNG picture as wide as the paper's printable dots (384 on
 * 58 mm, 576 on 80 mm), drawn with our 5x7 font in 12x24-dot character cells and QR codes from the `qrcode`
 * package's module matrix. Feeds that only move the paper to the cutter are not lines of the receipt: a run of
 * feed commands right before a cut shows as the cut alone in the text (the picture keeps the blank paper).
 */
export function decodedToText(job: DecodedJob, columns: number): string[] {
  const out: string[] = [];
  const items = job.items;
  items.forEach((item, index) => {
    switch (item.kind) {
      case 'text':
        out.push(placeLine(item, columns));
        break;
      case 'qr':
        out.push(`${QR_TEXT_PREFIX}${item.data}]`);
        break;
      case 'feed':
        if (!feedsToCutter(items, index)) for (let i = 0; i < item.lines; i += 1) out.push('');
        break;
      case 'cut':
        out.push(CUT_TEXT);
        break;
      case 'status-request':
      case 'init':
      case 'drawer':
      case 'beep':
        break;
      default:
        assertNever(item);
    }
  });
  return out;
}

function lineWidth(line: DecodedTextLine): number {
  return line.runs.reduce((sum, run) => sum + graphemeLength(run.text) * run.widthScale, 0);
}

function placeLine(line: DecodedTextLine, columns: number): string {
  const pad = alignPadding(lineWidth(line), columns, line.align);
  return `${' '.repeat(pad)}${line.text}`.replace(/\s+$/u, '');
}

/** True when only feeds (and resets) lie between this feed and the next cut. */
function feedsToCutter(items: readonly DecodedItem[], index: number): boolean {
  for (let i = index + 1; i < items.length; i += 1) {
    const kind = items[i]?.kind;
    if (kind === 'cut') return true;
    if (kind !== 'feed' && kind !== 'init' && kind !== 'status-request') return false;
  }
  return false;
}

export interface RenderOptions {
  /** Printable dots across the paper: 384 (58 mm) or 576 (80 mm). */
  readonly dotWidth: number;
  /** Characters per line in normal size. */
  readonly columns: number;
}

const LINE_HEIGHT = 24;
const CUT_HEIGHT = 16;
const QR_QUIET_MODULES = 2;

interface Canvas {
  readonly width: number;
  height: number;
  rows: Uint8Array[];
}

function ensureHeight(canvas: Canvas, height: number): void {
  while (canvas.rows.length < height) canvas.rows.push(new Uint8Array(canvas.width));
  canvas.height = Math.max(canvas.height, height);
}

function setDot(canvas: Canvas, x: number, y: number, black: boolean): void {
  if (x < 0 || x >= canvas.width || y < 0) return;
  ensureHeight(canvas, y + 1);
  const row = canvas.rows[y];
  if (row) row[x] = black ? 1 : 0;
}

/** The job as a PNG picture of the paper, `dotWidth` pixels wide (one pixel per printer dot), black on white. */
export function renderPng(job: DecodedJob, options: RenderOptions): Buffer {
  const cell = Math.floor(options.dotWidth / options.columns);
  const margin = Math.floor((options.dotWidth - cell * options.columns) / 2);
  const canvas: Canvas = { width: options.dotWidth, height: 0, rows: [] };
  let y = 0;
  for (const item of job.items) {
    switch (item.kind) {
      case 'text': {
        const height = LINE_HEIGHT * item.heightScale;
        ensureHeight(canvas, y + height);
        const width = lineWidth(item) * cell;
        const free = Math.max(0, cell * options.columns - width);
        let x = margin + (item.align === 'left' ? 0 : item.align === 'right' ? free : Math.floor(free / 2));
        for (const run of item.runs) {
          for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(run.text)) {
            drawChar(canvas, segment, x, y + height - LINE_HEIGHT * run.heightScale, cell * run.widthScale, run);
            x += cell * run.widthScale;
          }
        }
        y += height;
        break;
      }
      case 'qr': {
        const code = QRCode.create(item.data, { errorCorrectionLevel: item.correction });
        const size = code.modules.size;
        const module = Math.max(1, item.cellSize);
        const side = size * module;
        const free = Math.max(0, options.dotWidth - side);
        const left = item.align === 'left' ? 0 : item.align === 'right' ? free : Math.floor(free / 2);
        const top = y + QR_QUIET_MODULES * module;
        ensureHeight(canvas, top + side + QR_QUIET_MODULES * module);
        for (let row = 0; row < size; row += 1) {
          for (let col = 0; col < size; col += 1) {
            if (!code.modules.get(row, col)) continue;
            for (let dy = 0; dy < module; dy += 1) for (let dx = 0; dx < module; dx += 1) setDot(canvas, left + col * module + dx, top + row * module + dy, true);
          }
        }
        y = top + side + QR_QUIET_MODULES * module;
        break;
      }
      case 'feed':
        y += item.lines * LINE_HEIGHT + item.dots;
        ensureHeight(canvas, y);
        break;
      case 'cut':
        ensureHeight(canvas, y + CUT_HEIGHT);
        for (let x = 0; x < options.dotWidth; x += 1) if (Math.floor(x / 8) % 2 === 0) setDot(canvas, x, y + CUT_HEIGHT / 2, true);
        y += CUT_HEIGHT;
        break;
      case 'status-request':
      case 'init':
      case 'drawer':
      case 'beep':
        break;
      default:
        assertNever(item);
    }
  }
  ensureHeight(canvas, Math.max(y, 1));
  const png = new PNG({ width: canvas.width, height: canvas.height, colorType: 0, inputColorType: 0, bitDepth: 8, inputHasAlpha: false });
  const data = Buffer.alloc(canvas.width * canvas.height);
  canvas.rows.forEach((row, rowIndex) => {
    for (let x = 0; x < canvas.width; x += 1) data[rowIndex * canvas.width + x] = row[x] ? 0 : 255;
  });
  png.data = data;
  return PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false });
}

/** One character in a cell of `cellWidth` x 24*height dots: the 5x7 glyph scaled 2x per size step, centred. */
function drawChar(canvas: Canvas, char: string, left: number, top: number, cellWidth: number, style: { bold: boolean; widthScale: number; heightScale: number; underline: boolean; invert: boolean }): void {
  const sx = 2 * style.widthScale;
  const sy = 2 * style.heightScale;
  const cellHeight = LINE_HEIGHT * style.heightScale;
  const x0 = left + Math.floor((cellWidth - GLYPH_WIDTH * sx) / 2);
  const y0 = top + Math.floor((cellHeight - GLYPH_HEIGHT * sy) / 2);
  if (style.invert) for (let y = 0; y < cellHeight; y += 1) for (let x = 0; x < cellWidth; x += 1) setDot(canvas, left + x, top + y, true);
  const rows = char === ' ' ? [] : glyphRows(char);
  rows.forEach((bits, row) => {
    for (let col = 0; col < GLYPH_WIDTH; col += 1) {
      if ((bits & (0x10 >> col)) === 0) continue;
      for (let dy = 0; dy < sy; dy += 1) {
        for (let dx = 0; dx < sx + (style.bold ? 1 : 0); dx += 1) setDot(canvas, x0 + col * sx + dx, y0 + row * sy + dy, !style.invert);
      }
    }
  });
  if (style.underline) for (let x = 0; x < cellWidth; x += 1) setDot(canvas, left + x, top + cellHeight - 2, !style.invert);
}
