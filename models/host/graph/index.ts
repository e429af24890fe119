export { GraphBuilder, type ModelOptions } from '@/models/host/graph/builder';
export { float, tensor, type Attrs, type AttrValue } from '@/models/host/graph/attributes';
export type { DType, Dim, TensorData } from '@/models/host/graph/types';
