import { useLayoutEffect, useRef } from 'preact/hooks';
import { yieldToOthers } from '@/lib/yield';

type Katex = typeof import('katex').default;

// KaTeX (260 kB) loads with the first formula, as a chunk of its own: evaluated with the page's
// other modules, it lengthened the task that opens the side panel by tens of milliseconds. A new
// formula is typeset in a task of its own, after the view around it has painted: the first runs
// KaTeX's code cold (20-35 ms on a slow machine), and a view with four of them made one long
// task. A formula that changes (a slider's value, a hovered cell) is typeset at once.

let katex: Katex | null = null;
let loading: Promise<Katex> | null = null;
const queue: ((k: Katex) => void)[] = [];
let draining = false;

function load(): Promise<Katex> {
  return (loading ??= import('katex').then((m) => (katex = m.default)));
}

async function drain(): Promise<void> {
  if (draining) return;
  draining = true;
  try {
    const k = await load();
    while (queue.length) {
      await yieldToOthers();
      queue.shift()!(k);
    }
  } finally {
    draining = false;
  }
}

function typeset(job: (k: Katex) => void, now: boolean): void {
  if (now && katex && !queue.length) return job(katex);
  queue.push(job);
  void drain();
}

/**
 * A formula typeset by KaTeX. katex.render builds DOM nodes itself, so no
 * markup string is ever injected; a malformed formula shows as red source text.
 * For extension pages, which import KaTeX's CSS (cards on web pages use
 * MathML typeset at build time instead: see concept-card/math.tsx).
 * `data-typeset` holds the formula shown, once it is.
 */
export function Tex({ tex, display = false }: { tex: string; display?: boolean }) {
  const el = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    let live = true;
    typeset(
      (k) => {
        const span = el.current;
        if (!live || !span) return;
        k.render(tex, span, { displayMode: display, throwOnError: false });
        span.dataset.typeset = tex;
      },
      el.current?.dataset.typeset !== undefined,
    );
    return () => {
      live = false;
    };
  }, [tex, display]);
  return <span ref={el} class="tex" />;
}
