// `npm run bench:gpt:threads`: the model host's WASM threads against one thread, in the same build
// and the same browser. The host is reopened between the two (the offscreen document with
// `?threads=1`, else the count it chooses) and the two take turns (ABAB...), so drift on a shared
// machine falls on both. Reports medians: prefill of a 256-token prompt and decode tokens/s.
import type { Page } from 'playwright-core';
import { cpus } from 'node:os';
import { launch } from '@/scripts/browser/chromium';
import { walkArgs } from '@/bench/common/args';
import { loadSnapshot } from '@/bench/common/machine';
import { median } from '@/bench/common/stats';
import { reopenHost } from '@/bench/common/host-threads';
import type { GptGeneration, HostStatus } from '@/platform/protocol/protocol';

interface Options {
  rounds: number;
  /** Untimed generations after each reopening: a fresh worker's WASM starts in V8's baseline tier. */
  warmup: number;
  /** Timed generations per side and round (their median is the round's value). */
  runs: number;
  newTokens: number;
  /** Threads of the 'many' side (0: the count the host chooses). */
  many: number;
}
const o: Options = { rounds: 5, warmup: 3, runs: 3, newTokens: 32, many: 0 };
walkArgs(process.argv.slice(2), (arg, { int }) => {
  if (arg === '--rounds') o.rounds = int(1);
  else if (arg === '--warmup') o.warmup = int(0);
  else if (arg === '--runs') o.runs = int(1);
  else if (arg === '--new-tokens') o.newTokens = int(2);
  else if (arg === '--many') o.many = int(1);
  else throw new Error(`unknown option ${arg}`);
});

const SENTENCE = 'Backpropagation sends the error of each prediction back through the layers, so every weight learns how to move. ';

async function rpc<T>(page: Page, type: string, payload: unknown): Promise<T> {
  const r = await page.evaluate(
    ([type, payload]) =>
      new Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>((resolve) => {
        type Port = { postMessage(m: unknown): void; onMessage: { addListener(f: (m: { kind: string; result: never }) => void): void } };
        const rt = (globalThis as unknown as { chrome: { runtime: { connect(o: { name: string }): Port } } }).chrome.runtime;
        const port = rt.connect({ name: 'dl-tutor/rpc' });
        port.onMessage.addListener((m) => m.kind === 'response' && resolve(m.result));
        port.postMessage({ kind: 'request', id: `t${Math.random().toString(36).slice(2)}`, type, payload });
      }),
    [type, payload] as const,
  );
  if (!r.ok) throw new Error(`${type}: ${r.error?.message}`);
  return r.value as T;
}

async function main() {
  const h = await launch({ webgpu: false, extraArgs: ['--disable-background-timer-throttling', '--disable-renderer-backgrounding'] });
  try {
    const page = await h.context.newPage();
    await page.goto(h.url('options.html'));
    const text = SENTENCE.repeat(12);
    const sides: { threads: number; label: string; prefill: number[]; decode: number[] }[] = [
      { threads: o.many, label: 'chosen', prefill: [], decode: [] },
      { threads: 1, label: 'one thread', prefill: [], decode: [] },
    ];
    let promptTokens = 0;
    console.log(`load ${loadSnapshot().loadavg.join(' ')} on ${cpus().length} CPUs`);
    for (let round = 0; round < o.rounds; round++) {
      for (const side of round % 2 ? [...sides].reverse() : sides) {
        await reopenHost(h, side.threads);
        const status = await rpc<HostStatus>(page, 'host.status', {});
        if (side !== sides[1]) side.label = `${status.threads.count} thread${status.threads.count > 1 ? 's' : ''}`;
        await rpc(page, 'host.gpt.load', { backend: 'wasm' });
        const settings = { temperature: 0, topK: 0, topP: 1, seed: 0, maxTokens: o.newTokens };
        for (let w = 0; w < o.warmup; w++) await rpc<GptGeneration>(page, 'host.gpt.generate', { text, settings });
        const prefill: number[] = [];
        const decode: number[] = [];
        for (let r = 0; r < o.runs; r++) {
          const g = await rpc<GptGeneration>(page, 'host.gpt.generate', { text, settings });
          promptTokens = g.prompt.tokens.length;
          prefill.push(g.timings.prefillMs);
          decode.push(g.timings.tokensPerSecond);
        }
        const g = { timings: { prefillMs: median(prefill), tokensPerSecond: median(decode) } };
        side.prefill.push(g.timings.prefillMs);
        side.decode.push(g.timings.tokensPerSecond);
        console.log(`round ${round + 1}: ${side.label}: prefill ${g.timings.prefillMs.toFixed(1)} ms, decode ${g.timings.tokensPerSecond.toFixed(1)} tokens/s`);
      }
    }
    const [many, one] = sides as [(typeof sides)[0], (typeof sides)[0]];
    console.log(`\nprompt ${promptTokens} tokens, ${o.newTokens} new tokens, WASM, medians over ${o.rounds} rounds:`);
    for (const s of sides) console.log(`  ${s.label.padEnd(11)} prefill ${median(s.prefill).toFixed(1).padStart(7)} ms   decode ${median(s.decode).toFixed(1).padStart(6)} tokens/s`);
    console.log(`  prefill speed-up ${(median(one.prefill) / median(many.prefill)).toFixed(2)}x, decode speed-up ${(median(many.decode) / median(one.decode)).toFixed(2)}x`);
    console.log(`load ${loadSnapshot().loadavg.join(' ')}`);
  } finally {
    await h.close();
  }
}

await main();
