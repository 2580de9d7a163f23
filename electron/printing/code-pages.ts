import type { CharacterSet, PrinterModel } from '../../shared/receipt/printer-profile';

/**
 * The printer code pages TokenTill writes and reads: the byte that selects each (ESC t n on EPSON, ESC GS t n on
 * STAR, as node-thermal-printer sends them) and the characters of bytes 0x80-0xFF. The DOS pages are tables here
 * (no WHATWG decoder has them); the Windows and KOI pages come from the platform's TextDecoder. The encoder uses the
 * reverse map to replace characters a page cannot print before node-thermal-printer sees them: left alone, the
 * library silently switches code page in the middle of a receipt.
 */
export type CodePageId = 'CP437' | 'CP850' | 'CP858' | 'CP1252' | 'CP866' | 'CP1251';

export const CODE_PAGE_OF_SET: Readonly<Record<CharacterSet, CodePageId>> = {
  PC437_USA: 'CP437',
  PC850_MULTILINGUAL: 'CP850',
  PC858_EURO: 'CP858',
  WPC1252: 'CP1252',
  PC866_CYRILLIC2: 'CP866',
  WPC1251_CYRILLIC: 'CP1251',
};

/** ESC t n (EPSON) and ESC GS t n (STAR) selection numbers, as node-thermal-printer 4.6 writes them. */
const EPSON_SELECT: ReadonlyMap<number, CodePageId> = new Map([
  [0, 'CP437'],
  [2, 'CP850'],
  [16, 'CP1252'],
  [17, 'CP866'],
  [19, 'CP858'],
  [46, 'CP1251'],
]);

/** STAR table 0 ("normal") and 3 are the printer's PC437 variants; node-thermal-printer names 1 PC437. */
const STAR_SELECT: ReadonlyMap<number, CodePageId> = new Map([
  [0, 'CP437'],
  [1, 'CP437'],
  [3, 'CP437'],
  [4, 'CP858'],
  [10, 'CP866'],
  [32, 'CP1252'],
  [34, 'CP1251'],
]);

export function codePageForSelection(model: PrinterModel, n: number): CodePageId | undefined {
  return (model === 'STAR' ? STAR_SELECT : EPSON_SELECT).get(n);
}

const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';
const CP850_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00ad±‗¾¶§÷¸°¨·¹³²■\u00a0';
const CP858_HIGH = `${CP850_HIGH.slice(0, 0x55)}€${CP850_HIGH.slice(0x56)}`;

/** Windows-1252's 0x80-0x9F (Node's TextDecoder reads this label as ISO-8859-1, giving C1 controls there). */
const CP1252_C1 = '€\ufffd‚ƒ„…†‡ˆ‰Š‹Œ\ufffdŽ\ufffd\ufffd‘’“”•–—˜™š›œ\ufffdžŸ';

function fromDecoder(label: string): string {
  const bytes = new Uint8Array(128).map((_, i) => 0x80 + i);
  // C1 controls are not characters a receipt prints: they count as undefined, like bytes the page leaves unassigned.
  return Array.from(new TextDecoder(label).decode(bytes), (c) => (c >= '\u0080' && c <= '\u009f' ? '\ufffd' : c)).join('');
}

let tables: Map<CodePageId, readonly string[]> | null = null;

function high(id: CodePageId): readonly string[] {
  if (!tables) {
    tables = new Map<CodePageId, readonly string[]>([
      ['CP437', Array.from(CP437_HIGH)],
      ['CP850', Array.from(CP850_HIGH)],
      ['CP858', Array.from(CP858_HIGH)],
      ['CP1252', Array.from(CP1252_C1 + fromDecoder('windows-1252').slice(32))],
      ['CP866', Array.from(fromDecoder('ibm866'))],
      ['CP1251', Array.from(fromDecoder('windows-1251'))],
    ]);
  }
  const table = tables.get(id);
  if (!table || table.length !== 128) throw new Error(`code page ${id} has no 128-character table`);
  return table;
}

/** The character a printable byte (0x20-0x7E, 0x80-0xFF) stands for in a code page; undefined for control bytes. */
export function charOfByte(id: CodePageId, byte: number): string | undefined {
  if (byte >= 0x20 && byte <= 0x7e) return String.fromCharCode(byte);
  if (byte >= 0x80 && byte <= 0xff) {
    const char = high(id)[byte - 0x80];
    return char === '\ufffd' ? undefined : char;
  }
  return undefined;
}

const reverse = new Map<CodePageId, ReadonlySet<string>>();

/** True when the code page has the character (printable ASCII always). */
export function canPrint(id: CodePageId, char: string): boolean {
  if (char.length === 1 && char >= ' ' && char <= '~') return true;
  let set = reverse.get(id);
  if (!set) {
    set = new Set(high(id).filter((c) => c !== '\ufffd' && c !== '\u00a0' && c !== '\u00ad'));
    reverse.set(id, set);
  }
  return set.has(char);
}

const TRANSLITERATION: Readonly<Record<string, string>> = { '³': '3', '²': '2', '¹': '1', '‘': "'", '’': "'", '“': '"', '”': '"', '–': '-', '—': '-', '…': '.' };

/**
 * One character the page can print for one user-perceived character (grapheme), so a line keeps the width the
 * layout measured: the character itself, else its letter without accents, else a look-alike, else "?".
 */
export function printableFor(id: CodePageId, grapheme: string): string {
  const composed = grapheme.normalize('NFC');
  if (canPrint(id, composed)) return composed;
  const base = composed.normalize('NFD').replace(/\p{M}+/gu, '');
  if (Array.from(base).length === 1 && canPrint(id, base)) return base;
  const look = TRANSLITERATION[composed];
  if (look !== undefined && canPrint(id, look)) return look;
  return '?';
}
