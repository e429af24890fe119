import * as ort from 'onnxruntime-web/webgpu';
// Vite emits these files into the package and gives their paths. The .wasm is the same asset
// ORT's bundle refers to, so the build holds one copy. The .mjs is ORT's Emscripten glue as a
// file of its own: WASM threads start workers from its URL, which must be the extension's.
import ortWasmPath from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import ortMjsPath from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';

/** How many WASM threads ORT runs with here, and why not more. */
export interface WasmThreads {
  count: number;
  /** Set when threads are off: why. */
  reason?: string;
}

/**
 * One core is left to the pages' main thread, and at most 4 threads run: `npm run
 * bench:gpt:threads -- --many 2` measured two threads on the 2-core build machine at 0.74x the
 * prefill speed of one (the pages, the worker and ORT's pthreads then fight for two cores), and
 * past 4 the model's matrices (n_embd of a few hundred) are too small to split well, which is
 * also where ORT's own default stops. So: 2 cores → 1 thread, 4 → 3, 8 and more → 4.
 */
export const MAX_WASM_THREADS = 4;

/** The thread count for a machine with this many cores (README: threads). */
export const threadsFor = (cores: number): number => Math.max(1, Math.min(cores - 1, MAX_WASM_THREADS));

function chooseThreads(): WasmThreads {
  // The popup's tiny digit session runs in a page that is not cross-origin isolated: one thread.
  if (!(globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated) {
    return { count: 1, reason: 'this context is not cross-origin isolated (no SharedArrayBuffer), so WASM runs one thread' };
  }
  const cores = navigator.hardwareConcurrency || 1;
  const count = threadsFor(cores);
  return count > 1 ? { count } : { count, reason: `this machine has ${cores} core(s): one is left to the pages, and two threads measured slower than one on two cores` };
}

let configured: WasmThreads | null = null;

/**
 * onnxruntime-web with its environment set for an extension: the .wasm and the .mjs come from the
 * package by explicit URL (a string prefix would make ORT fall back to import() of guessed names;
 * nothing is ever fetched from outside), with as many threads as the context allows.
 */
export function ortRuntime(threads?: number): typeof ort {
  if (!configured) {
    configured = threads ? { count: threads } : chooseThreads();
    ort.env.wasm.wasmPaths = {
      wasm: new URL(ortWasmPath, location.href).href,
      // Only a threaded runtime needs the glue as a file; one thread uses the bundled copy.
      ...(configured.count > 1 ? { mjs: new URL(ortMjsPath, location.href).href } : {}),
    };
    ort.env.wasm.numThreads = configured.count;
    ort.env.logLevel = 'error';
  }
  return ort;
}

/** The thread count ORT was configured with (configuring it now if nothing has yet). */
export function wasmThreads(): WasmThreads {
  ortRuntime();
  return configured!;
}

export type { ort };
