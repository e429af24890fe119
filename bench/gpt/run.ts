// npm run bench:gpt: the embedded GPT (tutor-gpt-mini, int8) in one headless
// Chromium run with the built extension loaded. For WebGPU and WASM it measures
// our engine through the extension's own RPC path (prefill of a 128-token prompt,
// decode tokens/s with and without the KV cache), the same model files through
// transformers.js's own generate() as the baseline, and our engine on
// onnxruntime-node (CPU) as the native reference. See README.md.
//
//   npx tsx bench/gpt/run.ts [--runs 5] [--warmup 1] [--prompt-tokens 128] [--new-tokens 64]
//                            [--webgpu-new-tokens 8] [--webgpu-uncached-tokens 3]
//                            [--backends webgpu,wasm] [--no-build] [--no-uncached]
//                            [--no-transformers] [--no-native]

import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { serveStatic } from '@/scripts/static-server.mjs';
import { chromePath, EXTENSION_DIR, launch, type Harness } from '@/scripts/browser/chromium';
import { reopenHost } from '@/bench/common/host-threads';
import { walkArgs } from '@/bench/common/args';
import { loadSnapshot } from '@/bench/common/machine';
import { median, pad, round } from '@/bench/common/stats';
import { bundlePage } from '@/bench/common/bundle-page';
import { GPT_FOLDER } from '@/models/gpt/engine/files';
import type { GenerateSettings, GptGeneration, GptTokenization } from '@/platform/protocol/gpt';
import type { GptEngineInfo, HostStatus } from '@/platform/protocol/protocol';
import { nativeEngine, type NativeEngine } from '@/bench/gpt/native';
import { MODEL_ID, MODELS_PATH, ORT_FILES, ORT_PATH, PROMPT_SOURCE, type Device, type GptBenchApi, type PageEnvironment } from '@/bench/gpt/shared';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
const SHIPPED_MODEL = join(EXTENSION_DIR, GPT_FOLDER);
const TJS_ORT_DIST = join(ROOT, 'node_modules', '@huggingface', 'transformers', 'node_modules', 'onnxruntime-web', 'dist');
const RESULTS = join(ROOT, 'bench', 'results', 'gpt.json');

interface Options {
  runs: number;
  warmup: number;
  /** New tokens per generation on WASM and native. */
  newTokens: number;
  /** On WebGPU (SwiftShader on a machine without a GPU: a decode step takes ~0.5 s, a 128-token forward ~4 s). */
  webgpuNewTokens: number;
  webgpuUncachedTokens: number;
  promptTokens: number;
  backends: Device[];
  build: boolean;
  uncached: boolean;
  transformers: boolean;
  native: boolean;
  /** transformers.js's WASM threads (its page is then served cross-origin isolated); ours runs with the host's own count. */
  tjsThreads: number;
  /** Force the model host's WASM thread count (0: the count it chooses). */
  hostThreads: number;
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    runs: 5,
    warmup: 1,
    newTokens: 64,
    webgpuNewTokens: 8,
    webgpuUncachedTokens: 3,
    promptTokens: 128,
    backends: ['webgpu', 'wasm'],
    build: true,
    uncached: true,
    transformers: true,
    native: true,
    tjsThreads: 1,
    hostThreads: 0,
  };
  walkArgs(argv, (arg, { value, int }) => {
    if (arg === '--runs') o.runs = int(1);
    else if (arg === '--warmup') o.warmup = int(0);
    else if (arg === '--new-tokens') o.newTokens = int(2);
    else if (arg === '--webgpu-new-tokens') o.webgpuNewTokens = int(2);
    else if (arg === '--webgpu-uncached-tokens') o.webgpuUncachedTokens = int(2);
    else if (arg === '--prompt-tokens') o.promptTokens = int(1);
    else if (arg === '--no-build') o.build = false;
    else if (arg === '--no-uncached') o.uncached = false;
    else if (arg === '--no-transformers') o.transformers = false;
    else if (arg === '--no-native') o.native = false;
    else if (arg === '--tjs-threads') o.tjsThreads = int(1);
    else if (arg === '--host-threads') o.hostThreads = int(1);
    else if (arg === '--backends') {
      const names = value().split(',').filter(Boolean);
      for (const n of names) if (n !== 'webgpu' && n !== 'wasm') throw new Error(`unknown backend ${n}`);
      o.backends = (['webgpu', 'wasm'] as const).filter((b) => names.includes(b));
    } else throw new Error(`unknown option ${arg}`);
  });
  // The engine keeps room for min(maxTokens, 128) new tokens in the 256-token window.
  const most = Math.max(o.newTokens, o.webgpuNewTokens, o.webgpuUncachedTokens);
  if (o.promptTokens + Math.min(most, 128) > 256 || most > 256) {
    throw new Error('--prompt-tokens + --new-tokens must fit the 256-token context (new tokens up to 128 keep their room)');
  }
  return o;
}

// ---------------------------------------------------------------------------
// Measurements

/** One timed generation. Times in ms, measured where the model runs (host, page or Node). */
interface Sample {
  /** The prompt's forward pass alone (our engine only). */
  prefillMs: number | null;
  /** From the start of generation to the first new token chosen. */
  ttftMs: number;
  decodeMs: number;
  tokensPerSecond: number;
  /** New tokens produced (decode steps = tokens - 1). */
  tokens: number;
  promptTokens: number;
  stopped: string;
  ids: number[];
  /** Per new token: ms from the previous token chosen (the first: from the start). */
  stepMs: number[];
}

type ContenderName =
  | 'ours-webgpu'
  | 'ours-webgpu-nocache'
  | 'tjs-webgpu'
  | 'ours-wasm'
  | 'ours-wasm-nocache'
  | 'tjs-wasm'
  | 'native-1t'
  | 'native';

const LABELS: Record<ContenderName, string> = {
  'ours-webgpu': 'ours, WebGPU, KV cache',
  'ours-webgpu-nocache': 'ours, WebGPU, no cache (recompute)',
  'tjs-webgpu': 'transformers.js generate, WebGPU',
  'ours-wasm': 'ours, WASM (host threads), KV cache',
  'ours-wasm-nocache': 'ours, WASM (host threads), no cache',
  'tjs-wasm': 'transformers.js generate, WASM (--tjs-threads)',
  'native-1t': 'ours on onnxruntime-node CPU, 1 thread',
  native: 'ours on onnxruntime-node CPU, default threads',
};

interface ContenderRun {
  name: ContenderName;
  label: string;
  detail: string;
  /** New tokens asked for per generation. */
  newTokens: number;
  setupMs?: number;
  warmup: Sample[];
  samples: Sample[];
  error?: string;
  warnings?: string[];
}

interface Contender {
  run: ContenderRun;
  once(): Promise<Sample>;
}

function fromGeneration(g: GptGeneration): Sample {
  return {
    prefillMs: g.timings.prefillMs,
    // steps[0].ms runs from before the prompt's forward pass to the first token chosen.
    ttftMs: g.steps[0]?.ms ?? NaN,
    decodeMs: g.timings.decodeMs,
    tokensPerSecond: g.timings.tokensPerSecond,
    tokens: g.steps.length,
    promptTokens: g.prompt.tokens.length,
    stopped: g.stopped,
    ids: g.steps.map((s) => s.id),
    stepMs: g.steps.map((s) => Math.round(s.ms * 10) / 10),
  };
}

// ---------------------------------------------------------------------------
// The extension's RPC, spoken from an extension page

interface PortLike {
  postMessage(m: unknown): void;
  disconnect(): void;
  onMessage: { addListener(f: (m: { kind: string; id?: string; result?: RpcResult }) => void): void };
  onDisconnect: { addListener(f: () => void): void };
}
type RpcResult = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

let rpcCounter = 0;

/** One request on a fresh 'dl-tutor/rpc' port from inside an extension page; progress messages are counted. */
async function rpc<T>(page: Page, type: string, payload: unknown, timeoutMs = 300_000): Promise<T> {
  const id = `bench-${Date.now().toString(36)}-${++rpcCounter}`;
  const r = await page.evaluate(
    ([type, payload, id, timeoutMs]) =>
      new Promise<RpcResult & { progress: number }>((done) => {
        const chrome = (globalThis as unknown as { chrome: { runtime: { connect(o: { name: string }): PortLike } } }).chrome;
        const port = chrome.runtime.connect({ name: 'dl-tutor/rpc' });
        let progress = 0;
        const timer = setTimeout(() => {
          port.disconnect();
          done({ ok: false, error: { code: 'timeout', message: `no answer in ${timeoutMs} ms` }, progress });
        }, timeoutMs);
        port.onMessage.addListener((m) => {
          if (m.id !== id) return;
          if (m.kind === 'progress') progress++;
          if (m.kind !== 'response' || !m.result) return;
          clearTimeout(timer);
          port.disconnect();
          done({ ...m.result, progress });
        });
        port.onDisconnect.addListener(() => {
          clearTimeout(timer);
          done({ ok: false, error: { code: 'disconnected', message: 'the port closed before an answer' }, progress });
        });
        port.postMessage({ kind: 'request', id, type, payload });
      }),
    [type, payload, id, timeoutMs] as const,
  );
  if (!r.ok) throw new Error(`${type}: ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

/**
 * The prompt: PROMPT_SOURCE cut at a token boundary so that the engine's tokenizer gives
 * exactly `n` tokens (cutting inside a word can change how its rest is split, so each
 * candidate cut is checked by tokenizing it again).
 */
async function buildPrompt(page: Page, n: number): Promise<{ text: string; ids: number[] }> {
  const full = await rpc<GptTokenization>(page, 'host.gpt.tokenize', { text: PROMPT_SOURCE });
  if (full.tokens.length <= n) throw new Error(`the prompt source has only ${full.tokens.length} tokens, ${n} wanted`);
  const candidates: number[] = [];
  for (let d = 0; d < 40; d++) for (const j of [n - 1 + d, n - 1 - d]) if (j >= 0 && j < full.tokens.length) candidates.push(j);
  for (const j of [...new Set(candidates)]) {
    const text = PROMPT_SOURCE.slice(0, full.tokens[j]!.end);
    const t = await rpc<GptTokenization>(page, 'host.gpt.tokenize', { text });
    if (t.tokens.length === n && !t.truncated) return { text, ids: t.tokens.map((x) => x.id) };
  }
  throw new Error(`no cut of the prompt source gives exactly ${n} tokens`);
}

// ---------------------------------------------------------------------------
// Setup

function buildExtension(log: (s: string) => void): void {
  log('building the extension (npx wxt build)');
  const r = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, encoding: 'utf8', timeout: 600_000 });
  if (r.status !== 0) {
    throw new Error(`wxt build failed (exit ${r.status}):\n${`${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-30).join('\n')}`);
  }
}

/** The baseline page (Vite), the shipped model folder and transformers.js's own ORT wasm, in one folder to serve. */
async function buildPage(outDir: string): Promise<void> {
  await bundlePage(HERE, outDir, 'error');
  cpSync(SHIPPED_MODEL, join(outDir, MODELS_PATH, MODEL_ID), { recursive: true });
  mkdirSync(join(outDir, ORT_PATH), { recursive: true });
  for (const f of ORT_FILES) cpSync(join(TJS_ORT_DIST, f), join(outDir, ORT_PATH, f));
}

/** The e2e tests' launcher, with every page kept unthrottled: the contenders take turns in background tabs. */
function launchBrowser(webgpu: boolean): Promise<Harness> {
  return launch({
    webgpu,
    extraArgs: ['--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows'],
  });
}

/** Waits for the diagnostics page's self-test (it runs on open), so it is not running during the timings. */
async function waitSelfTest(page: Page): Promise<string> {
  await page.waitForFunction(
    () => {
      const text = document.querySelector('[data-testid=selftest-status]')?.textContent ?? '';
      return text === 'pass' || text.startsWith('fail');
    },
    undefined,
    { timeout: 180_000 },
  );
  return (await page.getByTestId('selftest-status').textContent()) ?? '';
}

const cleanConsole = (s: string) => s.split(String.fromCharCode(27)).join('').replace(/\[[0-9;]*m/g, '');

async function openBaseline(context: BrowserContext, url: string) {
  const page = await context.newPage();
  const warnings: string[] = [];
  page.on('pageerror', (e) => warnings.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') warnings.push(cleanConsole(m.text()).slice(0, 300));
  });
  await page.goto(url);
  await page.waitForFunction(() => window.gptBench !== undefined, undefined, { timeout: 60_000 });
  return { page, warnings };
}

// ---------------------------------------------------------------------------

interface BrowserResult {
  runs: ContenderRun[];
  environment: Record<string, unknown>;
  prompt: { text: string; ids: number[] } | null;
}

async function runAll(o: Options, pageUrl: string, natives: NativeEngine[], log: (s: string) => void): Promise<BrowserResult> {
  const runs: ContenderRun[] = [];
  const environment: Record<string, unknown> = {};
  const settings = (maxTokens: number): GenerateSettings => ({ temperature: 0, topK: 0, topP: 1, seed: 0, maxTokens });
  const browser = await launchBrowser(o.backends.includes('webgpu'));
  if (o.hostThreads) await reopenHost(browser, o.hostThreads);
  let prompt: BrowserResult['prompt'] = null;
  // Nothing may come from outside the machine; which ORT files the baseline page really loads is recorded.
  const external = new Set<string>();
  const runtimeFiles = new Set<string>();
  browser.context.on('request', (r) => {
    const u = new URL(r.url());
    if (['chrome-extension:', 'data:', 'blob:', 'chrome:', 'about:'].includes(u.protocol)) return;
    if (!/^127\.\d+\.\d+\.\d+$/.test(u.hostname) && u.hostname !== 'localhost') external.add(r.url());
    else if (/\.(wasm|mjs)$/.test(u.pathname)) runtimeFiles.add(u.pathname);
  });
  const notFound = new Set<string>();
  browser.context.on('response', (r) => {
    if (r.status() >= 400) notFound.add(`${r.status()} ${new URL(r.url()).pathname}`);
  });
  try {
    const ext = await browser.context.newPage();
    const extErrors: string[] = [];
    ext.on('pageerror', (e) => extErrors.push(e.message));
    await ext.goto(`chrome-extension://${browser.extensionId}/diagnostics.html`);
    environment.selfTest = await waitSelfTest(ext);
    environment.userAgent = await ext.evaluate(() => navigator.userAgent);
    environment.hostStatus = await rpc<HostStatus>(ext, 'host.status', {});
    log(`extension ${browser.extensionId} loaded; diagnostics self-test: ${String(environment.selfTest)}`);

    const engineInfo: GptEngineInfo[] = [];
    environment.engineInfo = engineInfo;
    // Load the first phase's backend now (a failure shows in its phase; tokenizing then loads 'auto').
    await rpc<GptEngineInfo>(ext, 'host.gpt.load', { backend: o.backends[0] ?? 'wasm' }).then(
      (info) => engineInfo.push(info),
      () => undefined,
    );
    prompt = await buildPrompt(ext, o.promptTokens);
    log(`prompt: ${prompt.ids.length} tokens, ${prompt.text.length} characters, "...${prompt.text.slice(-40)}"`);

    const phases: { backend: Device | 'native'; contenders: Contender[]; close: (() => Promise<void>)[] }[] = [];
    const nativePhaseAlone = natives.length > 0 && !o.backends.includes('wasm');
    for (const backend of o.backends) phases.push({ backend, contenders: [], close: [] });
    if (nativePhaseAlone) phases.push({ backend: 'native', contenders: [], close: [] });

    for (const phase of phases) {
      const contenders = phase.contenders;
      const p = prompt;
      const add = (name: ContenderName, newTokens: number, detail: string, once: () => Promise<Sample>, setupMs?: number) => {
        const run: ContenderRun = { name, label: LABELS[name], detail, newTokens, setupMs, warmup: [], samples: [] };
        runs.push(run);
        contenders.push({ run, once });
      };
      const fail = (name: ContenderName, e: unknown) => {
        const error = e instanceof Error ? e.message.split('\n')[0]! : String(e);
        runs.push({ name, label: LABELS[name], detail: '', newTokens: 0, warmup: [], samples: [], error });
        log(`  ${name} failed: ${error}`);
      };
      const gpu = phase.backend === 'webgpu';
      const cachedTokens = gpu ? o.webgpuNewTokens : o.newTokens;
      const uncachedTokens = gpu ? o.webgpuUncachedTokens : o.newTokens;
      if (phase.backend !== 'native') {
        const backend = phase.backend;
        log(`${backend}: loading our engine (host.gpt.load)`);
        const ours = `ours-${backend}` as const;
        try {
          const info = await rpc<GptEngineInfo>(ext, 'host.gpt.load', { backend });
          engineInfo.push(info);
          if (info.backend !== backend) throw new Error(`the host loaded ${info.backend}, not ${backend}: ${info.fallbackReason ?? ''}`);
          const adapter = (environment.hostStatus as HostStatus).webgpu.adapter;
          const detail =
            `GptEngine in the offscreen model host, onnxruntime-web 1.30 ${info.backend}` +
            (backend === 'webgpu' && adapter ? ` (${[adapter.vendor, adapter.architecture, adapter.description].filter(Boolean).join(' / ')})` : `, ${(environment.hostStatus as HostStatus).threads?.count ?? 1} thread(s)`) +
            `, load ${Math.round(info.loadMs)} ms`;
          const generate = (cache: boolean) => async () => {
            const maxTokens = cache ? cachedTokens : uncachedTokens;
            const g = await rpc<GptGeneration>(ext, 'host.gpt.generate', { text: p.text, settings: settings(maxTokens), cache });
            if (g.cache !== cache) throw new Error(`asked cache ${cache}, the host says ${g.cache}`);
            return fromGeneration(g);
          };
          add(ours, cachedTokens, detail, generate(true), info.loadMs);
          if (o.uncached) add(`${ours}-nocache`, uncachedTokens, `${detail}; every step recomputes the whole prefix`, generate(false));
        } catch (e) {
          fail(ours, e);
        }
        if (o.transformers) {
          const name = `tjs-${backend}` as const;
          let warnings: string[] = [];
          try {
            log(`${backend}: loading transformers.js's baseline page`);
            const opened = await openBaseline(browser.context, pageUrl);
            const page = opened.page;
            warnings = opened.warnings;
            phase.close.push(async () => {
              await page.evaluate(() => (window.gptBench as GptBenchApi).release()).catch(() => undefined);
              await page.close();
            });
            environment.baselinePage ??= await page.evaluate(() => (window.gptBench as GptBenchApi).environment());
            const setup = await page.evaluate(
              ([d, text, ids]) => (window.gptBench as GptBenchApi).setup(d, text, ids),
              [backend, p.text, p.ids] as const,
            );
            environment.transformersTokenizerSameIds = setup.sameIds;
            if (!setup.sameIds) log(`  note: transformers.js tokenizes the prompt to ${setup.tjsIds.length} tokens, not the engine's ids; it is given the engine's ids`);
            add(
              name,
              cachedTokens,
              setup.detail,
              async () => {
                await page.bringToFront();
                const s = await page.evaluate(([ids, n]) => (window.gptBench as GptBenchApi).generate(ids, n), [p.ids, cachedTokens] as const);
                return {
                  prefillMs: null,
                  ttftMs: s.ttftMs,
                  decodeMs: s.decodeMs,
                  tokensPerSecond: s.tokensPerSecond,
                  tokens: s.ids.length,
                  promptTokens: p.ids.length,
                  stopped: s.ids.length >= cachedTokens ? 'max-tokens' : 'early',
                  ids: s.ids,
                  stepMs: s.stepMs.map((x) => Math.round(x * 10) / 10),
                };
              },
              setup.loadMs,
            );
            runs[runs.length - 1]!.warnings = warnings;
          } catch (e) {
            fail(name, e);
            runs[runs.length - 1]!.warnings = warnings;
            for (const w of warnings.slice(0, 5)) log(`    page: ${w}`);
          }
        }
      }
      if (phase.backend === 'wasm' || phase.backend === 'native') {
        for (const n of natives) {
          add(
            n.threads === 1 ? 'native-1t' : 'native',
            o.newTokens,
            n.detail,
            async () => fromGeneration(await n.engine.generate(p.text, settings(o.newTokens), { cache: true })),
            n.loadMs,
          );
        }
      }

      // Warm-up, then the timed runs round-robin over this phase's contenders, so a change
      // in the machine's load hits all of them alike.
      for (let r = -o.warmup; r < o.runs; r++) {
        const parts: string[] = [];
        for (const c of contenders) {
          if (c.run.error) continue;
          try {
            const s = await c.once();
            (r < 0 ? c.run.warmup : c.run.samples).push(s);
            parts.push(`${c.run.name} ${s.tokensPerSecond.toFixed(1)} tok/s`);
          } catch (e) {
            c.run.error = e instanceof Error ? e.message.split('\n')[0] : String(e);
            parts.push(`${c.run.name} failed`);
          }
        }
        log(`${phase.backend} ${r < 0 ? `warm-up ${r + o.warmup + 1}/${o.warmup}` : `run ${r + 1}/${o.runs}`}: ${parts.join(', ')} (load ${loadavg()[0]!.toFixed(2)})`);
      }
      for (const close of phase.close) await close();
    }
    if (extErrors.length > 0) environment.extensionPageErrors = extErrors;
    environment.baselineRuntimeFiles = [...runtimeFiles];
    environment.externalRequests = [...external];
    environment.failedRequests = [...notFound];
    if (external.size > 0) log(`WARNING: requests left the machine: ${[...external].slice(0, 5).join(', ')}`);
  } finally {
    await browser.close();
  }
  return { runs, environment, prompt };
}

// ---------------------------------------------------------------------------
// Report


/** Median of the per-run ratios a/b (runs r of both were back to back in the round-robin). */
function pairedRatio(a: ContenderRun | undefined, b: ContenderRun | undefined): number {
  if (!a || !b || a.samples.length === 0 || a.samples.length !== b.samples.length) return NaN;
  return median(a.samples.map((s, i) => s.tokensPerSecond / b.samples[i]!.tokensPerSecond));
}

/** Steps at which two id sequences first differ (-1: identical over the shorter one). */
function firstDifference(a: number[], b: number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return -1;
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  const log = (s: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(0).padStart(3)}s] ${s}`);
  const loads: { when: string; loadavg: number[]; top: string }[] = [{ when: 'start', ...loadSnapshot() }];
  log(`load average ${loads[0]!.loadavg.join(' ')} on ${cpus().length} CPUs`);

  if (o.build) buildExtension(log);
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json')) || !existsSync(SHIPPED_MODEL)) {
    throw new Error(`No built extension with ${GPT_FOLDER} in ${EXTENSION_DIR}: run \`npx wxt build\` (or drop --no-build).`);
  }

  const natives: NativeEngine[] = [];
  if (o.native) {
    for (const threads of [1, 0]) {
      try {
        natives.push(await nativeEngine(SHIPPED_MODEL, threads));
      } catch (e) {
        log(`onnxruntime-node (${threads || 'default'} threads) failed to load: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }

  const workDir = mkdtempSync(join(tmpdir(), 'dl-tutor-bench-gpt-page-'));
  let result: BrowserResult;
  try {
    log('bundling the transformers.js baseline page with Vite');
    await buildPage(join(workDir, 'page'));
    const server = await serveStatic(join(workDir, 'page'), 0, '127.0.0.1', { isolate: o.tjsThreads > 1 });
    try {
      result = await runAll(o, `${server.url}/index.html?threads=${o.tjsThreads}`, natives, log);
    } finally {
      await server.close();
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
    for (const n of natives) await n.release().catch(() => undefined);
  }
  loads.push({ when: 'end', ...loadSnapshot() });
  const { runs, environment, prompt } = result;

  let chromiumVersion = '';
  try {
    chromiumVersion = execFileSync(chromePath(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    chromiumVersion = String(environment.userAgent ?? '?');
  }
  const byName = (n: ContenderName) => runs.find((r) => r.name === n && !r.error && r.samples.length > 0);
  const reference = byName('ours-wasm') ?? byName('native-1t') ?? byName('ours-webgpu');

  const rows = runs.map((r) => {
    const ok = r.samples.length > 0;
    const tps = r.samples.map((s) => s.tokensPerSecond);
    const prefill = r.samples.map((s) => s.prefillMs).filter((x): x is number => x !== null);
    const backend = r.name.includes('webgpu') ? 'webgpu' : r.name.includes('wasm') ? 'wasm' : 'native';
    const tjs = byName(`tjs-${backend}` as ContenderName);
    const oursCached = byName(`ours-${backend}` as ContenderName);
    // Every run (warm-up included) against the reference's first timed run: the earliest step that differs, or -1.
    const diffs =
      reference && ok && r !== reference
        ? [...r.warmup, ...r.samples, ...reference.samples].map((s) => firstDifference(s.ids, reference.samples[0]!.ids))
        : [];
    const diff = diffs.length === 0 ? null : diffs.every((d) => d === -1) ? -1 : Math.min(...diffs.filter((d) => d >= 0));
    return {
      name: r.name,
      label: r.label,
      detail: r.detail,
      backend,
      medianTokensPerSecond: ok ? median(tps) : NaN,
      minTokensPerSecond: ok ? Math.min(...tps) : NaN,
      maxTokensPerSecond: ok ? Math.max(...tps) : NaN,
      medianPrefillMs: prefill.length ? median(prefill) : NaN,
      medianTtftMs: ok ? median(r.samples.map((s) => s.ttftMs)) : NaN,
      tokens: ok ? Math.min(...r.samples.map((s) => s.tokens)) : 0,
      promptTokens: ok ? r.samples[0]!.promptTokens : 0,
      stopped: [...new Set(r.samples.map((s) => s.stopped))].join(','),
      /** Our engine's cached decode over transformers.js's, on this backend. */
      vsTransformers: r.name.startsWith('ours') && !r.name.endsWith('nocache') ? pairedRatio(r, tjs) : NaN,
      /** KV cache speed-up: cached over uncached, same backend. */
      cacheSpeedup: r.name.endsWith('nocache') ? pairedRatio(oursCached, r) : NaN,
      /** Same ids as the reference (ours on WASM if it ran): -1 yes, else the first step that differs. */
      firstDiffVsWasm: diff,
      run: r,
    };
  });
  const row = (n: ContenderName) => rows.find((r) => r.name === n && r.run.samples.length > 0);
  const ratioTo = (a: ContenderName, b: ContenderName) => pairedRatio(row(a)?.run, row(b)?.run);
  const ratios = {
    webgpuOursOverTransformers: ratioTo('ours-webgpu', 'tjs-webgpu'),
    wasmOursOverTransformers: ratioTo('ours-wasm', 'tjs-wasm'),
    webgpuCacheSpeedup: ratioTo('ours-webgpu', 'ours-webgpu-nocache'),
    wasmCacheSpeedup: ratioTo('ours-wasm', 'ours-wasm-nocache'),
    wasmOverNative1Thread: ratioTo('ours-wasm', 'native-1t'),
    wasmOverNativeDefault: ratioTo('ours-wasm', 'native'),
    transformersWasmOverNative1Thread: ratioTo('tjs-wasm', 'native-1t'),
  };

  const fmt = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '-');
  const header = ['contender', 'prefill ms', 'first token ms', 'decode tok/s', 'min-max', 'tokens', 'same ids'];
  const widths = [44, 10, 14, 12, 13, 6, 8];
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!, i > 0)).join('  ');
  console.log('');
  console.log(
    `tutor-gpt-mini int8 (4 layers, 4 heads, n_embd 128): ${prompt?.ids.length ?? o.promptTokens}-token prompt, ` +
      `greedy, new tokens as in the tokens column (asked: ${o.newTokens}; WebGPU ${o.webgpuNewTokens}, ` +
      `WebGPU without cache ${o.webgpuUncachedTokens}); median of ${o.runs} runs after ${o.warmup} warm-up`,
  );
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) {
    if (r.run.samples.length === 0) {
      console.log(line([r.label, 'failed', '', '', '', '', '']) + `  ${r.run.error ?? ''}`);
      continue;
    }
    console.log(
      line([
        r.label,
        fmt(r.medianPrefillMs),
        fmt(r.medianTtftMs),
        fmt(r.medianTokensPerSecond),
        `${fmt(r.minTokensPerSecond)}-${fmt(r.maxTokensPerSecond)}`,
        String(r.tokens),
        r.run === reference ? 'ref' : r.firstDiffVsWasm === null ? '-' : r.firstDiffVsWasm === -1 ? 'yes' : `@${r.firstDiffVsWasm}`,
      ]) + (r.run.error ? `  (${r.run.error})` : ''),
    );
  }
  const x = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)}x` : '-');
  console.log('');
  console.log('ratios of decode tokens/s (median of per-run ratios; runs of a backend were round-robin):');
  console.log(`  ours / transformers.js, WebGPU          ${x(ratios.webgpuOursOverTransformers)}   (target >= 1.0)`);
  console.log(`  ours / transformers.js, WASM            ${x(ratios.wasmOursOverTransformers)}   (target >= 1.0)`);
  console.log(`  KV cache / no cache, WebGPU             ${x(ratios.webgpuCacheSpeedup)}`);
  console.log(`  KV cache / no cache, WASM               ${x(ratios.wasmCacheSpeedup)}`);
  console.log(`  ours WASM / native, 1 thread            ${x(ratios.wasmOverNative1Thread)}`);
  console.log(`  ours WASM / native, default threads     ${x(ratios.wasmOverNativeDefault)}`);
  console.log(`  transformers.js WASM / native, 1 thread ${x(ratios.transformersWasmOverNative1Thread)}`);
  console.log('');
  for (const r of rows) console.log(`${pad(r.name, 20)} ${r.run.detail}`);
  const adapter = (environment.hostStatus as HostStatus | undefined)?.webgpu;
  console.log(
    `browser: ${chromiumVersion}; WebGPU adapter: ${
      adapter?.adapter ? [adapter.adapter.vendor, adapter.adapter.architecture, adapter.adapter.description].filter(Boolean).join(' / ') : `none (${adapter?.reason ?? '?'})`
    }`,
  );
  console.log(
    `load average (1, 5, 15 min): start ${loads[0]!.loadavg.join(' ')}, end ${loads[loads.length - 1]!.loadavg.join(' ')}; ` +
      `${cpus().length} CPUs (${cpus()[0]?.model ?? '?'})`,
  );
  const early = rows.filter((r) => r.run.samples.length > 0 && r.tokens < r.run.newTokens);
  if (early.length > 0) console.log(`note: fewer new tokens than asked from ${early.map((r) => `${r.name} (${r.tokens} of ${r.run.newTokens}, ${r.stopped})`).join(', ')}`);

  const versionOf = (dir: string) => {
    try {
      return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      return '?';
    }
  };
  mkdirSync(dirname(RESULTS), { recursive: true });
  writeFileSync(
    RESULTS,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        model: { folder: GPT_FOLDER, file: 'onnx/model_quantized.onnx', n_layer: 4, n_head: 4, n_embd: 128, n_positions: 256, vocab_size: 8192 },
        protocol: {
          promptTokens: prompt?.ids.length ?? null,
          newTokens: o.newTokens,
          webgpuNewTokens: o.webgpuNewTokens,
          webgpuUncachedTokens: o.webgpuUncachedTokens,
          runs: o.runs,
          warmup: o.warmup,
          settings: { temperature: 0, topK: 0, topP: 1, seed: 0, maxTokens: 'per contender, see results[].newTokens' },
          order: 'per backend: warm-up, then runs round-robin over the contenders',
          decodeTokensPerSecond: '(new tokens - 1) / time from the first new token to the last',
        },
        prompt,
        machine: {
          cpus: cpus().length,
          cpuModel: cpus()[0]?.model ?? '',
          loads,
          node: process.version,
          chromium: chromiumVersion,
        },
        versions: {
          onnxruntimeWeb: versionOf(join(ROOT, 'node_modules', 'onnxruntime-web')),
          onnxruntimeNode: versionOf(join(ROOT, 'node_modules', 'onnxruntime-node')),
          transformers: versionOf(join(ROOT, 'node_modules', '@huggingface', 'transformers')),
          transformersOnnxruntimeWeb: versionOf(join(TJS_ORT_DIST, '..')),
        },
        environment: environment as Record<string, unknown> & { baselinePage?: PageEnvironment },
        ratios: Object.fromEntries(Object.entries(ratios).map(([k, v]) => [k, round(v, 3)])),
        results: rows.map((r) => ({
          name: r.name,
          label: r.label,
          detail: r.detail,
          backend: r.backend,
          medianTokensPerSecond: round(r.medianTokensPerSecond),
          minTokensPerSecond: round(r.minTokensPerSecond),
          maxTokensPerSecond: round(r.maxTokensPerSecond),
          medianPrefillMs: round(r.medianPrefillMs),
          medianFirstTokenMs: round(r.medianTtftMs),
          newTokens: r.run.newTokens,
          tokens: r.tokens,
          promptTokens: r.promptTokens,
          stopped: r.stopped,
          vsTransformers: round(r.vsTransformers, 3),
          cacheSpeedup: round(r.cacheSpeedup, 3),
          firstDifferenceVsReference: r.firstDiffVsWasm,
          setupMs: r.run.setupMs === undefined ? null : round(r.run.setupMs, 0),
          error: r.run.error ?? null,
          warnings: [...new Set(r.run.warnings ?? [])].slice(0, 20),
          warmup: r.run.warmup.map(({ ids: _ids, ...s }) => s),
          samples: r.run.samples.map(({ ids: _ids, ...s }) => s),
          ids: r.run.samples[0]?.ids ?? [],
        })),
      },
      null,
      1,
    ),
  );
  console.log(`results: ${RESULTS}`);
  log('done');
  if (rows.some((r) => r.run.error || r.run.samples.length === 0)) process.exitCode = 1;
}

await main();
