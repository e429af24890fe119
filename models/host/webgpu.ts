import type { AdapterInfo } from '@/platform/protocol/protocol';

export interface WebGpuProbe {
  available: boolean;
  adapter: AdapterInfo | null;
  reason?: string;
}

// The few WebGPU members we touch, typed here rather than pulling in @webgpu/types.
interface GpuAdapterLike {
  info?: Partial<AdapterInfo> & { isFallbackAdapter?: boolean };
  /** Where older browsers put it (before GPUAdapterInfo had it). */
  isFallbackAdapter?: boolean;
}
interface GpuLike {
  requestAdapter(): Promise<GpuAdapterLike | null>;
}

let cached: Promise<WebGpuProbe> | null = null;

/** Asks for an adapter once per host lifetime; the answer doesn't change while it runs. */
export function probeWebGpu(): Promise<WebGpuProbe> {
  cached ??= (async (): Promise<WebGpuProbe> => {
    const gpu = (globalThis.navigator as { gpu?: GpuLike } | undefined)?.gpu;
    if (!gpu) return { available: false, adapter: null, reason: 'this browser exposes no WebGPU (navigator.gpu is missing)' };
    try {
      const adapter = await gpu.requestAdapter();
      if (!adapter) return { available: false, adapter: null, reason: 'no WebGPU adapter (requestAdapter returned null)' };
      const i = adapter.info ?? {};
      return {
        available: true,
        adapter: {
          vendor: i.vendor ?? '',
          architecture: i.architecture ?? '',
          device: i.device ?? '',
          description: i.description ?? '',
          // A software (CPU-emulated) adapter: never the default for models (README).
          isFallbackAdapter: !!(i.isFallbackAdapter ?? adapter.isFallbackAdapter),
        },
      };
    } catch (e) {
      return { available: false, adapter: null, reason: `requestAdapter failed: ${e instanceof Error ? e.message : String(e)}` };
    }
  })();
  return cached;
}
