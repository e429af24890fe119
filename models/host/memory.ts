// How much memory the model host holds, for the leak checks: every tensor a request replaces must
// be released, so the host's memory after 200 requests is that after 20.
import type { HostMemory } from '@/platform/protocol/protocol';

interface MemoryPerformance {
  memory?: { usedJSHeapSize: number };
  measureUserAgentSpecificMemory?: () => Promise<{ bytes: number }>;
}

export async function measureMemory(): Promise<HostMemory> {
  const perf = performance as unknown as MemoryPerformance;
  const out: HostMemory = {};
  if (perf.memory) out.jsHeapBytes = perf.memory.usedJSHeapSize;
  // Counts ArrayBuffers and WebAssembly memories too (where ORT's tensors live); needs isolation.
  if (perf.measureUserAgentSpecificMemory && (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated) {
    try {
      out.agentBytes = (await perf.measureUserAgentSpecificMemory()).bytes;
    } catch {
      // not allowed here
    }
  }
  return out;
}
