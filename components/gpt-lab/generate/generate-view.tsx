import { DraftInput } from '@/components/shared/draft-input';
import { useMemo, useRef, useState } from 'preact/hooks';
import { distribution, sample } from '@/models/gpt/engine/sampling';
import { maskFromBlocked } from '@/models/gpt/engine/utf8-mask';
import { GPT_VOCAB_SIZE } from '@/models/gpt/config';
import { t } from '@/platform/i18n';
import { call } from '@/platform/messaging/client';
import type { GenerateSettings, GptStep, RpcError } from '@/platform/protocol/protocol';
import { MAX_NEW_TOKENS, STEP_ALTERNATIVES } from '@/platform/protocol/gpt';
import { mulberry32 } from '@/lib/rng';
import { ExportButton } from '@/components/gpt-lab/shared/export-button';
import { ProbBars } from '@/components/gpt-lab/generate/prob-bars';
import { showWhitespace } from '@/components/gpt-lab/shared/show-whitespace';
import { Failure, TruncationNote, Working } from '@/components/gpt-lab/shared/status';
import { useRpc } from '@/components/gpt-lab/shared/use-rpc';

const DEFAULTS: GenerateSettings = { temperature: 0.8, topK: 0, topP: 1, seed: 42, maxTokens: 40 };
/** The bars ask for raw logits; the settings are applied here. */
const RAW = { temperature: 1, topK: 0, topP: 1 };

interface Shown {
  step: number;
  id: number;
  display: string;
  text: string;
  prob: number;
  alternatives: { id: number; display: string; prob: number }[];
}

export function GenerateView({ text, initialTemperature }: { text: string; initialTemperature?: number }) {
  const [s, setS] = useState<GenerateSettings>(() => ({ ...DEFAULTS, ...(initialTemperature !== undefined ? { temperature: initialTemperature } : {}) }));
  const [steps, setSteps] = useState<Shown[]>([]);
  const [running, setRunning] = useState<AbortController | null>(null);
  const [error, setError] = useState<RpcError | null>(null);
  const [stopped, setStopped] = useState<string>('');
  const ids = steps.map((x) => x.id);
  const next = useRpc('host.gpt.next', text && !running ? { text, settings: RAW, appendIds: ids } : null, `${text}\u0000${ids.join(',')}\u0000${running ? 1 : 0}`);
  // Between a step and its new answer, the previous answer is still 'ready': use it only if it matches.
  const current = next.status === 'ready' && next.value.appended.map((a) => a.id).join(',') === ids.join(',') ? next.value : null;
  // The UTF-8 constraint the host applies in Generate: tokens that would break a character are out.
  const allowed = useMemo(() => (current?.blocked ? maskFromBlocked(current.logits.length, current.blocked) : undefined), [current]);
  const set = <K extends keyof GenerateSettings>(k: K, v: GenerateSettings[K]) => setS((o) => ({ ...o, [k]: v }));
  const lastText = useRef('');

  const generate = async () => {
    const ctl = new AbortController();
    setRunning(ctl);
    setSteps([]);
    setError(null);
    setStopped('');
    lastText.current = text;
    const r = await call(
      'host.gpt.generate',
      { text, settings: s },
      { signal: ctl.signal, onProgress: (p: { steps: GptStep[] }) => setSteps((old) => [...old, ...p.steps]) },
    );
    setRunning(null);
    if (r.ok) {
      setSteps(r.value.steps);
      setStopped(r.value.stopped);
    } else if (r.error.code === 'cancelled') {
      setStopped('cancelled');
    } else {
      setError(r.error);
    }
  };

  /** One token from the distribution the bars show. */
  const step = () => {
    if (!current || current.logits.length === 0) return;
    const d = distribution(current.logits, s, allowed);
    // The seed's stream, advanced one draw per earlier step: stepping draws what Generate would.
    const rng = mulberry32(s.seed);
    for (let k = 0; k < steps.length; k++) rng();
    const id = sample(d, rng);
    const name = (k: number) => current.top.find((x) => x.id === k)?.display ?? `#${k}`;
    const alternatives = Array.from(d.order.subarray(0, STEP_ALTERNATIVES), (a) => ({ id: a, display: name(a), prob: d.probs[a] }));
    // The text is filled in from the host's answer for the new ids (see `label`).
    setSteps((old) => [...old, { step: old.length, id, display: name(id), text: '', prob: d.probs[id], alternatives }]);
    setStopped('');
  };

  const appended = current ? current.appended : [];
  const label = (x: Shown, i: number) => (x.display.startsWith('#') && appended[i] ? appended[i].display : x.display);
  const last = steps.at(-1);
  if (!text) return null;
  return (
    <section class="stack" data-testid="gpt-generate">
      {current ? <TruncationNote tok={current.tokenization} /> : null}
      <div class="form-grid">
        <label class="field">
          <span>
            {t('gptTemperature')} <strong data-testid="temperature-value">{s.temperature.toFixed(2)}</strong>
            {s.temperature === 0 ? ` (${t('gptGreedy')})` : ''}
          </span>
          <input type="range" min={0} max={2} step={0.01} value={s.temperature} data-testid="temperature" onInput={(e) => set('temperature', Number(e.currentTarget.value))} />
        </label>
        <label class="field">
          {t('gptTopK')}
          <DraftInput type="number" min={0} max={GPT_VOCAB_SIZE} value={s.topK} data-testid="top-k" onCommit={(text) => set('topK', clampInt(text, 0, GPT_VOCAB_SIZE, 0))} />
        </label>
        <label class="field">
          {t('gptTopP')}
          <DraftInput type="number" min={0.01} max={1} step={0.01} value={s.topP} data-testid="top-p" onCommit={(text) => set('topP', clamp(Number(text), 0.01, 1, 1))} />
        </label>
        <label class="field">
          {t('gptSeed')}
          <DraftInput type="number" min={0} value={s.seed} data-testid="seed" onCommit={(text) => set('seed', clampInt(text, 0, 2 ** 32 - 1, 0))} />
        </label>
        <label class="field">
          {t('gptMaxTokens')}
          <DraftInput type="number" min={1} max={MAX_NEW_TOKENS} value={s.maxTokens} data-testid="max-tokens" onCommit={(text) => set('maxTokens', clampInt(text, 1, MAX_NEW_TOKENS, 40))} />
        </label>
      </div>
      <div class="row">
        <button class="primary" data-testid="generate" disabled={!!running} onClick={() => void generate()}>
          {t('gptGenerate')}
        </button>
        <button data-testid="stop" disabled={!running} onClick={() => running?.abort()}>
          {t('gptStop')}
        </button>
        <button data-testid="step" disabled={!!running || !current} onClick={step} title={t('gptStepHelp')}>
          {t('gptStep')}
        </button>
        <button disabled={!!running || steps.length === 0} onClick={() => (setSteps([]), setStopped(''))}>
          {t('gptClear')}
        </button>
        <ExportButton name="generation" data={() => ({ prompt: text, settings: s, stopped: stopped || null, steps: steps.map((x, i) => ({ step: x.step, id: x.id, token: label(x, i), prob: x.prob, alternatives: x.alternatives })) })} />
      </div>
      {error ? <Failure error={error} retry={() => void generate()} /> : null}
      <p class="generation" data-testid="generation" aria-live="polite">
        <span class="muted">{text.length > 160 ? `…${text.slice(-160)}` : text}</span>
        {steps.map((x, i) => (
          <span key={i} class="gen-tok" title={`${label(x, i)}  p = ${x.prob.toFixed(3)}`}>
            {x.text || stepText(label(x, i))}
          </span>
        ))}
        {running ? <span class="spinner" aria-hidden="true" /> : null}
      </p>
      {stopped ? <p class="small muted" data-testid="stopped">{t(`gptStopped_${stopped}` as 'gptStopped_max-tokens')}</p> : null}
      {last ? (
        <div class="small" data-testid="last-step">
          {t('gptChose', { tok: showWhitespace(label(last, steps.length - 1), true), p: (last.prob * 100).toFixed(1) })}{' '}
          {last.alternatives.slice(0, 5).map((a) => (
            <span key={a.id} class="chip">
              {showWhitespace(a.display, true)} <span class="muted">{(a.prob * 100).toFixed(1)}%</span>
            </span>
          ))}
        </div>
      ) : null}
      <h3>{t('gptNextToken')}</h3>
      {running ? <Working what={t('gptGenerating')} /> : next.status === 'error' ? <Failure error={next.error} retry={next.retry} /> : !current ? <Working what={t('gptThinking')} /> : <ProbBars logits={current.logits} top={current.top} settings={s} allowed={allowed} />}
    </section>
  );
}

/** A step-mode token as text: its characters, or nothing for a byte that is part of one. */
const stepText = (display: string) => (/^<[0-9a-f ]+>$/.test(display) || display.startsWith('#') ? '' : display);

function clamp(v: number, lo: number, hi: number, fallback: number): number {
  return Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : fallback;
}
function clampInt(v: string, lo: number, hi: number, fallback: number): number {
  return Math.round(clamp(Number(v), lo, hi, fallback));
}
