// Writes the golden receipt files test/fixtures/receipts/<case>.bin (the encoder's bytes) and <case>.txt (our
// decoder's reading of them, for review). Run by hand after a deliberate change to a layout or the encoder:
//   npx tsx build/scripts/make-receipt-goldens.mjs
// then read the .txt diff before committing. Tests only compare against these files; they never write them.
import fs from 'node:fs';
import path from 'node:path';
import { decodeEscPos } from '../../electron/printing/escpos-decoder';
import { encodeReceipt } from '../../electron/printing/escpos-encoder';
import { decodedToText } from '../../electron/printing/escpos-render';
import { GOLDEN_FOLDER, goldenCases } from '../../test/support/receipt-goldens';

const GOLDEN_DIR = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..', ...GOLDEN_FOLDER);
fs.mkdirSync(GOLDEN_DIR, { recursive: true });
for (const golden of goldenCases()) {
  const bytes = encodeReceipt(golden.doc, golden.profile);
  const decoded = decodeEscPos(bytes, golden.profile.model);
  if (!decoded.ok) throw new Error(`${golden.name}: our decoder refuses byte ${decoded.offset}: ${decoded.message}`);
  const text = decodedToText(decoded.job, golden.profile.columns);
  fs.writeFileSync(path.join(GOLDEN_DIR, `${golden.name}.bin`), bytes);
  fs.writeFileSync(path.join(GOLDEN_DIR, `${golden.name}.txt`), `${text.join('\n')}\n`);
  process.stdout.write(`${golden.name}: ${bytes.length} bytes, ${text.length} lines\n`);
}
