import { useMemo, useState } from 'preact/hooks';
import { t } from '@/platform/i18n';
import type { GptNeurons } from '@/platform/protocol/protocol';
import { Tex } from '@/components/shared/tex';
import { ExportButton, exportedTokens } from '@/components/gpt-lab/shared/export-button';
import { NeuronEffect } from '@/components/gpt-lab/neurons/neuron-effect';
import { NeuronSearch } from '@/components/gpt-lab/neurons/neuron-search';
import { nestedActivations, neuronTable, neuronTrace, topNeurons, type NeuronTable } from '@/components/gpt-lab/neurons/neuron-table';
import { NeuronText } from '@/components/gpt-lab/neurons/neuron-text';
import { neuronName, type NeuronId } from '@/components/gpt-lab/neurons/neuron-id';
import { TopNeurons } from '@/components/gpt-lab/neurons/top-neurons';
import { usePaintTimer } from '@/components/gpt-lab/shared/paint-timer';
import { useAfterPaint } from '@/components/gpt-lab/shared/use-after-paint';
import { useDecoded } from '@/components/gpt-lab/neurons/use-decoded';
import { Failure, TruncationNote, Working } from '@/components/gpt-lab/shared/status';
import { tokenLabels } from '@/components/gpt-lab/shared/token-segments';
import { useRpc } from '@/components/gpt-lab/shared/use-rpc';

/** How many neurons each block lists for the chosen position. */
const TOP = 10;

/** MLP neurons: which fire at a position, where one fires over the text, and what it writes. */
export function NeuronsView({ text }: { text: string }) {
  const res = useRpc('host.gpt.neurons', text ? { text } : null, text);
  if (res.status === 'error') return <Failure error={res.error} retry={res.retry} />;
  if (res.status !== 'ready') return <Working what={t('gptNeuronsWorking')} />;
  return <Decoded n={res.value} />;
}

function Decoded({ n }: { n: GptNeurons }) {
  const tab = useDecoded(n, neuronTable);
  if (!tab) return <Working what={t('gptNeuronsWorking')} />;
  return <Neurons n={n} tab={tab} />;
}

function Neurons({ n, tab }: { n: GptNeurons; tab: NeuronTable }) {
  const labels = useMemo(() => tokenLabels(n.tokenization), [n]);
  const [position, setPosition] = useState(Math.max(0, tab.T - 1));
  const tops = useMemo(() => Array.from({ length: tab.layers }, (_, l) => topNeurons(tab, l, position, TOP)), [tab, position]);
  // Opens on the last block's most active neuron at the last token.
  const [chosen, setChosen] = useState<NeuronId | null>(() => {
    const top = tops.at(-1)?.[0];
    return top ? { layer: top.layer, index: top.index } : null;
  });
  const trace = useMemo(() => (chosen ? neuronTrace(tab, chosen.layer, chosen.index) : null), [tab, chosen]);
  const effect = useRpc('host.gpt.neuron', chosen, chosen ? `${chosen.layer}:${chosen.index}` : '');
  const timer = usePaintTimer<HTMLDivElement>();
  // The text paints first; the neuron lists and the formula a task later.
  const rest = useAfterPaint();
  const choose = (c: NeuronId) => {
    timer.start();
    setChosen({ layer: c.layer, index: c.index });
  };
  const pick = (p: number) => {
    timer.start();
    setPosition(p);
  };
  if (tab.T === 0) return <p class="muted">{t('gptEmptyHint')}</p>;
  let peak = 0;
  if (trace) for (let i = 1; i < trace.length; i++) if (trace[i] > trace[peak]) peak = i;
  const shownEffect = effect.status === 'ready' && chosen && effect.value.layer === chosen.layer && effect.value.index === chosen.index ? effect.value : null;
  return (
    <section class="stack" data-testid="gpt-neurons">
      <TruncationNote tok={n.tokenization} />
      <div class="row">
        <ExportButton
          name="neurons"
          data={() => ({
            tokens: exportedTokens(n.tokenization),
            n_layer: n.n_layer,
            d_mlp: n.d_mlp,
            shape: '[layer][position][neuron], after GELU',
            activations: nestedActivations(tab),
            position,
            top_neurons: tops,
            neuron: chosen && trace ? { ...chosen, activations: Array.from(trace), up: shownEffect?.up ?? null, down: shownEffect?.down ?? null } : null,
          })}
        />
      </div>
      <p class="small muted">{t('gptNeuronsHelp')}</p>
      <div ref={timer.box} class="stack" data-testid="neuron-figure" data-neuron={chosen ? `${chosen.layer}:${chosen.index}` : ''} data-position={position}>
        <NeuronText tok={n.tokenization} trace={trace} position={position} onPosition={pick} />
        <p class="small" data-testid="neuron-legend">
          {chosen && trace ? (
            <>
              <strong>{neuronName(chosen)}</strong> {t('gptNeuronLegend', { max: (trace[peak] ?? 0).toFixed(2), tok: labels[peak] ?? '' })}
            </>
          ) : (
            t('gptNeuronPick')
          )}
        </p>
      </div>
      {rest ? (
        <>
          <NeuronSearch layers={tab.layers} d={tab.d} chosen={chosen} onChoose={choose} />
          <h3>{t('gptNeuronsTop', { t: position, tok: labels[position] ?? '' })}</h3>
          <TopNeurons tops={tops} chosen={chosen} onChoose={choose} />
          {chosen ? (
            <>
              <h3>{t('gptNeuronEffectTitle', { name: neuronName(chosen) })}</h3>
              {effect.status === 'error' ? <Failure error={effect.error} retry={effect.retry} /> : shownEffect ? <NeuronEffect effect={shownEffect} /> : <Working what={t('gptNeuronEffectWorking')} />}
            </>
          ) : null}
          <div class="card small">
            <Tex display tex={String.raw`\begin{gathered} a = \operatorname{GELU}\!\big(\operatorname{LN}_2(h)\,W_{\text{in}} + b_{\text{in}}\big) \in \mathbb{R}^{${tab.d}} \\ \Delta z = a_i\,\big(W_{\text{out}}[i] \odot \gamma_f\big)\,W_U^{\top} \end{gathered}`} />
            <p>{t('gptNeuronFormulaHelp')}</p>
          </div>
        </>
      ) : null}
    </section>
  );
}
