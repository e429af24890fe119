import { t } from '@/platform/i18n';
import { BpTex } from '@/components/backprop-lab/bp-tex';
import { InputPreview } from '@/components/digit-lab/input-preview';
import { ProbBars } from '@/components/digit-lab/prob-bars';
import type { ExampleTrace } from '@/models/mnist-mlp/reference/backprop';
import type { Cost } from '@/models/mnist-mlp/reference/costs';
import { num } from '@/components/backprop-lab/format';
import { DIGIT_CLASSES } from '@/platform/protocol/training';

/**
 * C_0's formula (KaTeX source) and the same with this example's numbers (plain text), as lesson 4
 * writes it, or -ln a_t for cross-entropy.
 */
export function costFormula(cost: Cost, aL: ArrayLike<number>, target: number, value: number): { tex: string; numbers: string } {
  if (cost === 'cross-entropy') {
    return { tex: `C_0 = -\\ln a^{(L)}_{${target}}`, numbers: `= −ln ${num(aL[target]!)} = ${num(value)}` };
  }
  // Every term would not fit 320 px: the first, the target's, the last, and the total.
  const term = (j: number) => `(${num(aL[j]!)} − ${j === target ? 1 : 0})²`;
  const shown = [...new Set([0, target, aL.length - 1])].sort((x, y) => x - y);
  const parts: string[] = [];
  shown.forEach((j, i) => {
    if (i > 0 && j > shown[i - 1]! + 1) parts.push('…');
    parts.push(term(j));
  });
  if (shown[0]! > 0) parts.unshift('…');
  return { tex: `C_0 = \\sum_{j=0}^{${aL.length - 1}} \\left(a^{(L)}_j - y_j\\right)^2`, numbers: `= ${parts.join(' + ')} = ${num(value)}` };
}

export interface StageExampleProps {
  image: Float32Array;
  trace: ExampleTrace;
  cost: Cost;
  guess: number;
  target: number;
  /** null: follow the network's guess. */
  chosen: number | null;
  onTarget: (d: number | null) => void;
}

/** Stage 1: the input as the network sees it, its probabilities, the target, and the cost C_0. */
export function StageExample({ image, trace, cost, guess, target, chosen, onTarget }: StageExampleProps) {
  const L = trace.a.length - 1;
  const formula = costFormula(cost, trace.a[L]!, target, trace.cost_value);
  return (
    <section class="card stack bp-stage" data-testid="bp-stage-example" aria-labelledby="bp-h1">
      <h3 id="bp-h1">{t('bpStage1')}</h3>
      <div class="row" style={{ alignItems: 'flex-start' }}>
        <InputPreview image={image} zoom={3} label={t('digitInput')} />
        <ProbBars probs={trace.a[L]!} labels={{ prediction: t('digitPrediction'), probabilities: t('digitProbabilities') }} />
      </div>
      <label class="row">
        <span>{t('bpTeach')}</span>
        <select
          data-testid="bp-target"
          value={chosen === null ? 'guess' : String(chosen)}
          onChange={(e) => {
            const v = (e.currentTarget as HTMLSelectElement).value;
            onTarget(v === 'guess' ? null : Number(v));
          }}
        >
          <option value="guess">{t('bpTargetGuess', { d: guess })}</option>
          {Array.from({ length: DIGIT_CLASSES }, (_, d) => (
            <option key={d} value={String(d)}>
              {d}
            </option>
          ))}
        </select>
      </label>
      <p class="muted small">{cost === 'cross-entropy' ? t('bpCostCe') : t('bpCostQuad')}</p>
      <div class="bp-formula" data-testid="bp-cost" data-cost={trace.cost_value} data-target={target}>
        <BpTex tex={formula.tex} />
        <div class="bp-numeric">{formula.numbers}</div>
      </div>
    </section>
  );
}
