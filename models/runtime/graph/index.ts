export { GraphBuilder, type ModelOptions } from './builder';
export { float, tensor, type Attrs, type AttrValue } from './attributes';
export type { DType, Dim, TensorData } from './types';
