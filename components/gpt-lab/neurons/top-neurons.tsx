import { t } from '@/platform/i18n';
import type { Firing } from '@/components/gpt-lab/neurons/neuron-table';
import type { NeuronId } from '@/components/gpt-lab/neurons/neuron-id';

/** Each block's most active neurons at the chosen position; click one to see it over the text. */
export function TopNeurons({ tops, chosen, onChoose }: { tops: Firing[][]; chosen: NeuronId | null; onChoose: (n: NeuronId) => void }) {
  return (
    <div class="stack top-neurons">
      {tops.map((row, l) => (
        <div key={l} class="neuron-row">
          <span class="small muted">{t('gptLensBlock', { b: l })}</span>
          <span class="row neuron-chips">
            {row.map((f) => (
              <button
                key={f.index}
                class={chosen && chosen.layer === f.layer && chosen.index === f.index ? 'chip neuron-chip selected' : 'chip neuron-chip'}
                data-testid="top-neuron"
                data-layer={f.layer}
                data-index={f.index}
                data-value={f.value.toFixed(5)}
                onClick={() => onChoose(f)}
              >
                #{f.index} <span class="muted">{f.value.toFixed(2)}</span>
              </button>
            ))}
          </span>
        </div>
      ))}
    </div>
  );
}
