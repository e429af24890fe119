import type { ProtoWriter } from '@/models/host/graph/proto-writer';
import { DATA_TYPE, dtypeOf, type TensorData } from '@/models/host/graph/types';

/** TensorProto with raw little-endian bytes: the compact form ORT reads fastest. */
export function writeTensor(w: ProtoWriter, name: string, data: TensorData, dims: number[]): void {
  const count = dims.reduce((n, d) => n * d, 1);
  if (count !== data.length) {
    throw new Error(`tensor ${name || '(attribute)'}: ${data.length} values for shape [${dims.join(', ')}]`);
  }
  w.packedInts(1, dims);
  w.int(2, DATA_TYPE[dtypeOf(data)]);
  if (name) w.string(8, name);
  // Typed arrays are little-endian on every platform browsers run on.
  w.bytes(9, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
}
