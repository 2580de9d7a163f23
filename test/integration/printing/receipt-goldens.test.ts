import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { docToText } from '../../../shared/receipt/receipt-doc';
import { decodeEscPos } from '../../../electron/printing/escpos-decoder';
import { encodeReceipt } from '../../../electron/printing/escpos-encoder';
import { decodedToText } from '../../../electron/printing/escpos-render';
import { GOLDEN_FOLDER, goldenCases } from '../../support/receipt-goldens';

/**
 * The encoder against the committed golden bytes (test/fixtures/receipts). This test only reads them: a changed
 * layout or encoder fails here until the files are regenerated on purpose (build/scripts/make-receipt-goldens.mjs)
 * and their .txt decodings reviewed.
 */
const dir = path.resolve(__dirname, '..', '..', '..', ...GOLDEN_FOLDER);

describe('golden receipts', () => {
  it('every committed golden file has a case and every case a file', () => {
    const files = fs.readdirSync(dir).filter((file) => file.endsWith('.bin')).map((file) => file.slice(0, -4)).sort();
    expect(files).toEqual(goldenCases().map((golden) => golden.name).sort());
  });

  it.each(goldenCases().map((golden) => [golden.name, golden] as const))('%s: the encoder writes the golden bytes, which decode to the reviewed text', (name, golden) => {
    const expected = fs.readFileSync(path.join(dir, `${name}.bin`));
    const bytes = Buffer.from(encodeReceipt(golden.doc, golden.profile));
    if (!bytes.equals(expected)) {
      const first = [...bytes].findIndex((byte, i) => byte !== expected[i]);
      expect.fail(`${name}: ${bytes.length} bytes written, ${expected.length} expected; first difference at byte ${first}`);
    }
    const decoded = decodeEscPos(new Uint8Array(expected), golden.profile.model);
    if (!decoded.ok) throw new Error(`${name}: ${decoded.message}`);
    const text = decodedToText(decoded.job, golden.profile.columns);
    expect(text).toEqual(docToText(golden.doc));
    expect(`${text.join('\n')}\n`).toBe(fs.readFileSync(path.join(dir, `${name}.txt`), 'utf8'));
  });
});
