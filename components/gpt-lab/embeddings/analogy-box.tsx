import { useState } from 'preact/hooks';
import { t } from '@/platform/i18n';
import { call } from '@/platform/messaging/client';
import type { GptAnalogy, RpcError } from '@/platform/protocol/protocol';
import { showWhitespace } from '@/components/gpt-lab/shared/show-whitespace';

/** a - b + c in the embedding matrix. Words keep their leading space: " training" is one token, "training" may be two. */
export function AnalogyBox() {
  const [words, setWords] = useState<[string, string, string]>([' training', ' train', ' test']);
  const [answer, setAnswer] = useState<GptAnalogy | null>(null);
  const [error, setError] = useState<RpcError | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setError(null);
    const r = await call('host.gpt.analogy', { a: words[0], b: words[1], c: words[2], k: 8 }, { retryOnDisconnect: true });
    setBusy(false);
    if (r.ok) setAnswer(r.value);
    else setError(r.error);
  };
  const set = (i: number, v: string) => setWords((w) => w.map((x, k) => (k === i ? v : x)) as [string, string, string]);
  return (
    <div class="stack" data-testid="analogy">
      <div class="row analogy-row">
        <input value={words[0]} maxLength={100} onInput={(e) => set(0, e.currentTarget.value)} aria-label="a" />
        <span>−</span>
        <input value={words[1]} maxLength={100} onInput={(e) => set(1, e.currentTarget.value)} aria-label="b" />
        <span>+</span>
        <input value={words[2]} maxLength={100} onInput={(e) => set(2, e.currentTarget.value)} aria-label="c" />
        <button onClick={() => void run()} disabled={busy}>
          =
        </button>
      </div>
      {error ? <p class="fail">{error.message}</p> : null}
      {answer ? (
        answer.nearest.length === 0 ? (
          <p class="muted">{t('gptAnalogyEmpty')}</p>
        ) : (
          <p class="row">
            {answer.nearest.map((n) => (
              <span key={n.id} class="chip">
                {showWhitespace(n.display, true)} <span class="muted">{n.cosine.toFixed(2)}</span>
              </span>
            ))}
          </p>
        )
      ) : null}
      <p class="muted small">{t('gptAnalogyHelp')}</p>
    </div>
  );
}
