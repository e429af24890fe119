import { describe, expect, it } from 'vitest';
import { packF32, packI32, unpackF32, unpackI32, unpackRows } from '@/platform/protocol/packed';

describe('packed numbers', () => {
  it('round-trips float32 and int32 values with their shape', () => {
    const f = Float32Array.from([0, -1.5, 3.25, 1e-7, -0, 65504]);
    expect(Array.from(unpackF32(packF32(f, [2, 3])))).toEqual(Array.from(f));
    const i = Int32Array.from([0, -1, 2 ** 31 - 1, -(2 ** 31)]);
    expect(Array.from(unpackI32(packI32(i, [4])))).toEqual(Array.from(i));
  });

  it('packs a view at an offset into its buffer as just that view', () => {
    const whole = Float32Array.from([9, 9, 1, 2, 3]);
    expect(Array.from(unpackF32(packF32(whole.subarray(2), [3])))).toEqual([1, 2, 3]);
  });

  it('refuses a shape that does not match the values', () => {
    expect(() => packF32(new Float32Array(5), [2, 3])).toThrow(/shape/);
    expect(() => unpackF32({ shape: [4], f32: packF32(new Float32Array(3), [3]).f32 })).toThrow(/shape/);
  });

  it('unpacks [rows][cols] as one view per row, and zero rows as none', () => {
    const rows = unpackRows(packF32(Float32Array.from([1, 2, 3, 4, 5, 6]), [3, 2]));
    expect(rows.map((r) => Array.from(r))).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(rows[0].buffer).toBe(rows[2].buffer);
    expect(unpackRows(packF32(new Float32Array(0), [0, 128]))).toEqual([]);
    expect(() => unpackRows(packF32(new Float32Array(6), [6]))).toThrow(/rows and columns/);
  });
});
