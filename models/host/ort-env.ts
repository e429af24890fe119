import * as ort from 'onnxruntime-web/webgpu';
// Vite emits this file into the package and gives its path; it is the same
// asset ORT's bundle refers to, so the build holds one copy.
import ortWasmPath from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';

let configured = false;

/**
 * onnxruntime-web with its environment set for an extension: the .wasm comes
 * from the package by explicit URL (a string prefix would make ORT fall back
 * to import(), which service workers forbid; nothing is ever fetched from
 * outside), and one thread, because ORT's worker threads load its script by a
 * URL that bundling rewrites.
 */
export function ortRuntime(): typeof ort {
  if (!configured) {
    ort.env.wasm.wasmPaths = { wasm: new URL(ortWasmPath, location.href).href };
    ort.env.wasm.numThreads = 1;
    ort.env.logLevel = 'error';
    configured = true;
  }
  return ort;
}

export type { ort };
