import { t } from '@/platform/i18n';
import type { GptNeuronEffect, TokenValue } from '@/platform/protocol/protocol';
import { showWhitespace } from '@/components/gpt-lab/shared/show-whitespace';

function Pushes({ title, rows }: { title: string; rows: TokenValue[] }) {
  return (
    <div class="stack">
      <span class="small">
        <strong>{title}</strong>
      </span>
      <span class="row">
        {rows.map((r) => (
          <span key={r.id} class="chip" data-id={r.id} data-value={r.value.toFixed(5)}>
            {showWhitespace(r.display, true)} <span class="muted">{r.value >= 0 ? `+${r.value.toFixed(2)}` : r.value.toFixed(2)}</span>
          </span>
        ))}
      </span>
    </div>
  );
}

/** The tokens a neuron raises and lowers most through the unembedding (its direct effect). */
export function NeuronEffect({ effect }: { effect: GptNeuronEffect }) {
  return (
    <div class="effect" data-testid="neuron-effect" data-neuron={`${effect.layer}:${effect.index}`}>
      <Pushes title={t('gptNeuronUp')} rows={effect.up} />
      <Pushes title={t('gptNeuronDown')} rows={effect.down} />
    </div>
  );
}
