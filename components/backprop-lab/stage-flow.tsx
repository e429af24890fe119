import { t } from '@/platform/i18n';
import type { ExampleTrace } from '@/models/mnist-mlp/reference/backprop';
import type { Network } from '@/models/mnist-mlp/reference/network';
import { HeatCanvas } from '@/components/backprop-lab/heat-canvas';
import { argmax, maxAbs, num } from '@/components/backprop-lab/format';
import type { LabColors } from '@/components/backprop-lab/use-colors';

/** One hop backwards: every neuron j of layer l wishes -w_jk delta_j for neuron k of layer l-1. */
function Hop({ net, trace, l, colors }: { net: Network; trace: ExampleTrace; l: number; colors: LabColors }) {
  const nOut = net.config.sizes[l]!;
  const nIn = net.config.sizes[l - 1]!;
  const W = net.W[l]!;
  const d = trace.delta[l]!;
  const wishes = new Float64Array(nOut * nIn);
  for (let j = 0; j < nOut; j++) for (let k = 0; k < nIn; k++) wishes[j * nIn + k] = -W[j * nIn + k]! * d[j]!;
  const sum = trace.dC_da[l - 1]!.map((v) => -v);
  const deltaPrev = trace.delta[l - 1]!.map((v) => -v);
  const scale = maxAbs(wishes);
  const sumScale = Math.max(maxAbs(sum), maxAbs(deltaPrev));
  const cell = Math.max(8, Math.min(14, Math.floor(240 / nIn)));
  const strongest = argmax(sum.map(Math.abs));
  return (
    <figure class="stack bp-hop" data-testid={`bp-hop-${l}`} data-delta={JSON.stringify(Array.from(trace.delta[l - 1]!))}>
      <figcaption class="small">{t('bpHopTitle', { from: l, to: l - 1 })}</figcaption>
      <HeatCanvas values={wishes} rows={nOut} cols={nIn} cell={cell} scale={scale} positive="up" colors={colors} label={t('bpHopGrid', { from: l, to: l - 1 })} />
      <span class="muted small">{t('bpHopSum', { to: l - 1 })}</span>
      <HeatCanvas values={sum} rows={1} cols={nIn} cell={cell} scale={sumScale} positive="up" colors={colors} label={t('bpHopSum', { to: l - 1 })} testid={`bp-sum-${l - 1}`} />
      <span class="muted small">{t('bpHopDelta', { to: l - 1 })}</span>
      <HeatCanvas values={deltaPrev} rows={1} cols={nIn} cell={cell} scale={sumScale} positive="up" colors={colors} label={t('bpHopDelta', { to: l - 1 })} testid={`bp-delta-${l - 1}`} />
      <span class="small">{t('bpHopStrongest', { k: strongest, to: l - 1, v: num(sum[strongest]!), d: num(deltaPrev[strongest]!) })}</span>
    </figure>
  );
}

/** Stage 4 (lesson 3): the outputs' wishes summed into the last hidden layer's delta, then again one layer down. */
export function StageFlow({ net, trace, colors }: { net: Network; trace: ExampleTrace; colors: LabColors }) {
  const hops = Array.from({ length: net.L - 1 }, (_, i) => net.L - i);
  return (
    <section class="card stack bp-stage" data-testid="bp-stage-flow" aria-labelledby="bp-h4">
      <h3 id="bp-h4">{t('bpStage4')}</h3>
      <p class="muted small">{t('bpFlowHelp')}</p>
      {hops.map((l) => (
        <Hop key={l} net={net} trace={trace} l={l} colors={colors} />
      ))}
      <p class="muted small">{t('bpFlowLegend')}</p>
    </section>
  );
}
