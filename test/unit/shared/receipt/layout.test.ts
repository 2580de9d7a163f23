import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { graphemeLength } from '../../../../shared/format/text';
import {
  COPY_MARK,
  groupTokenDigits,
  layoutManagementReceipt,
  layoutTestReceipt,
  layoutVendReceipt,
  MANAGEMENT_RECEIPT_TITLE,
  wrapText,
} from '../../../../shared/receipt/layout';
import { docToText, visualWidth, type ReceiptDoc, type ReceiptTextLine } from '../../../../shared/receipt/receipt-doc';
import { MANAGEMENT_RECEIPT_KINDS, ReceiptManagementRecord, ReceiptSale } from '../../../../shared/receipt/records';
import { KEY_CHANGE_SALE, layoutOptions, MANAGEMENT_SAMPLES, SEED_SALE, SEED_TOKEN, TEST_RECORD } from '../../../support/receipt-samples';

const textLines = (doc: ReceiptDoc) => doc.lines.filter((line): line is ReceiptTextLine => line.kind === 'text');
const pairValue = (text: string[], label: string) => {
  const line = text.find((l) => l.startsWith(label));
  return line?.slice(label.length).trim();
};

describe('vend receipt', () => {
  it.each([32, 42, 48])("shows the seed's fields with the seed's figures at %i columns", (columns) => {
    const text = docToText(layoutVendReceipt(SEED_SALE, layoutOptions(columns)));
    expect(pairValue(text, 'Customer No.')).toBe('0002');
    expect(pairValue(text, 'User Coder')).toBe('Bule');
    expect(pairValue(text, 'Meter No.')).toBe('58000000099');
    expect(pairValue(text, 'Price')).toBe('1 USD/kWh');
    expect(pairValue(text, 'Tax')).toBe('13%');
    expect(pairValue(text, 'VAT (13%)')).toBe('1.30 USD');
    expect(pairValue(text, 'Charge')).toBe('8.70 USD');
    expect(pairValue(text, 'Rounding')).toBe('0.00 USD');
    expect(pairValue(text, 'Total Paid')).toBe('10.00 USD');
    expect(pairValue(text, 'Total Unit')).toBe('8.7 kWh');
    expect(pairValue(text, 'Date')).toBe('2020/4/13');
    expect(pairValue(text, 'Time')).toBe('17:52:36');
    expect(pairValue(text, 'Receipt No.')).toBe('ST01-000123');
    expect(pairValue(text, 'Operator')).toBe('Raymond (0000)');
    expect(pairValue(text, 'Payment')).toBe('Cash');
    expect(text.map((l) => l.trim())).toContain('1567 8662 1376 7602 3965');
    expect(text.map((l) => l.trim())).toContain('Demo Power Co.');
    expect(text.map((l) => l.trim())).toContain('Main Street');
    expect(text.map((l) => l.trim())).toContain('Tel 0800 123 456');
    expect(text).toContain(`[QR ${SEED_TOKEN}]`);
    expect(text[text.length - 1]).toBe('[CUT]');
    expect(text.join('\n')).not.toContain('COPY');
  });

  it('prints the token in large type: double size where 24 characters fit twice, double height on narrower paper', () => {
    const wide = textLines(layoutVendReceipt(SEED_SALE, layoutOptions(48))).find((l) => l.text === '1567 8662 1376 7602 3965');
    const narrow = textLines(layoutVendReceipt(SEED_SALE, layoutOptions(32))).find((l) => l.text === '1567 8662 1376 7602 3965');
    expect(wide).toMatchObject({ size: 'double', bold: true, align: 'center' });
    expect(narrow).toMatchObject({ size: 'double-height', bold: true, align: 'center' });
  });

  it('puts key-change tokens first, numbered, whatever their order in the record', () => {
    const text = docToText(layoutVendReceipt(KEY_CHANGE_SALE, layoutOptions(48))).map((l) => l.trim());
    const first = text.indexOf('KEY CHANGE TOKEN 1 OF 2');
    const second = text.indexOf('KEY CHANGE TOKEN 2 OF 2');
    const credit = text.indexOf('TOKEN');
    expect(first).toBeGreaterThan(0);
    expect(text[first + 1]).toBe('1111 2222 3333 4444 5555');
    expect(second).toBeGreaterThan(first);
    expect(text[second + 1]).toBe('6666 7777 8888 9999 0000');
    expect(credit).toBeGreaterThan(second);
    expect(text[credit + 1]).toBe('6722 6451 6269 8596 5057');
    const qrs = text.filter((l) => l.startsWith('[QR '));
    expect(qrs).toEqual(['[QR 11112222333344445555]', '[QR 66667777888899990000]', '[QR 67226451626985965057]']);
  });

  it('marks a reprint COPY at the top, in large type, and at the bottom', () => {
    const doc = layoutVendReceipt(SEED_SALE, layoutOptions(32, { copy: true }));
    const copies = textLines(doc).filter((l) => l.text === COPY_MARK);
    expect(copies).toHaveLength(2);
    expect(copies[0]?.size).toBe('double');
    expect(docToText(doc).filter((l) => l.includes('1567 8662 1376 7602 3965'))).toHaveLength(1);
  });

  it('leaves the QR codes out when the setting is off', () => {
    expect(layoutVendReceipt(SEED_SALE, layoutOptions(48, { qr: false })).lines.some((l) => l.kind === 'qr')).toBe(false);
  });

  it('uses the site name of a currency and the date style of the settings', () => {
    const text = docToText(
      layoutVendReceipt({ ...SEED_SALE, currency: 'CNY' }, layoutOptions(48, { currencyDisplay: { CNY: 'RMB' }, date: { style: 'iso', timeZone: 'Africa/Lagos' } })),
    );
    expect(pairValue(text, 'Total Paid')).toBe('10.00 RMB');
    expect(pairValue(text, 'Price')).toBe('1 RMB/kWh');
    expect(pairValue(text, 'Date')).toBe('2020-04-13');
    expect(pairValue(text, 'Time')).toBe('18:52:36');
  });

  it('puts a value that does not fit beside its label on the next line, right-aligned', () => {
    const doc = layoutVendReceipt({ ...SEED_SALE, userCoder: 'Mwajuma Abdallah Kombo Salim Mwinyi' }, layoutOptions(32));
    const text = docToText(doc);
    const at = text.indexOf('User Coder');
    expect(at).toBeGreaterThan(0);
    expect(text[at + 1]).toBe('Mwajuma Abdallah Kombo Salim'.padStart(32));
    expect(text[at + 2]).toBe('Mwinyi'.padStart(32));
  });

  it('fits every text line in its columns, for any names and header lines (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(32, 42, 48),
        fc.string({ unit: 'grapheme', maxLength: 120 }),
        fc.string({ unit: 'grapheme', maxLength: 120 }),
        fc.array(fc.string({ unit: 'grapheme-ascii', maxLength: 48 }), { maxLength: 3 }),
        (columns, name, company, header) => {
          const doc = layoutVendReceipt({ ...SEED_SALE, userCoder: name, companyName: company }, layoutOptions(columns, { headerLines: header, copy: true }));
          for (const line of textLines(doc)) expect(visualWidth(line.text, line.size)).toBeLessThanOrEqual(columns);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('the sample records are valid receipt records', () => {
    expect(ReceiptSale.safeParse(SEED_SALE).success).toBe(true);
    expect(ReceiptSale.safeParse(KEY_CHANGE_SALE).success).toBe(true);
    for (const kind of MANAGEMENT_RECEIPT_KINDS) expect(ReceiptManagementRecord.safeParse(MANAGEMENT_SAMPLES[kind]).success).toBe(true);
  });
});

describe('management receipts', () => {
  it.each(MANAGEMENT_RECEIPT_KINDS)('%s: title, the meter, details, date, time and the token', (kind) => {
    const record = MANAGEMENT_SAMPLES[kind];
    for (const columns of [32, 48]) {
      const text = docToText(layoutManagementReceipt(record, layoutOptions(columns)));
      const trimmed = text.map((l) => l.trim());
      expect(trimmed).toContain(MANAGEMENT_RECEIPT_TITLE[kind]);
      expect(pairValue(text, 'Meter No.')).toBe('58000000065');
      expect(pairValue(text, 'Meter Type')).toBe('Electricity Meter');
      for (const detail of record.details) expect(pairValue(text, detail.label)).toBe(detail.value);
      if (record.customerNo === null) expect(text.some((l) => l.startsWith('Customer No.'))).toBe(false);
      else expect(pairValue(text, 'Customer No.')).toBe(record.customerNo);
      for (const token of record.tokens) {
        expect(trimmed).toContain(groupTokenDigits(token.digits));
        expect(text).toContain(`[QR ${token.digits}]`);
      }
      expect(text[text.length - 1]).toBe('[CUT]');
    }
  });

  it("Max Overdraft shows the seed's date and time", () => {
    const text = docToText(layoutManagementReceipt(MANAGEMENT_SAMPLES['max-overdraft'], layoutOptions(32)));
    expect(pairValue(text, 'Date')).toBe('2020/6/16');
    expect(pairValue(text, 'Time')).toBe('11:22:20');
    expect(text.map((l) => l.trim())).toContain('1986 9594 9789 5982 5509');
  });

  it('numbers the key-change tokens', () => {
    const text = docToText(layoutManagementReceipt(MANAGEMENT_SAMPLES['key-change'], layoutOptions(48))).map((l) => l.trim());
    expect(text).toContain('KEY CHANGE TOKEN 1 OF 2');
    expect(text).toContain('KEY CHANGE TOKEN 2 OF 2');
  });
});

describe('test receipt', () => {
  it('has a ruler across the full width and the styles a receipt uses', () => {
    const doc = layoutTestReceipt(TEST_RECORD, layoutOptions(42));
    const lines = textLines(doc);
    expect(lines.find((l) => /^\d+$/.test(l.text))?.text).toHaveLength(42);
    expect(lines.some((l) => l.bold && l.text === 'Bold text')).toBe(true);
    expect(lines.some((l) => l.align === 'right' && l.text === 'Right')).toBe(true);
    expect(lines.some((l) => l.size === 'double')).toBe(true);
  });
});

describe('text helpers', () => {
  it('groups tokens in fours (STS) and nines in threes (OpenPAYGO)', () => {
    expect(groupTokenDigits(SEED_TOKEN)).toBe('1567 8662 1376 7602 3965');
    expect(groupTokenDigits('123456789')).toBe('123 456 789');
  });

  it('wraps at spaces and cuts long words, never inside a character', () => {
    expect(wrapText('Keep this receipt until the meter accepts', 16)).toEqual(['Keep this', 'receipt until', 'the meter', 'accepts']);
    expect(wrapText('ABCDEFGHIJ', 4)).toEqual(['ABCD', 'EFGH', 'IJ']);
    const family = '👩‍👩‍👧';
    expect(wrapText(`${family}${family}${family}`, 2).map(graphemeLength)).toEqual([2, 1]);
    expect(wrapText('', 10)).toEqual(['']);
  });

  it('refuses a width no receipt printer has', () => {
    expect(() => layoutVendReceipt(SEED_SALE, layoutOptions(12))).toThrow(RangeError);
  });
});
