import { probeWebGpu } from '@/models/host/webgpu';

/** What a benchmark page records about the browser it runs in. */
export interface BrowserEnvironment {
  userAgent: string;
  hardwareConcurrency: number;
  crossOriginIsolated: boolean;
  webgpuAdapter: string;
}

export async function browserEnvironment(): Promise<BrowserEnvironment> {
  const probe = await probeWebGpu();
  const a = probe.adapter;
  return {
    userAgent: navigator.userAgent,
    hardwareConcurrency: navigator.hardwareConcurrency,
    crossOriginIsolated: globalThis.crossOriginIsolated,
    webgpuAdapter: a ? [a.vendor, a.architecture, a.description].filter(Boolean).join(' / ') : `none (${probe.reason ?? ''})`,
  };
}
