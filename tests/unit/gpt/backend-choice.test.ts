import { describe, expect, it } from 'vitest';
import { chooseBackend } from '@/models/gpt/host/backend-choice';
import type { Backend } from '@/platform/protocol/protocol';
import type { WebGpuProbe } from '@/models/host/webgpu';

const adapter = (isFallbackAdapter: boolean) => ({ vendor: 'v', architecture: 'a', device: 'd', description: '', isFallbackAdapter });

/**
 * The test's clock, given to chooseBackend: a forward pass of the engine below moves it by `ms`
 * exactly, so the choice does not depend on how busy the machine is (a busy-wait of 2 ms against
 * 12 ms was once measured the other way round on a loaded machine).
 */
const clock = { t: 0, now: () => clock.t };

/** An engine whose forward pass takes `ms` by the test's clock. */
const engineTaking = (ms: number) => ({
  nextToken: async () => {
    clock.t += ms;
    return {} as never;
  },
});

function memory() {
  const m = new Map<string, unknown>();
  return { map: m, recall: async <T,>(k: string) => m.get(k) as T | undefined, remember: async (k: string, v: unknown) => void m.set(k, v) };
}

describe("'auto' picks the GPT's backend by measurement", () => {
  it('takes the faster backend, says why with both timings, and remembers it', async () => {
    const mem = memory();
    const opened: Backend[] = [];
    const deps = {
      now: clock.now,
      modelId: 'm',
      memory: mem,
      probe: async (): Promise<WebGpuProbe> => ({ available: true, adapter: adapter(false) }),
      open: async (b: Backend) => {
        opened.push(b);
        return engineTaking(b === 'wasm' ? 2 : 12);
      },
    };
    const { choice } = await chooseBackend(deps);
    expect(choice.backend).toBe('wasm');
    expect(choice.why).toBe('measured');
    expect(choice.timings.wasm!).toBeLessThan(choice.timings.webgpu!);
    expect(choice.reason).toMatch(/WebAssembly is [\d.]+x faster than WebGPU/);
    expect(opened).toEqual(['wasm', 'webgpu']);
    // The same model, browser and adapter: no second measurement.
    opened.length = 0;
    const again = await chooseBackend(deps);
    expect(again.choice).toMatchObject({ backend: 'wasm', remembered: true });
    expect(opened).toEqual([]);
  });

  it('takes WebGPU when it is measured faster', async () => {
    const { choice } = await chooseBackend({
      now: clock.now,
      modelId: 'm',
      memory: memory(),
      probe: async () => ({ available: true, adapter: adapter(false) }),
      open: async (b: Backend) => engineTaking(b === 'wasm' ? 12 : 2),
    });
    expect(choice).toMatchObject({ backend: 'webgpu', why: 'measured' });
  });

  it('never takes a fallback adapter, and does not even time it', async () => {
    const opened: Backend[] = [];
    const { choice } = await chooseBackend({
      now: clock.now,
      modelId: 'm',
      memory: memory(),
      probe: async () => ({ available: true, adapter: adapter(true) }),
      open: async (b: Backend) => (opened.push(b), engineTaking(1)),
    });
    expect(choice).toMatchObject({ backend: 'wasm', why: 'fallback-adapter' });
    expect(opened).toEqual([]);
  });

  it('falls back to WebAssembly when WebGPU is missing or fails to open the model', async () => {
    const none = await chooseBackend({ modelId: 'm', memory: memory(), probe: async () => ({ available: false, adapter: null, reason: 'no adapter' }), open: async () => engineTaking(1) });
    expect(none.choice).toMatchObject({ backend: 'wasm', why: 'no-webgpu', reason: 'no adapter' });
    const failing = await chooseBackend({
      modelId: 'm',
      memory: memory(),
      probe: async () => ({ available: true, adapter: adapter(false) }),
      open: async (b: Backend) => {
        if (b === 'webgpu') throw new Error('device lost');
        return engineTaking(1);
      },
    });
    expect(failing.choice).toMatchObject({ backend: 'wasm', why: 'webgpu-failed' });
    expect(failing.choice.reason).toContain('device lost');
  });
});
