import { RpcFailure, type Backend, type BackendPreference } from '@/platform/protocol/protocol';
import { ortRuntime, type ort } from '@/models/host/ort-env';
import { probeWebGpu } from '@/models/host/webgpu';
import { FOLDED_WEIGHTS } from '@/models/host/folded-weights';

/** Where a model's bytes come from: a file shipped in the extension, or built in code. */
export type ModelSource = { kind: 'file'; path: string } | { kind: 'bytes'; label: string; build: () => Uint8Array };

export interface SessionOptions {
  backend: BackendPreference;
  /** Keep outputs (all, or those named) in GPU buffers (WebGPU only), to feed them back without a round trip. */
  gpuOutputs?: boolean | string[];
  /**
   * With 'auto', a fallback (software, CPU-emulated) adapter counts as no WebGPU. Models set this;
   * the diagnostics self-test does not, since exercising the WebGPU path is its job.
   */
  avoidFallbackAdapter?: boolean;
}

export interface LoadedSession {
  key: string;
  session: ort.InferenceSession;
  backend: Backend;
  fallbackReason?: string;
  createMs: number;
}

const label = (s: ModelSource) => (s.kind === 'file' ? s.path : s.label);

async function readModel(source: ModelSource): Promise<Uint8Array> {
  return source.kind === 'bytes' ? source.build() : readExtensionFile(source.path);
}

/** A file packaged with the extension; a missing one is a 'model-missing' error naming it. */
export async function readExtensionFile(path: string): Promise<Uint8Array> {
  // The host runs in a worker, where extension APIs are absent; the extension's origin serves its files.
  const url = new URL(path, location.origin).href;
  let res: Response;
  try {
    res = await fetch(url);
  } catch (e) {
    throw new RpcFailure('model-missing', `model file missing: ${path} (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!res.ok) throw new RpcFailure('model-missing', `model file missing: ${path} (HTTP ${res.status})`);
  return new Uint8Array(await res.arrayBuffer());
}

async function create(source: ModelSource, opts: SessionOptions): Promise<Omit<LoadedSession, 'key'>> {
  const ort = ortRuntime();
  const model = await readModel(source);
  const t0 = performance.now();
  const open = async (ep: Backend, extra: ort.InferenceSession.SessionOptions = {}) => {
    try {
      return await ort.InferenceSession.create(model, { executionProviders: [ep], ...FOLDED_WEIGHTS, ...extra });
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      if (ep === 'wasm') throw new RpcFailure('model-corrupt', `cannot load model ${label(source)}: ${msg}`);
      throw e;
    }
  };
  let fallbackReason: string | undefined;
  if (opts.backend !== 'wasm') {
    // Ask for exactly one EP at a time so we know which one runs; ORT's own
    // ['webgpu', 'wasm'] list would fall back silently.
    const probe = await probeWebGpu();
    const software = opts.backend === 'auto' && opts.avoidFallbackAdapter && probe.adapter?.isFallbackAdapter;
    if (probe.available && !software) {
      try {
        const where = Array.isArray(opts.gpuOutputs)
          ? { preferredOutputLocation: Object.fromEntries(opts.gpuOutputs.map((n) => [n, 'gpu-buffer' as const])) }
          : opts.gpuOutputs
            ? { preferredOutputLocation: 'gpu-buffer' as const }
            : {};
        const session = await open('webgpu', where);
        return { session, backend: 'webgpu', createMs: performance.now() - t0 };
      } catch (e) {
        fallbackReason = `WebGPU session failed: ${e instanceof Error ? e.message : String(e)}`;
      }
    } else {
      fallbackReason = software ? 'the WebGPU adapter is a fallback (software, CPU-emulated) one' : probe.reason;
    }
    if (opts.backend === 'webgpu') throw new RpcFailure('internal', `WebGPU was required but ${fallbackReason}`);
  }
  const session = await open('wasm');
  return { session, backend: 'wasm', fallbackReason, createMs: performance.now() - t0 };
}

let turn: Promise<unknown> = Promise.resolve();

/**
 * Runs `f` when every earlier session creation and run of the host has finished. ORT's WebGPU EP
 * is one device shared by all sessions: it refuses two creations at once ("another WebGPU EP
 * inference session is being created") and a creation during another session's run fails
 * ("setPipeline ... not of type GPUComputePipeline"), so the host's GPU work takes turns.
 */
export function inTurn<T>(f: () => Promise<T>): Promise<T> {
  const next = turn.then(f, f);
  turn = next.catch(() => undefined);
  return next;
}

const createInTurn = (source: ModelSource, opts: SessionOptions) => inTurn(() => create(source, opts));

/**
 * The model host's sessions, by key. Asking again for a key returns the live
 * session; loading a different configuration under a key releases the old one.
 */
export class SessionStore {
  private readonly live = new Map<string, { config: string; loading: Promise<LoadedSession> }>();

  async get(key: string, source: ModelSource, opts: SessionOptions): Promise<{ loaded: LoadedSession; reused: boolean }> {
    const config = JSON.stringify([label(source), opts.backend, opts.gpuOutputs ?? false, opts.avoidFallbackAdapter ?? false]);
    const existing = this.live.get(key);
    if (existing?.config === config) return { loaded: await existing.loading, reused: true };
    if (existing) await this.release(key);
    const loading = createInTurn(source, opts).then((s) => ({ key, ...s }));
    this.live.set(key, { config, loading });
    try {
      return { loaded: await loading, reused: false };
    } catch (e) {
      this.live.delete(key);
      throw e;
    }
  }

  async release(key: string): Promise<void> {
    const entry = this.live.get(key);
    this.live.delete(key);
    if (!entry) return;
    try {
      await (await entry.loading).session.release();
    } catch {
      // a session that failed to load has nothing to release
    }
  }

  async list(): Promise<{ key: string; backend: Backend }[]> {
    const out: { key: string; backend: Backend }[] = [];
    for (const [key, e] of this.live) {
      try {
        out.push({ key, backend: (await e.loading).backend });
      } catch {
        // still failing to load: not a session
      }
    }
    return out;
  }
}
