import { DIGIT_CLASSES } from '@/platform/protocol/training';

export interface ProbBarsLabels {
  /** Shown instead of a guess while the pad is blank. */
  empty: string;
  /** Text before the predicted digit, e.g. "Prediction". */
  prediction: string;
  /** Accessible name of the list of bars. */
  probabilities: string;
}

export interface ProbBarsProps {
  /** Ten class probabilities (softmax output), or null for a blank pad. */
  probs: ArrayLike<number> | null;
  labels?: Partial<ProbBarsLabels>;
}

const DEFAULT_LABELS: ProbBarsLabels = { empty: 'draw a digit', prediction: 'Prediction', probabilities: 'Probability of each digit' };

/** Index of the largest finite value, or null when there is none. */
export function predictedClass(probs: ArrayLike<number> | null): number | null {
  if (!probs) return null;
  let best: number | null = null;
  for (let i = 0; i < probs.length; i++) {
    const v = probs[i]!;
    if (Number.isFinite(v) && (best === null || v > probs[best]!)) best = i;
  }
  return best;
}

/** "97.3%"; one decimal so small runners-up do not all read "0%". */
export function formatProb(p: number): string {
  if (!Number.isFinite(p)) return '–';
  return `${(Math.min(Math.max(p, 0), 1) * 100).toFixed(1)}%`;
}

/** The predicted digit and one bar per class. */
export function ProbBars({ probs, labels }: ProbBarsProps) {
  const text = { ...DEFAULT_LABELS, ...labels };
  const best = predictedClass(probs);
  const rows = Array.from({ length: probs ? probs.length : DIGIT_CLASSES }, (_, d) => (probs ? probs[d]! : 0));
  return (
    <div class="stack" style={{ gap: '6px', minWidth: '180px' }}>
      <div class="row" style={{ alignItems: 'baseline' }}>
        <span class="muted">{text.prediction}</span>
        {/* Only the digit goes in here, so tests and screen readers get a clean value. */}
        <strong
          data-testid="digit-prediction"
          data-empty={best === null ? 'true' : undefined}
          aria-live="polite"
          style={best === null ? { fontWeight: 400, color: 'var(--muted)' } : { fontSize: '28px', lineHeight: 1 }}
        >
          {best === null ? text.empty : String(best)}
        </strong>
      </div>
      <ol data-testid="digit-probs" aria-label={text.probabilities} style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: '2px' }}>
        {rows.map((p, d) => {
          const shown = best === null ? 0 : Math.min(Math.max(Number.isFinite(p) ? p : 0, 0), 1);
          return (
            <li key={d} data-digit={d} data-prob={best === null ? undefined : shown.toFixed(4)} style={{ display: 'grid', gridTemplateColumns: '1.2em 1fr 4em', gap: '6px', alignItems: 'center' }}>
              <span style={{ fontWeight: d === best ? 700 : 400 }}>{d}</span>
              <span aria-hidden="true" style={{ height: '10px', background: 'var(--panel)', border: '1px solid var(--border)', borderRadius: '3px', overflow: 'hidden' }}>
                <span style={{ display: 'block', height: '100%', width: `${shown * 100}%`, background: d === best ? 'var(--accent)' : 'var(--muted)' }} />
              </span>
              <span class="muted" style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums', fontSize: '12px' }}>
                {best === null ? '–' : formatProb(p)}
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
