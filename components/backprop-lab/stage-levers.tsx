import { t } from '@/platform/i18n';
import type { ExampleTrace } from '@/models/mnist-mlp/reference/backprop';
import type { Network } from '@/models/mnist-mlp/reference/network';
import { num, signColor } from '@/components/backprop-lab/format';

export interface StageLeversProps {
  net: Network;
  trace: ExampleTrace;
  /** The output neuron whose levers are shown. */
  output: number;
  onOutput: (j: number) => void;
}

/** The k of the largest |v[k]|, at most n of them. */
function top(v: ArrayLike<number>, n: number): number[] {
  return Array.from({ length: v.length }, (_, k) => k)
    .filter((k) => v[k] !== 0)
    .sort((x, y) => Math.abs(v[y]!) - Math.abs(v[x]!))
    .slice(0, n);
}

function Lever({ title, help, rows, testid }: { title: string; help: string; rows: { label: string; value: number; note: string }[]; testid: string }) {
  const scale = Math.max(1e-300, ...rows.map((r) => Math.abs(r.value)));
  return (
    <div class="stack bp-lever" data-testid={testid}>
      <strong>{title}</strong>
      <span class="muted small">{help}</span>
      {rows.length === 0 && <span class="muted small">{t('bpNothing')}</span>}
      {rows.map((r) => (
        <div key={r.label} class="bp-lever-row small" data-value={r.value}>
          <span>{r.label}</span>
          <span class="bp-want-track" aria-hidden="true">
            <span class="bp-want-fill" style={{ left: 0, width: `${(100 * Math.abs(r.value)) / scale}%`, background: signColor(-r.value) }} />
          </span>
          <span class="bp-num">{r.note}</span>
        </div>
      ))}
    </div>
  );
}

/**
 * Stage 3 (lesson 3): the three ways an output neuron j can get what it wants, each as the
 * negative gradient (the direction one step moves): its bias, its weights in proportion to the
 * previous activations, the previous activations in proportion to its weights.
 */
export function StageLevers({ net, trace, output, onOutput }: StageLeversProps) {
  const L = net.L;
  const nIn = net.config.sizes[L - 1]!;
  const j = output;
  const d = trace.delta[L]![j]!;
  const aPrev = trace.a[L - 1]!;
  const W = net.W[L]!;
  const weightPull = Array.from({ length: nIn }, (_, k) => -aPrev[k]! * d);
  const activationPull = Array.from({ length: nIn }, (_, k) => -W[j * nIn + k]! * d);
  return (
    <section class="card stack bp-stage" data-testid="bp-stage-levers" aria-labelledby="bp-h3">
      <h3 id="bp-h3">{t('bpStage3')}</h3>
      <label class="row">
        <span>{t('bpOutputNeuron')}</span>
        <select data-testid="bp-output" value={String(j)} onChange={(e) => onOutput(Number((e.currentTarget as HTMLSelectElement).value))}>
          {Array.from({ length: net.config.sizes[L]! }, (_, k) => (
            <option key={k} value={String(k)}>
              {k}
            </option>
          ))}
        </select>
        <span class="small bp-num" data-testid="bp-output-delta" data-delta={d}>
          {`δ = ∂C₀/∂z = ${num(d)}`}
        </span>
      </label>
      <Lever
        testid="bp-lever-bias"
        title={t('bpLeverBias')}
        help={t('bpLeverBiasHelp')}
        rows={[{ label: `b${j}`, value: -d, note: `−∂C₀/∂b = ${num(-d)}` }]}
      />
      <Lever
        testid="bp-lever-weights"
        title={t('bpLeverWeights')}
        help={t('bpLeverWeightsHelp')}
        rows={top(weightPull, 4).map((k) => ({ label: `w${j},${k}`, value: weightPull[k]!, note: `a${k} = ${num(aPrev[k]!)} → ${num(weightPull[k]!)}` }))}
      />
      <Lever
        testid="bp-lever-activations"
        title={t('bpLeverActivations')}
        help={t('bpLeverActivationsHelp')}
        rows={top(activationPull, 4).map((k) => ({ label: `a${k}`, value: activationPull[k]!, note: `w = ${num(W[j * nIn + k]!)} → ${num(activationPull[k]!)}` }))}
      />
    </section>
  );
}
