// Reader and writer for the digit-set file ("DLMN" format, version 1).
// One file holds named splits (e.g. train, val, test); all integers little-endian.
//
//   offset  size  field
//   0       4     magic "DLMN"
//   4       2     version = 1 (uint16)
//   6       1     rows = 28
//   7       1     cols = 28
//   8       4     number of splits S (uint32)
//   12      4     reserved, 0
//   16      16*S  split table, one entry per split:
//                   8 bytes name (ASCII, NUL-padded), uint32 count, uint32 offset
//   offset        count bytes of labels (0..9), then count*rows*cols bytes of pixels
//
// Pixels are uint8, row-major, MNIST orientation: 0 = background, 255 = ink.
// Files may be shipped gzip-compressed; gunzipIfNeeded undoes that.

import { DIGIT_SIDE } from '@/platform/protocol/training';

export interface DigitSet {
  count: number;
  rows: number;
  cols: number;
  /** count labels, one byte each. */
  labels: Uint8Array;
  /** count * rows * cols bytes; image i starts at i * rows * cols. */
  pixels: Uint8Array;
}

const MAGIC = 'DLMN';
const VERSION = 1;
const HEADER_BYTES = 16;
const ENTRY_BYTES = 16;
const NAME_BYTES = 8;

export function encodeDataset(splits: Record<string, DigitSet>): Uint8Array {
  const names = Object.keys(splits);
  const first = names.length > 0 ? splits[names[0]!]! : undefined;
  const rows = first?.rows ?? DIGIT_SIDE;
  const cols = first?.cols ?? DIGIT_SIDE;
  let offset = HEADER_BYTES + ENTRY_BYTES * names.length;
  const offsets: number[] = [];
  for (const name of names) {
    const set = splits[name]!;
    if (set.rows !== rows || set.cols !== cols) throw new Error('all splits must share one image size');
    if (name.length === 0 || name.length > NAME_BYTES || !/^[\x20-\x7e]+$/.test(name)) {
      throw new Error(`split name must be 1-${NAME_BYTES} printable ASCII characters: ${name}`);
    }
    offsets.push(offset);
    offset += set.count * (1 + rows * cols);
  }
  const out = new Uint8Array(offset);
  const view = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) out[i] = MAGIC.charCodeAt(i);
  view.setUint16(4, VERSION, true);
  out[6] = rows;
  out[7] = cols;
  view.setUint32(8, names.length, true);
  names.forEach((name, i) => {
    const set = splits[name]!;
    const entry = HEADER_BYTES + ENTRY_BYTES * i;
    for (let c = 0; c < name.length; c++) out[entry + c] = name.charCodeAt(c);
    view.setUint32(entry + NAME_BYTES, set.count, true);
    view.setUint32(entry + NAME_BYTES + 4, offsets[i]!, true);
    out.set(set.labels.subarray(0, set.count), offsets[i]!);
    out.set(set.pixels.subarray(0, set.count * rows * cols), offsets[i]! + set.count);
  });
  return out;
}

/** Parses a DLMN file. The returned arrays are views into `buffer` (no copy). */
export function decodeDataset(buffer: ArrayBuffer | Uint8Array): Record<string, DigitSet> {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  if (bytes.length < HEADER_BYTES) throw new Error('digit set file is too short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!);
  if (magic !== MAGIC) {
    throw new Error(isGzip(bytes) ? 'digit set file is gzip-compressed: gunzip it first' : 'not a digit set file');
  }
  const version = view.getUint16(4, true);
  if (version !== VERSION) throw new Error(`unsupported digit set version ${version}`);
  const rows = bytes[6]!;
  const cols = bytes[7]!;
  const splitCount = view.getUint32(8, true);
  const sets: Record<string, DigitSet> = {};
  for (let i = 0; i < splitCount; i++) {
    const entry = HEADER_BYTES + ENTRY_BYTES * i;
    let name = '';
    for (let c = 0; c < NAME_BYTES && bytes[entry + c] !== 0; c++) name += String.fromCharCode(bytes[entry + c]!);
    const count = view.getUint32(entry + NAME_BYTES, true);
    const offset = view.getUint32(entry + NAME_BYTES + 4, true);
    const end = offset + count * (1 + rows * cols);
    if (end > bytes.length) throw new Error(`split ${name} runs past the end of the file`);
    sets[name] = {
      count,
      rows,
      cols,
      labels: bytes.subarray(offset, offset + count),
      pixels: bytes.subarray(offset + count, end),
    };
  }
  return sets;
}

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Decompresses gzip data with the platform's DecompressionStream (browsers,
 * workers and Node 18+); returns other data unchanged, because some servers
 * have already undone the gzip via Content-Encoding.
 */
export async function gunzipIfNeeded(buffer: ArrayBuffer | Uint8Array): Promise<Uint8Array> {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  if (!isGzip(bytes)) return bytes;
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The images at the given indices, copied into a new set (for subsets and splits). */
export function selectDigits(set: DigitSet, indices: ArrayLike<number>): DigitSet {
  const size = set.rows * set.cols;
  const count = indices.length;
  const labels = new Uint8Array(count);
  const pixels = new Uint8Array(count * size);
  for (let i = 0; i < count; i++) {
    const src = indices[i]!;
    labels[i] = set.labels[src]!;
    pixels.set(set.pixels.subarray(src * size, (src + 1) * size), i * size);
  }
  return { count, rows: set.rows, cols: set.cols, labels, pixels };
}
