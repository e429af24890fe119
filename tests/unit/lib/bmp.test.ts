// The embedding strips' images (lib/bmp.ts): header fields and pixel order as the BMP format has
// them, read back from the bytes.
import { describe, expect, it } from 'vitest';
import { bmpDataUrl } from '@/lib/bmp';

const bytesOf = (url: string) => Uint8Array.from(atob(url.slice('data:image/bmp;base64,'.length)), (c) => c.charCodeAt(0));

describe('bmpDataUrl', () => {
  it('writes a 24-bit bottom-up BMP with 4-byte row padding', () => {
    const url = bmpDataUrl(3, 2, (x, y) => [10 * x + 1, 100 + y, 200]);
    expect(url.startsWith('data:image/bmp;base64,')).toBe(true);
    const b = bytesOf(url);
    const v = new DataView(b.buffer);
    expect(String.fromCharCode(b[0]!, b[1]!)).toBe('BM');
    const stride = 12; // 3 pixels x 3 bytes = 9, padded to 12
    expect(v.getUint32(2, true)).toBe(54 + stride * 2);
    expect(b.length).toBe(54 + stride * 2);
    expect(v.getUint32(10, true)).toBe(54);
    expect([v.getInt32(18, true), v.getInt32(22, true), v.getUint16(28, true)]).toEqual([3, 2, 24]);
    // Row 0 (the top) is stored last; each pixel is B, G, R.
    const pixel = (x: number, y: number) => {
      const o = 54 + (1 - y) * stride + 3 * x;
      return [b[o + 2], b[o + 1], b[o]];
    };
    expect(pixel(0, 0)).toEqual([1, 100, 200]);
    expect(pixel(2, 0)).toEqual([21, 100, 200]);
    expect(pixel(1, 1)).toEqual([11, 101, 200]);
  });

  it('a 128 x 1 strip: one padded row', () => {
    const b = bytesOf(bmpDataUrl(128, 1, () => [0, 0, 0]));
    expect(b.length).toBe(54 + 384);
  });
});
