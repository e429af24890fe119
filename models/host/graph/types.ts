// ONNX element types the builder speaks, with their TensorProto.DataType codes.
export const DATA_TYPE = {
  float32: 1,
  uint8: 2,
  int8: 3,
  int32: 6,
  int64: 7,
  bool: 9,
  float16: 10,
} as const;

export type DType = keyof typeof DATA_TYPE;

/** A tensor's data: the typed array decides the ONNX type (Uint16Array means float16). */
export type TensorData = Float32Array | Uint8Array | Int8Array | Int32Array | BigInt64Array | Uint16Array;

/** A dimension is a size or a symbolic name such as 'N' for the batch. */
export type Dim = number | string;

export function dtypeOf(data: TensorData): DType {
  if (data instanceof Float32Array) return 'float32';
  if (data instanceof Uint8Array) return 'uint8';
  if (data instanceof Int8Array) return 'int8';
  if (data instanceof Int32Array) return 'int32';
  if (data instanceof BigInt64Array) return 'int64';
  return 'float16';
}
