import type { ProtoWriter } from '@/models/host/graph/proto-writer';
import type { TensorData } from '@/models/host/graph/types';
import { writeTensor } from '@/models/host/graph/tensor';

// ONNX AttributeProto.AttributeType codes.
const FLOAT = 1;
const INT = 2;
const STRING = 3;
const TENSOR = 4;
const FLOATS = 6;
const INTS = 7;

/** Marks a number that must be stored as a float even when it is whole (alpha: 1). */
export class FloatAttr {
  constructor(readonly values: number | number[]) {}
}

/** A tensor-valued attribute, as Constant's `value` needs. */
export class TensorAttr {
  constructor(
    readonly data: TensorData,
    readonly dims: number[],
  ) {}
}

export const float = (v: number | number[]): FloatAttr => new FloatAttr(v);
export const tensor = (data: TensorData, dims: number[]): TensorAttr => new TensorAttr(data, dims);

export type AttrValue = number | number[] | string | FloatAttr | TensorAttr;
export type Attrs = Record<string, AttrValue>;

export function writeAttribute(w: ProtoWriter, name: string, value: AttrValue): void {
  w.string(1, name);
  if (value instanceof TensorAttr) {
    w.message(5, (t) => writeTensor(t, '', value.data, value.dims));
    w.int(20, TENSOR);
  } else if (value instanceof FloatAttr) {
    if (Array.isArray(value.values)) {
      w.packedFloats(7, value.values);
      w.int(20, FLOATS);
    } else {
      w.float(2, value.values);
      w.int(20, FLOAT);
    }
  } else if (typeof value === 'string') {
    w.string(4, value);
    w.int(20, STRING);
  } else if (Array.isArray(value)) {
    if (value.every(Number.isInteger)) {
      w.packedInts(8, value);
      w.int(20, INTS);
    } else {
      w.packedFloats(7, value);
      w.int(20, FLOATS);
    }
  } else if (Number.isInteger(value)) {
    w.int(3, value);
    w.int(20, INT);
  } else {
    w.float(2, value);
    w.int(20, FLOAT);
  }
}
