import { layoutManagementReceipt, layoutTestReceipt, layoutVendReceipt } from '../../shared/receipt/layout';
import { makePrinterProfile, type PrinterProfile } from '../../shared/receipt/printer-profile';
import type { ReceiptDoc } from '../../shared/receipt/receipt-doc';
import { KEY_CHANGE_SALE, layoutOptions, MANAGEMENT_SAMPLES, SEED_SALE, TEST_RECORD } from './receipt-samples';

/**
 * The golden receipts: each case's bytes are committed in test/fixtures/receipts/<name>.bin with the decoder's text
 * of them in <name>.txt (for review). Tests compare byte for byte and never write these files; a deliberate change
 * regenerates them with `npx tsx build/scripts/make-receipt-goldens.mjs` and the diff of the .txt files is reviewed.
 */
export const GOLDEN_FOLDER = ['test', 'fixtures', 'receipts'] as const;

export interface GoldenCase {
  readonly name: string;
  readonly profile: PrinterProfile;
  readonly doc: ReceiptDoc;
}

const epson80 = makePrinterProfile({ model: 'EPSON', paperWidth: 80, columns80: 48, characterSet: 'PC858_EURO' });
const epson80x42 = makePrinterProfile({ model: 'EPSON', paperWidth: 80, columns80: 42, characterSet: 'PC437_USA' });
const epson58 = makePrinterProfile({ model: 'EPSON', paperWidth: 58, characterSet: 'PC858_EURO' });
const star80 = makePrinterProfile({ model: 'STAR', paperWidth: 80, characterSet: 'PC858_EURO' });
const star58 = makePrinterProfile({ model: 'STAR', paperWidth: 58, characterSet: 'WPC1252' });

export function goldenCases(): GoldenCase[] {
  const at = (profile: PrinterProfile, copy = false) => layoutOptions(profile.columns, { copy });
  return [
    { name: 'vend-epson-80', profile: epson80, doc: layoutVendReceipt(SEED_SALE, at(epson80)) },
    { name: 'vend-epson-58', profile: epson58, doc: layoutVendReceipt(SEED_SALE, at(epson58)) },
    { name: 'vend-star-80', profile: star80, doc: layoutVendReceipt(SEED_SALE, at(star80)) },
    { name: 'vend-star-58', profile: star58, doc: layoutVendReceipt(SEED_SALE, at(star58)) },
    { name: 'reprint-epson-80', profile: epson80, doc: layoutVendReceipt(SEED_SALE, at(epson80, true)) },
    { name: 'reprint-star-58', profile: star58, doc: layoutVendReceipt(SEED_SALE, at(star58, true)) },
    { name: 'vend-key-change-epson-80x42', profile: epson80x42, doc: layoutVendReceipt(KEY_CHANGE_SALE, at(epson80x42)) },
    { name: 'key-change-epson-58', profile: epson58, doc: layoutManagementReceipt(MANAGEMENT_SAMPLES['key-change'], at(epson58)) },
    { name: 'max-overdraft-epson-58', profile: epson58, doc: layoutManagementReceipt(MANAGEMENT_SAMPLES['max-overdraft'], at(epson58)) },
    { name: 'clear-credit-epson-80', profile: epson80, doc: layoutManagementReceipt(MANAGEMENT_SAMPLES['clear-credit'], at(epson80)) },
    { name: 'clear-tamper-star-58', profile: star58, doc: layoutManagementReceipt(MANAGEMENT_SAMPLES['clear-tamper'], at(star58)) },
    { name: 'max-power-star-80', profile: star80, doc: layoutManagementReceipt(MANAGEMENT_SAMPLES['max-power'], at(star80)) },
    { name: 'meter-test-epson-80', profile: epson80, doc: layoutManagementReceipt(MANAGEMENT_SAMPLES['meter-test'], at(epson80)) },
    { name: 'test-epson-80', profile: epson80, doc: layoutTestReceipt(TEST_RECORD, at(epson80)) },
  ];
}
