// Trained-network file ("MLPW" format, version 1), one fetch for the browser:
//
//   offset  size  field
//   0       4     magic "MLPW"
//   4       4     H = byte length of the JSON header (uint32 little-endian)
//   8       H     JSON header (UTF-8), space-padded so the data starts 4-byte aligned
//   8+H     ...   float32 little-endian: W^(1), b^(1), W^(2), b^(2), ... in that order
//
// W^(l) is row-major [n_l, n_(l-1)], so its first n_(l-1) numbers are the
// weights into neuron 1 of layer l, which is what the UI draws as a 28x28 picture.

import type { Activation } from '@/models/mnist-mlp/reference/activations';
import type { Cost } from '@/models/mnist-mlp/reference/costs';
import { createNetwork, type Network } from '@/models/mnist-mlp/reference/network';
import { parameters } from '@/models/mnist-mlp/reference/optimizers';
import { ACTIVATIONS, COSTS } from '@/platform/protocol/training';
import { isOneOf } from '@/lib/one-of';

export interface WeightsHeader {
  format: 'dl-tutor-mlp';
  version: 1;
  sizes: number[];
  activation: Activation;
  cost: Cost;
  /** Shapes in file order, for readers that do not know the convention. */
  tensors: { name: string; shape: number[] }[];
  /** Free-form provenance: data, optimizer, accuracies. */
  meta?: Record<string, unknown>;
}

const MAGIC = 'MLPW';
/** Far beyond any network the labs build (784 inputs, a few hidden layers of at most a few hundred). */
const MAX_LAYERS = 16;
const MAX_WIDTH = 4096;

export function encodeWeights(net: Network, meta?: Record<string, unknown>): Uint8Array {
  const { sizes, activation, cost } = net.config;
  const tensors: WeightsHeader['tensors'] = [];
  for (let l = 1; l <= net.L; l++) {
    tensors.push({ name: `W${l}`, shape: [sizes[l]!, sizes[l - 1]!] }, { name: `b${l}`, shape: [sizes[l]!] });
  }
  const header: WeightsHeader = { format: 'dl-tutor-mlp', version: 1, sizes: [...sizes], activation, cost, tensors };
  if (meta) header.meta = meta;
  let json = new TextEncoder().encode(JSON.stringify(header));
  const padded = Math.ceil((8 + json.length) / 4) * 4 - 8;
  if (padded !== json.length) {
    const p = new Uint8Array(padded).fill(0x20);
    p.set(json);
    json = p;
  }
  const params = parameters(net);
  const count = params.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(8 + json.length + 4 * count);
  const view = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) out[i] = MAGIC.charCodeAt(i);
  view.setUint32(4, json.length, true);
  out.set(json, 8);
  let offset = 8 + json.length;
  for (const p of params) {
    for (let i = 0; i < p.length; i++, offset += 4) view.setFloat32(offset, p[i]!, true);
  }
  return out;
}

/** Parses an MLPW file into a float32 network (and its header). */
export function decodeWeights(buffer: ArrayBuffer | Uint8Array): { net: Network; header: WeightsHeader } {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 8 || String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!) !== MAGIC) {
    throw new Error('not an MLPW weights file');
  }
  const h = view.getUint32(4, true);
  if (8 + h > bytes.length) throw new Error(`weights file is cut short: its header says ${h} bytes, ${bytes.length - 8} follow`);
  let header: WeightsHeader;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + h))) as WeightsHeader;
  } catch (e) {
    throw new Error(`weights file header is not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (header?.format !== 'dl-tutor-mlp' || header.version !== 1) throw new Error('unsupported weights file version');
  // Checked before anything is allocated: a damaged header must not ask for gigabytes.
  const { sizes } = header;
  if (!Array.isArray(sizes) || sizes.length < 2 || sizes.length > MAX_LAYERS + 1 || !sizes.every((n) => Number.isInteger(n) && n >= 1 && n <= MAX_WIDTH)) {
    throw new Error(`weights file has impossible layer sizes: ${JSON.stringify(sizes)}`);
  }
  if (!isOneOf(ACTIVATIONS, header.activation) || !isOneOf(COSTS, header.cost)) throw new Error(`weights file names an unknown activation or cost`);
  let count = 0;
  for (let l = 1; l < sizes.length; l++) count += sizes[l]! * sizes[l - 1]! + sizes[l]!;
  let offset = 8 + h;
  const expected = offset + 4 * count;
  if (expected !== bytes.length) throw new Error(`weights file has ${bytes.length} bytes, expected ${expected} for ${sizes.join('-')}`);
  const net = createNetwork({ sizes: header.sizes, activation: header.activation, cost: header.cost });
  const params = parameters(net);
  for (const p of params) {
    for (let i = 0; i < p.length; i++, offset += 4) p[i] = view.getFloat32(offset, true);
  }
  return { net, header };
}
