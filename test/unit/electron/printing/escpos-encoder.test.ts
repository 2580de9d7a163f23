import { describe, expect, it } from 'vitest';
import { layoutManagementReceipt, layoutTestReceipt, layoutVendReceipt } from '../../../../shared/receipt/layout';
import { makePrinterProfile, type PrinterProfile } from '../../../../shared/receipt/printer-profile';
import { docToText, type ReceiptDoc, type ReceiptTextLine } from '../../../../shared/receipt/receipt-doc';
import { MANAGEMENT_RECEIPT_KINDS } from '../../../../shared/receipt/records';
import { decodeEscPos, type DecodedJob, type DecodedTextLine } from '../../../../electron/printing/escpos-decoder';
import { encodeCopies, encodeReceipt, printableText, ReceiptEncodingError } from '../../../../electron/printing/escpos-encoder';
import { decodedToText } from '../../../../electron/printing/escpos-render';
import { KEY_CHANGE_SALE, layoutOptions, MANAGEMENT_SAMPLES, SEED_SALE, TEST_RECORD } from '../../../support/receipt-samples';

const PROFILES: PrinterProfile[] = [
  makePrinterProfile({ model: 'EPSON', paperWidth: 58, characterSet: 'PC858_EURO' }),
  makePrinterProfile({ model: 'EPSON', paperWidth: 80, columns80: 48, characterSet: 'PC858_EURO' }),
  makePrinterProfile({ model: 'EPSON', paperWidth: 80, columns80: 42, characterSet: 'PC437_USA' }),
  makePrinterProfile({ model: 'STAR', paperWidth: 58, characterSet: 'PC858_EURO' }),
  makePrinterProfile({ model: 'STAR', paperWidth: 80, characterSet: 'WPC1252' }),
];

function layouts(columns: number): Array<[string, ReceiptDoc]> {
  return [
    ['vend', layoutVendReceipt(SEED_SALE, layoutOptions(columns))],
    ['reprint (COPY)', layoutVendReceipt(SEED_SALE, layoutOptions(columns, { copy: true }))],
    ['vend with key change', layoutVendReceipt(KEY_CHANGE_SALE, layoutOptions(columns))],
    ...MANAGEMENT_RECEIPT_KINDS.map((kind): [string, ReceiptDoc] => [kind, layoutManagementReceipt(MANAGEMENT_SAMPLES[kind], layoutOptions(columns))]),
    ['test', layoutTestReceipt(TEST_RECORD, layoutOptions(columns))],
  ];
}

function decode(bytes: Uint8Array, profile: PrinterProfile): DecodedJob {
  const result = decodeEscPos(bytes, profile.model);
  if (!result.ok) throw new Error(`decoder refused byte ${result.offset}: ${result.message}`);
  return result.job;
}

const sizeScales = (line: ReceiptTextLine) => ({ widthScale: line.size === 'double' ? 2 : 1, heightScale: line.size === 'normal' ? 1 : 2 });

describe('every layout at 58 and 80 mm reads back through our decoder', () => {
  for (const profile of PROFILES) {
    describe(`${profile.model} ${profile.paperWidth} mm, ${profile.columns} columns`, () => {
      it.each(layouts(profile.columns))('%s', (_name, doc) => {
        const job = decode(encodeReceipt(doc, profile), profile);
        expect(decodedToText(job, profile.columns)).toEqual(docToText(doc));

        const expectedText = doc.lines.filter((line): line is ReceiptTextLine => line.kind === 'text');
        const decodedText = job.items.filter((item): item is DecodedTextLine => item.kind === 'text');
        const decodedByText = decodedText.filter((line) => expectedText.some((e) => e.text === line.text));
        expect(decodedByText).toHaveLength(expectedText.length);
        expectedText.forEach((line, index) => {
          const got = decodedByText[index];
          expect({ text: got?.text, align: got?.align, bold: got?.bold, widthScale: got?.widthScale, heightScale: got?.heightScale }).toEqual({
            text: line.text,
            align: line.align,
            bold: line.bold,
            ...sizeScales(line),
          });
        });

        const qrs = job.items.filter((item) => item.kind === 'qr');
        const tokens = doc.lines.flatMap((line) => (line.kind === 'qr' ? [line.data] : []));
        expect(qrs.map((qr) => qr.kind === 'qr' && qr.data)).toEqual(tokens);
        for (const qr of qrs) expect(qr).toMatchObject({ model: 2, correction: 'M', align: 'center' });

        const cuts = job.items.filter((item) => item.kind === 'cut');
        expect(cuts).toEqual([expect.objectContaining({ partial: false })]);
        expect(job.items[0]).toMatchObject({ kind: 'init', offset: 0 });
      });
    });
  }

  it('the QR payload of a vend is its token', () => {
    const profile = PROFILES[0]!;
    const job = decode(encodeReceipt(layoutVendReceipt(SEED_SALE, layoutOptions(profile.columns)), profile), profile);
    expect(job.items.filter((item) => item.kind === 'qr').map((qr) => qr.kind === 'qr' && qr.data)).toEqual([SEED_SALE.tokens[0]!.digits]);
  });
});

describe('encoder', () => {
  const profile = PROFILES[1]!;

  it('is deterministic', () => {
    const doc = layoutVendReceipt(SEED_SALE, layoutOptions(profile.columns));
    expect(Buffer.from(encodeReceipt(doc, profile)).equals(Buffer.from(encodeReceipt(doc, profile)))).toBe(true);
  });

  it('starts each job with ESC @ and the code page, and ends it with a cut and ESC @', () => {
    const bytes = encodeReceipt(layoutVendReceipt(SEED_SALE, layoutOptions(profile.columns)), profile);
    expect([...bytes.subarray(0, 5)]).toEqual([0x1b, 0x40, 0x1b, 0x74, 19]);
    expect([...bytes.subarray(-5)]).toEqual([0x1d, 0x56, 0x00, 0x1b, 0x40]);
    const star = PROFILES[3]!;
    const starBytes = encodeReceipt(layoutVendReceipt(SEED_SALE, layoutOptions(star.columns)), star);
    expect([...starBytes.subarray(0, 6)]).toEqual([0x1b, 0x40, 0x1b, 0x1d, 0x74, 4]);
    expect([...starBytes.subarray(-5)]).toEqual([0x1b, 0x64, 0x02, 0x1b, 0x40]);
  });

  it('repeats the whole receipt, cut included, for each copy', () => {
    const doc = layoutVendReceipt(SEED_SALE, layoutOptions(profile.columns));
    const one = encodeReceipt(doc, profile);
    const two = encodeCopies(doc, profile, 2);
    expect(two.length).toBe(one.length * 2);
    const job = decode(two, profile);
    expect(job.items.filter((item) => item.kind === 'cut')).toHaveLength(2);
    expect(decodedToText(job, profile.columns)).toEqual([...docToText(doc), ...docToText(doc)]);
  });

  it('replaces characters the code page lacks with one printable character each, so lines keep their width', () => {
    expect(printableText('Café €5 m³', 'CP858')).toBe('Café €5 m³');
    expect(printableText('Café €5 m³', 'CP437')).toBe('Café ?5 m3');
    expect(printableText('员工 👩‍👩‍👧 Zoë', 'CP858')).toBe('?? ? Zoë');
    expect(printableText('Ŝtefan', 'CP1252')).toBe('Stefan');
    expect(printableText('a\tb', 'CP858')).toBe('a b');
    expect(printableText('5:52:36\u202fPM\u00a0x', 'CP858')).toBe('5:52:36 PM x');
  });

  it('prints a Chinese name as question marks of the same width and never switches code page mid-line', () => {
    const doc = layoutVendReceipt({ ...SEED_SALE, userCoder: '员工' }, layoutOptions(profile.columns));
    const bytes = encodeReceipt(doc, profile);
    const job = decode(bytes, profile);
    const text = decodedToText(job, profile.columns);
    expect(text.find((line) => line.startsWith('User Coder'))).toBe(`User Coder${' '.repeat(profile.columns - 12)}??`);
    const codePageSelections = [...bytes.keys()].filter((i) => bytes[i] === 0x1b && bytes[i + 1] === 0x74);
    expect(codePageSelections).toEqual([2]);
  });

  it('prints the euro sign and m³ in PC858 and reads them back', () => {
    const doc = layoutVendReceipt({ ...SEED_SALE, meterKind: 'water', companyName: 'Eau €co' }, layoutOptions(profile.columns));
    const text = decodedToText(decode(encodeReceipt(doc, profile), profile), profile.columns);
    expect(text.join('\n')).toContain('1 USD/m³');
    expect(text.map((line) => line.trim())).toContain('Eau €co');
  });

  it('refuses a receipt laid out for another width', () => {
    const doc = layoutVendReceipt(SEED_SALE, layoutOptions(32));
    expect(() => encodeReceipt(doc, profile)).toThrow(ReceiptEncodingError);
  });
});
