import zlib from 'node:zlib';

/**
 * How many rows the first worksheet of an .xlsx holds, counted before the import reads it, so its progress bar can
 * show a true share from the first row. exceljs' streaming reader parks a worksheet in a temporary file until it has
 * read the workbook's other parts, so neither the bytes it has taken nor anything it reports says how far it is.
 * The count reads the zip's central directory, inflates the first worksheet's XML as a stream (a few MB at a time,
 * nothing kept) and counts its `<row` elements. Anything it does not understand (zip64, encryption, another
 * compression) answers null: the import then shows "Reading the file…" until it knows.
 */
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const WORKSHEET = /^xl\/worksheets\/sheet\d+\.xml$/;

interface Entry {
  method: number;
  compressedSize: number;
  localOffset: number;
}

/** The central directory's entry for the first worksheet in the file's order (the one the reader takes), or null. */
function firstWorksheet(zip: Buffer): Entry | null {
  const from = Math.max(0, zip.length - 22 - 0xffff);
  let eocd = -1;
  for (let at = zip.length - 22; at >= from; at--) {
    if (zip.readUInt32LE(at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  let first: Entry | null = null;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) return null;
    const flags = zip.readUInt16LE(at + 8);
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const entry = { method: zip.readUInt16LE(at + 10), compressedSize: zip.readUInt32LE(at + 20), localOffset: zip.readUInt32LE(at + 42) };
    const encrypted = (flags & 1) === 1;
    const zip64 = entry.compressedSize === 0xffffffff || entry.localOffset === 0xffffffff;
    if (WORKSHEET.test(name)) {
      if (encrypted || zip64) return null;
      if (first === null || entry.localOffset < first.localOffset) first = entry;
    }
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return first;
}

/** Counts `<row` followed by a space or `>` (not `<rowBreaks`), across chunk boundaries, on the bytes (no strings). */
function rowCounter() {
  const TAG = Buffer.from('<row');
  const SPACE = 0x20;
  const CLOSE = 0x3e;
  let carry = Buffer.alloc(0);
  let rows = 0;
  return {
    add(chunk: Buffer) {
      const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      let at = bytes.indexOf(TAG);
      while (at >= 0 && at + TAG.length < bytes.length) {
        const next = bytes[at + TAG.length];
        if (next === SPACE || next === CLOSE) rows += 1;
        at = bytes.indexOf(TAG, at + TAG.length);
      }
      // keep the tail that could hold the start of a tag cut by the chunk's end (copied: the chunk is not ours)
      carry = Buffer.from(bytes.subarray(Math.max(0, bytes.length - TAG.length)));
    },
    get rows() {
      return rows;
    },
  };
}

export async function countSheetRows(zip: Buffer): Promise<number | null> {
  try {
    const entry = firstWorksheet(zip);
    if (entry === null || zip.readUInt32LE(entry.localOffset) !== LOCAL) return null;
    const start = entry.localOffset + 30 + zip.readUInt16LE(entry.localOffset + 26) + zip.readUInt16LE(entry.localOffset + 28);
    const data = zip.subarray(start, start + entry.compressedSize);
    const counter = rowCounter();
    if (entry.method === 0) {
      counter.add(data);
      return counter.rows;
    }
    if (entry.method !== 8) return null;
    const inflate = zlib.createInflateRaw();
    const done = new Promise<void>((resolve, reject) => {
      inflate.on('data', (chunk: Buffer) => counter.add(chunk));
      inflate.on('end', resolve);
      inflate.on('error', reject);
    });
    inflate.end(data);
    await done;
    return counter.rows;
  } catch {
    return null; // a damaged zip: the reader itself will say what is wrong with the file
  }
}
