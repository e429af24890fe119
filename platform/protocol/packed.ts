// Big numeric outputs (attention maps, logit-lens tables, MLP activations) cross two extension
// ports (host → background → page), and extension messaging copies nested number arrays slowly.
// They travel as one base64 string of little-endian 32-bit values with their shape instead.

export interface PackedF32 {
  shape: number[];
  /** Base64 of float32 little-endian values, row-major. */
  f32: string;
}

export interface PackedI32 {
  shape: number[];
  /** Base64 of int32 little-endian values, row-major. */
  i32: string;
}

const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

function checkShape(shape: number[], n: number): void {
  if (!shape.every((d) => Number.isInteger(d) && d >= 0) || size(shape) !== n) {
    throw new Error(`packed data has ${n} values, its shape [${shape.join(', ')}] says otherwise`);
  }
}

export function packF32(data: Float32Array, shape: number[]): PackedF32 {
  checkShape(shape, data.length);
  return { shape, f32: toBase64(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)) };
}

export function packI32(data: Int32Array, shape: number[]): PackedI32 {
  checkShape(shape, data.length);
  return { shape, i32: toBase64(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)) };
}

export function unpackF32(p: PackedF32): Float32Array {
  const bytes = fromBase64(p.f32);
  const f = new Float32Array(bytes.buffer, 0, bytes.byteLength >> 2);
  checkShape(p.shape, f.length);
  return f;
}

/** A [rows][cols] array as one view per row over a single decoded buffer (no copies). */
export function unpackRows(p: PackedF32): Float32Array[] {
  const f = unpackF32(p);
  if (p.shape.length !== 2) throw new Error(`expected rows and columns, the shape is [${p.shape.join(', ')}]`);
  const [rows, cols] = p.shape as [number, number];
  return Array.from({ length: rows }, (_, r) => f.subarray(r * cols, (r + 1) * cols));
}

export function unpackI32(p: PackedI32): Int32Array {
  const bytes = fromBase64(p.i32);
  const v = new Int32Array(bytes.buffer, 0, bytes.byteLength >> 2);
  checkShape(p.shape, v.length);
  return v;
}

/** The native codec (Chromium 140+, Firefox 133+): a 2.8 MB answer decodes in ~4 ms instead of ~40. */
type NativeBase64 = { toBase64?: () => string };
type NativeFromBase64 = { fromBase64?: (s: string) => Uint8Array };

export function toBase64(bytes: Uint8Array): string {
  const native = bytes as unknown as NativeBase64;
  if (typeof native.toBase64 === 'function') return native.toBase64();
  let s = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) s += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(s);
}

export function fromBase64(b64: string): Uint8Array {
  const native = Uint8Array as unknown as NativeFromBase64;
  // A copy with its own buffer either way, so typed views over it start at offset 0.
  if (typeof native.fromBase64 === 'function') return native.fromBase64(b64);
  const s = atob(b64);
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return bytes;
}
