import { GptEngine } from '@/models/gpt/engine/engine';
import { GptInside } from '@/models/gpt/engine/inside';
import { GPT_FILES, GPT_FOLDER, loadGptFolder } from '@/models/gpt/engine/files';
import { BACKENDS, type Backend, type BackendChoice, type BackendPreference, type GptEngineInfo, type GptStep } from '@/platform/protocol/protocol';
import { splitLayers } from '@/platform/protocol/attention-codec';
import { chooseBackend } from '@/models/gpt/host/backend-choice';
import type { HandlerSet, HostContext, HostType } from '@/models/host/handlers';
import { ortRuntime } from '@/models/host/ort-env';
import { inTurn, readExtensionFile, type LoadedSession } from '@/models/host/sessions';

// The model host's GPT requests. One engine, loaded on first use and kept;
// asking for another backend reloads it.

type GptType = Extract<HostType, `host.gpt.${string}`>;

/** One session key per backend, so 'auto' can time both before it keeps one. */
const sessionKey = (b: Backend) => `gpt-${b}`;
const GPT_SESSION_KEYS = BACKENDS.map(sessionKey);
const FRAME_MS = 16;
const INSPECT_KEY = 'gpt-inspect';

export function gptHandlers({ store, hostStartedAt }: HostContext): HandlerSet<GptType> {
  let current: { requested: BackendPreference; loading: Promise<{ engine: GptEngine; info: GptEngineInfo }> } | null = null;

  const load = (requested: BackendPreference, onStage?: (stage: string) => void) => {
    if (current && (current.requested === requested || requested === 'auto')) return current.loading;
    const loading = (async () => {
      const t0 = performance.now();
      onStage?.('reading the model folder');
      const folder = await loadGptFolder((rel) => readExtensionFile(`/${GPT_FOLDER}/${rel}`));
      const modelFile = `/${GPT_FOLDER}/${GPT_FILES.model}`;
      // The KV cache stays on the GPU between decode steps; logits and attention come back.
      const presents = Array.from({ length: folder.config.n_layer }, (_, i) => [`present.${i}.key`, `present.${i}.value`]).flat();
      const opened = new Map<Backend, { loaded: LoadedSession; engine: GptEngine }>();
      const open = async (backend: Backend) => {
        onStage?.(`creating the session (${backend})`);
        const { loaded } = await store.get(sessionKey(backend), { kind: 'file', path: modelFile }, { backend, gpuOutputs: presents });
        const engine = new GptEngine({ ...folder, session: loaded.session, Tensor: ortRuntime().Tensor, exclusive: inTurn });
        opened.set(loaded.backend, { loaded, engine });
        return { loaded, engine };
      };
      let choice: BackendChoice | undefined;
      let chosen: { loaded: LoadedSession; engine: GptEngine };
      if (requested === 'auto') {
        onStage?.('choosing the backend');
        choice = (await chooseBackend({ modelId: `${modelFile} ${JSON.stringify(folder.config)}`, open: async (b) => (await open(b)).engine })).choice;
        chosen = opened.get(choice.backend) ?? (await open(choice.backend));
      } else {
        chosen = await open(requested);
      }
      // One GPT session stays: the backend not taken (or the lab's previous choice) is released.
      for (const key of GPT_SESSION_KEYS) if (key !== chosen.loaded.key) await store.release(key);
      const { loaded, engine } = chosen;
      const info: GptEngineInfo = {
        backend: loaded.backend,
        requested,
        ...(loaded.fallbackReason ? { fallbackReason: loaded.fallbackReason } : {}),
        ...(choice ? { choice } : {}),
        config: folder.config,
        modelFile,
        loadMs: performance.now() - t0,
        hostStartedAt,
      };
      return { engine, info };
    })();
    const entry = { requested, loading };
    current = entry;
    // A failed load is not cached: the next request (the lab's retry) tries again.
    loading.catch(() => {
      if (current === entry) current = null;
    });
    return loading;
  };
  const engine = async () => (await load('auto')).engine;

  // The inspection graph runs on WASM whatever the model's backend: it is read once per view, and
  // its numbers are then the same on every machine. One per engine, opened on first use.
  let inside: { for: GptEngine; ready: Promise<GptInside> } | null = null;
  const insideOf = async () => {
    const e = await engine();
    if (inside?.for !== e) {
      const ready = (async () => {
        const { loaded } = await store.get(INSPECT_KEY, { kind: 'file', path: `/${GPT_FOLDER}/${GPT_FILES.inspect}` }, { backend: 'wasm' });
        return new GptInside(e, loaded.session, ortRuntime().Tensor, inTurn);
      })();
      const entry = { for: e, ready };
      inside = entry;
      ready.catch(() => {
        if (inside === entry) inside = null;
      });
    }
    return inside.ready;
  };

  return {
    'host.gpt.load': async (p, ctx) => (await load(p.backend, (stage) => ctx.progress({ stage }))).info,
    'host.gpt.tokenize': async (p) => (await engine()).tokenize(p.text),
    'host.gpt.embed': async (p) => (await engine()).embed(p.text, p.k),
    'host.gpt.analogy': async (p) => (await engine()).analogy(p.a, p.b, p.c, p.k),
    'host.gpt.attend': async (p, ctx) => {
      // A layer per message: each relay through the offscreen document stays a short task.
      const a = await (await engine()).attendPacked(p.text);
      for (const piece of splitLayers(a.packed)) ctx.progress(piece);
      return { ...a, packed: { ...a.packed, lower: '' } };
    },
    'host.gpt.next': async (p) => (await engine()).nextToken(p.text, p.settings, 20, p.appendIds),
    'host.gpt.lens': async (p) => (await insideOf()).lens(p.text),
    'host.gpt.neurons': async (p) => (await insideOf()).neurons(p.text),
    'host.gpt.neuron': async (p) => (await insideOf()).neuron(p.layer, p.index),
    'host.gpt.heads': async (p) => (await insideOf()).heads(p.text),
    'host.gpt.generate': async (p, ctx) => {
      // Steps go out at most once a frame: a message through two ports costs about as much as a
      // decode step of this model on WASM, and the lab cannot show faster than it paints anyway.
      let batch: GptStep[] = [];
      let sent = performance.now();
      const flush = () => {
        if (batch.length) ctx.progress({ steps: batch });
        batch = [];
        sent = performance.now();
      };
      const onStep = (s: GptStep) => {
        batch.push(s);
        if (performance.now() - sent >= FRAME_MS) flush();
      };
      try {
        return await (await engine()).generate(p.text, p.settings, { signal: ctx.signal, onStep, cache: p.cache });
      } finally {
        flush();
      }
    },
  };
}
