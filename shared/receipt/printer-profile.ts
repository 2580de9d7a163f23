/**
 * What a receipt is laid out and encoded for: the command dialect (EPSON ESC/POS or STAR line mode), the paper
 * width, the characters per line and the printer's code page. Pure data; the encoder (electron/printing) turns a
 * ReceiptDoc plus a profile into bytes, and the decoder reads them back with the same profile.
 */
export const PRINTER_MODELS = ['EPSON', 'STAR'] as const;
export type PrinterModel = (typeof PRINTER_MODELS)[number];

export const PAPER_WIDTHS = [58, 80] as const;
export type PaperWidth = (typeof PAPER_WIDTHS)[number];

/** Characters per line a printer fits on 80 mm paper with font A: 48 (576 dots) on most, 42 on some models. */
export const COLUMNS_80MM = [48, 42] as const;
export type Columns80 = (typeof COLUMNS_80MM)[number];

/**
 * The printer code pages TokenTill writes, by node-thermal-printer's names. Only pages whose selection byte is the
 * same meaning on EPSON and STAR printers and that the decoder can read back are offered; PC850 is EPSON-only,
 * because node-thermal-printer selects an undefined STAR table for it.
 */
export const CHARACTER_SETS = ['PC437_USA', 'PC850_MULTILINGUAL', 'PC858_EURO', 'WPC1252', 'PC866_CYRILLIC2', 'WPC1251_CYRILLIC'] as const;
export type CharacterSet = (typeof CHARACTER_SETS)[number];

export const CHARACTER_SET_LABEL: Readonly<Record<CharacterSet, string>> = {
  PC437_USA: 'PC437 (USA, standard Europe)',
  PC850_MULTILINGUAL: 'PC850 (Multilingual)',
  PC858_EURO: 'PC858 (Multilingual with €)',
  WPC1252: 'Windows-1252 (Latin 1)',
  PC866_CYRILLIC2: 'PC866 (Cyrillic)',
  WPC1251_CYRILLIC: 'Windows-1251 (Cyrillic)',
};

/** Character sets a model can select; the settings refuse the others with a sentence. */
export function characterSetsFor(model: PrinterModel): readonly CharacterSet[] {
  return model === 'STAR' ? CHARACTER_SETS.filter((set) => set !== 'PC850_MULTILINGUAL') : CHARACTER_SETS;
}

export interface PrinterProfile {
  readonly model: PrinterModel;
  readonly paperWidth: PaperWidth;
  /** Characters per line in normal size (font A). */
  readonly columns: number;
  /** Printable dots across the paper: 384 on 58 mm, 576 on 80 mm (8 dots/mm). */
  readonly dotWidth: number;
  readonly characterSet: CharacterSet;
}

export const DOT_WIDTH: Readonly<Record<PaperWidth, number>> = { 58: 384, 80: 576 };

export function makePrinterProfile(input: { model: PrinterModel; paperWidth: PaperWidth; columns80?: Columns80; characterSet: CharacterSet }): PrinterProfile {
  const columns = input.paperWidth === 58 ? 32 : (input.columns80 ?? 48);
  return { model: input.model, paperWidth: input.paperWidth, columns, dotWidth: DOT_WIDTH[input.paperWidth], characterSet: input.characterSet };
}

/** "EPSON, 80 mm, 48 characters, PC858_EURO": how screens and the test receipt name a profile. */
export function describeProfile(profile: PrinterProfile): string {
  return `${profile.model}, ${profile.paperWidth} mm, ${profile.columns} characters, ${profile.characterSet}`;
}
