import { ProtoWriter } from '@/models/host/graph/proto-writer';
import { writeAttribute, type Attrs } from '@/models/host/graph/attributes';
import { writeTensor } from '@/models/host/graph/tensor';
import { DATA_TYPE, type DType, type Dim, type TensorData } from '@/models/host/graph/types';

interface ValueInfo {
  name: string;
  dtype: DType;
  shape: Dim[];
}

interface Node {
  opType: string;
  inputs: string[];
  outputs: string[];
  attrs: Attrs;
  domain: string;
}

interface Initializer {
  name: string;
  data: TensorData;
  dims: number[];
}

export interface ModelOptions {
  /** Default-domain opset; 17 has LayerNormalization, which the GPT graph uses. */
  opset?: number;
  /** Extra opsets, e.g. { 'com.microsoft': 1 } for MatMulNBits. */
  domains?: Record<string, number>;
  producer?: string;
}

/**
 * Builds an ONNX model in code. Values are referred to by name (plain strings),
 * so a graph reads like the math it computes:
 *
 *   const z = g.op('Add', [g.op('MatMul', [a, W]), b]);
 */
export class GraphBuilder {
  private readonly nodes: Node[] = [];
  private readonly inits: Initializer[] = [];
  private readonly inputs: ValueInfo[] = [];
  private readonly outputs: ValueInfo[] = [];
  private readonly names = new Set<string>();
  private counter = 0;

  constructor(readonly name = 'graph') {}

  /** A fresh value name, unique within the graph. */
  fresh(hint = 'v'): string {
    let name: string;
    do name = `${hint}_${this.counter++}`;
    while (this.names.has(name));
    this.names.add(name);
    return name;
  }

  private claim(name: string): string {
    if (this.names.has(name)) throw new Error(`duplicate value name: ${name}`);
    this.names.add(name);
    return name;
  }

  input(name: string, dtype: DType, shape: Dim[]): string {
    this.inputs.push({ name: this.claim(name), dtype, shape });
    return name;
  }

  /** A constant tensor stored in the model (weights, biases, shapes). */
  initializer(name: string, data: TensorData, dims: number[]): string {
    this.inits.push({ name: this.claim(name), data, dims });
    return name;
  }

  /** Shorthand for small constants: a named initializer with a generated name. */
  constant(data: TensorData, dims: number[], hint = 'const'): string {
    const name = this.fresh(hint);
    this.inits.push({ name, data, dims });
    return name;
  }

  /** One node with one output; returns the output's name. */
  op(opType: string, inputs: string[], attrs: Attrs = {}, output?: string, domain = ''): string {
    return this.opN(opType, inputs, 1, attrs, output ? [output] : undefined, domain)[0]!;
  }

  /** One node with several outputs. Pass '' in inputs for an omitted optional input. */
  opN(opType: string, inputs: string[], count: number, attrs: Attrs = {}, outputs?: string[], domain = ''): string[] {
    for (const i of inputs) if (i !== '' && !this.names.has(i)) throw new Error(`${opType}: unknown input ${i}`);
    const outs = outputs
      ? outputs.map((o) => this.claim(o))
      : Array.from({ length: count }, () => this.fresh(opType.toLowerCase()));
    this.nodes.push({ opType, inputs, outputs: outs, attrs, domain });
    return outs;
  }

  /** Marks a value as a graph output, renaming it through Identity when asked. */
  output(value: string, dtype: DType, shape: Dim[], name = value): string {
    const out = name === value ? value : this.op('Identity', [value], {}, name);
    this.outputs.push({ name: out, dtype, shape });
    return out;
  }

  /** Serialises to ONNX ModelProto bytes, ready for InferenceSession.create. */
  toModel(options: ModelOptions = {}): Uint8Array {
    const opset = options.opset ?? 17;
    const w = new ProtoWriter();
    w.int(1, 8); // ir_version 8 goes with opsets up to 18
    w.string(2, options.producer ?? 'dl-tutor');
    w.message(7, (g) => this.writeGraph(g));
    w.message(8, (o) => o.string(1, '').int(2, opset));
    for (const [domain, version] of Object.entries(options.domains ?? {})) {
      w.message(8, (o) => o.string(1, domain).int(2, version));
    }
    return w.finish();
  }

  private writeGraph(g: ProtoWriter): void {
    for (const n of this.nodes) g.message(1, (w) => writeNode(w, n));
    g.string(2, this.name);
    for (const t of this.inits) g.message(5, (w) => writeTensor(w, t.name, t.data, t.dims));
    for (const v of this.inputs) g.message(11, (w) => writeValueInfo(w, v));
    for (const v of this.outputs) g.message(12, (w) => writeValueInfo(w, v));
  }
}

function writeNode(w: ProtoWriter, n: Node): void {
  for (const i of n.inputs) w.string(1, i);
  for (const o of n.outputs) w.string(2, o);
  w.string(3, n.outputs[0]!);
  w.string(4, n.opType);
  for (const [name, value] of Object.entries(n.attrs)) w.message(5, (a) => writeAttribute(a, name, value));
  if (n.domain) w.string(7, n.domain);
}

function writeValueInfo(w: ProtoWriter, v: ValueInfo): void {
  w.string(1, v.name);
  w.message(2, (type) =>
    type.message(1, (tensorType) => {
      tensorType.int(1, DATA_TYPE[v.dtype]);
      tensorType.message(2, (shape) => {
        for (const d of v.shape) {
          shape.message(1, (dim) => (typeof d === 'number' ? dim.int(1, d) : dim.string(2, d)));
        }
      });
    }),
  );
}
