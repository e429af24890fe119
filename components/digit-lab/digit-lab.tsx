import { t } from '@/platform/i18n';
import { InputPreview } from '@/components/digit-lab/input-preview';
import { NetworkView } from '@/components/digit-lab/network-view';
import { ProbBars } from '@/components/digit-lab/prob-bars';
import { SketchPad } from '@/components/digit-lab/sketch-pad';
import { AddDrawing } from '@/components/digit-lab/add-drawing';
import { TeachButton } from '@/components/digit-lab/teach-button';
import { NetChoice } from '@/components/digit-lab/net-choice';
import { useDigitNets } from '@/components/digit-lab/use-digit-nets';
import { useLiveClassifier } from '@/components/digit-lab/use-live-classifier';

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] ?? 0;

/**
 * Draw a digit, watch the network classify it live: the pretrained
 * 784-16-16-10, or a network the learner trained and chose. Every pointer
 * event is classified; a result that arrives after a newer one is dropped.
 */
/**
 * closeAfterTeach: close this window once the side panel is asked to open (the popup; not the
 * digit lab opened as a tab by a card's "Try it").
 */
export function DigitLab({ closeAfterTeach = false }: { closeAfterTeach?: boolean } = {}) {
  const { saved, model, choose } = useDigitNets();
  const { image, layers, error, net, latency, onChange } = useLiveClassifier(model, saved);

  const probs = image && layers ? layers[layers.length - 1]! : null;
  return (
    <section class="stack digit-lab" data-testid="digit-lab">
      <div class="row" style={{ alignItems: 'flex-start' }}>
        <SketchPad onChange={onChange} labels={{ pad: t('digitPad'), undo: t('digitUndo'), clear: t('digitClear') }} />
        <div class="stack" style={{ minWidth: '200px' }}>
          <ProbBars
            probs={probs}
            labels={{ empty: t('digitDrawPrompt'), prediction: t('digitPrediction'), probabilities: t('digitProbabilities') }}
          />
          <InputPreview image={image} label={t('digitInput')} />
        </div>
      </div>
      {error && (
        <div class="fail" role="alert">
          {error}
        </div>
      )}
      {image && layers && (
        <NetworkView
          layers={layers}
          weights={net?.W.map((w) => (w instanceof Float32Array ? w : Float32Array.from(w)))}
          width={560}
          height={260}
          labels={{ title: t('digitNetworkTitle'), input: t('digitTipInput'), hidden: t('digitTipHidden'), output: t('digitTipOutput') }}
        />
      )}
      <AddDrawing image={image} probs={probs} />
      {image && <TeachButton image={image} model={model} closeAfterTeach={closeAfterTeach} />}
      <NetChoice saved={saved} model={model} choose={choose} />
      <div class="muted" data-testid="digit-latency" data-p95={latency.length ? p95(latency).toFixed(2) : ''} data-n={latency.length}>
        {net ? `${net.sizes.join('-')} · ${t('digitModelNote')} · ${t('digitEngine')}` : ''}
        {latency.length ? ` · ${t('digitLatency')} p95 ${p95(latency).toFixed(1)} ms (n = ${latency.length})` : ''}
      </div>
    </section>
  );
}
