// The engine as the model host builds it, but from the repository's files and
// onnxruntime-web's WASM backend in Node.
import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-web';
import { GptEngine } from '@/models/gpt/engine/engine';
import { loadGptFolder, type ReadModelFile } from '@/models/gpt/engine/files';
import { RpcFailure } from '@/platform/protocol/protocol';
import { GPT_DIR } from '@/tests/unit/gpt/gpt-helpers';
import { FOLDED_WEIGHTS } from '@/models/host/folded-weights';

export const readRepoFile: ReadModelFile = async (rel) => {
  try {
    return new Uint8Array(readFileSync(`${GPT_DIR}${rel}`));
  } catch {
    throw new RpcFailure('model-missing', `model file missing: ${rel}`);
  }
};

const engines = new Map<string, Promise<GptEngine>>();

/** One engine per file for the whole test file (loading takes a second). */
export function engineFor(file: 'model.onnx' | 'model_quantized.onnx' = 'model_quantized.onnx'): Promise<GptEngine> {
  let e = engines.get(file);
  if (!e) {
    e = (async () => {
      ort.env.wasm.numThreads = 1;
      const folder = await loadGptFolder(readRepoFile);
      const session = await ort.InferenceSession.create(readFileSync(`${GPT_DIR}onnx/${file}`), FOLDED_WEIGHTS);
      return new GptEngine({ ...folder, session, Tensor: ort.Tensor });
    })();
    engines.set(file, e);
  }
  return e;
}
