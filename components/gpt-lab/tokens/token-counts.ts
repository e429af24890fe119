// Counts under OpenAI's tokenizers, from a worker (token-counts.worker.ts) started on the first
// request and ended after a minute with none in flight: its encoders hold tens of megabytes.

export interface Counts {
  gpt2: number;
  gpt4o: number;
}
export interface CountRequest {
  id: number;
  text: string;
}
export type CountReply = { id: number; counts: Counts } | { id: number; error: string };

const IDLE_MS = 60_000;

let worker: Worker | null = null;
let idle = 0;
let nextId = 1;
const pending = new Map<number, { resolve: (c: Counts) => void; reject: (e: Error) => void }>();

function stop(why: string): void {
  worker?.terminate();
  worker = null;
  for (const p of pending.values()) p.reject(new Error(why));
  pending.clear();
}

function start(): Worker {
  const w = new Worker(new URL('./token-counts.worker.ts', import.meta.url), { type: 'module', name: 'dl-tutor-token-counts' });
  w.onmessage = ({ data }: MessageEvent<CountReply>) => {
    const p = pending.get(data.id);
    pending.delete(data.id);
    if (!pending.size) idle = window.setTimeout(() => stop('idle'), IDLE_MS);
    if ('counts' in data) p?.resolve(data.counts);
    else p?.reject(new Error(data.error));
  };
  w.onerror = (e) => {
    e.preventDefault();
    stop(e.message || 'the token-count worker failed');
  };
  return w;
}

/** The text's token counts under GPT-2's (r50k_base) and GPT-4o's (o200k_base) tokenizers. */
export function countTokens(text: string): Promise<Counts> {
  clearTimeout(idle);
  worker ??= start();
  const id = nextId++;
  worker.postMessage({ id, text } satisfies CountRequest);
  return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
}
