// The native reference: our GptEngine (models/gpt/engine) on an onnxruntime-node
// CPU session of the same shipped files, in the runner's Node process.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as ortNode from 'onnxruntime-node';
import type { InferenceSession as WebSession, Tensor as WebTensor } from 'onnxruntime-web';
import { GptEngine } from '@/models/gpt/engine/engine';
import { GPT_FILES, loadGptFolder } from '@/models/gpt/engine/files';
import { RpcFailure } from '@/platform/protocol/protocol';
import { FOLDED_WEIGHTS } from '@/models/host/folded-weights';

export interface NativeEngine {
  engine: GptEngine;
  /** intra-op threads asked for (0: onnxruntime's default, one per physical core). */
  threads: number;
  detail: string;
  loadMs: number;
  release(): Promise<void>;
}

/** Builds the engine from `folder` (the extension's shipped tutor-gpt-mini folder). */
export async function nativeEngine(folder: string, threads: number): Promise<NativeEngine> {
  const t0 = performance.now();
  const parts = await loadGptFolder(async (rel) => {
    try {
      return new Uint8Array(await readFile(join(folder, rel)));
    } catch {
      throw new RpcFailure('model-missing', `model file missing: ${rel}`);
    }
  });
  // The model host's own session options (weights folded to float32 at load), so native runs the same graph.
  const options: ortNode.InferenceSession.SessionOptions = {
    ...(FOLDED_WEIGHTS as ortNode.InferenceSession.SessionOptions),
    executionProviders: ['cpu'],
    ...(threads > 0 ? { intraOpNumThreads: threads, interOpNumThreads: 1 } : {}),
  };
  const session = await ortNode.InferenceSession.create(new Uint8Array(await readFile(join(folder, GPT_FILES.model))), options);
  // onnxruntime-node and onnxruntime-web implement the same onnxruntime-common 1.30 interfaces.
  const engine = new GptEngine({
    ...parts,
    session: session as unknown as WebSession,
    Tensor: ortNode.Tensor as unknown as typeof WebTensor,
  });
  return {
    engine,
    threads,
    detail: `onnxruntime-node ${ortNode.env.versions.node ?? '?'} CPU EP, ${threads > 0 ? `intraOpNumThreads ${threads}` : 'default threads'}, our GptEngine`,
    loadMs: performance.now() - t0,
    release: () => session.release(),
  };
}
