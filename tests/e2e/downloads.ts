// What a view's export buttons save, read back in Node: its JSON, and its PNG's size and pixels.
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';

async function saved(page: Page, testid: 'export-json' | 'export-png'): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId(testid).first().click()]);
  return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
}

export async function exportedJson<T>(page: Page): Promise<T> {
  return JSON.parse((await saved(page, 'export-json')).bytes.toString('utf8')) as T;
}

export interface PngInfo {
  name: string;
  width: number;
  height: number;
  /** How many different byte values the decoded scanlines hold: a blank picture has a handful. */
  distinctBytes: number;
}

/** Clicks "Save PNG" and checks the file is a PNG: signature, IHDR, the IDAT stream inflating to width × height RGBA rows. */
export async function exportedPng(page: Page): Promise<PngInfo> {
  const { name, bytes } = await saved(page, 'export-png');
  const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(SIGNATURE)) throw new Error(`${name} is not a PNG`);
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error(`${name} has no IHDR first`);
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const idat: Buffer[] = [];
  for (let o = 8; o < bytes.length; ) {
    const len = bytes.readUInt32BE(o);
    if (bytes.toString('latin1', o + 4, o + 8) === 'IDAT') idat.push(bytes.subarray(o + 8, o + 8 + len));
    o += 12 + len;
  }
  const rows = inflateSync(Buffer.concat(idat));
  const channels = bytes[25] === 6 ? 4 : 3;
  if (rows.length !== height * (1 + width * channels)) throw new Error(`${name}: ${rows.length} bytes of pixels for ${width}×${height}`);
  const seen = new Set<number>();
  for (let i = 0; i < rows.length && seen.size < 256; i += 97) seen.add(rows[i]);
  return { name, width, height, distinctBytes: seen.size };
}
