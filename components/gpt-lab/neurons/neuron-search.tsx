import { useEffect, useState } from 'preact/hooks';
import { t } from '@/platform/i18n';
import type { NeuronId } from '@/components/gpt-lab/neurons/neuron-id';

/** Go to a neuron by block and index. */
export function NeuronSearch({ layers, d, chosen, onChoose }: { layers: number; d: number; chosen: NeuronId | null; onChoose: (n: NeuronId) => void }) {
  const [layer, setLayer] = useState(String(chosen?.layer ?? 0));
  const [index, setIndex] = useState(String(chosen?.index ?? 0));
  useEffect(() => {
    if (!chosen) return;
    setLayer(String(chosen.layer));
    setIndex(String(chosen.index));
  }, [chosen?.layer, chosen?.index]);
  const l = Number(layer);
  const i = Number(index);
  const valid = Number.isInteger(l) && l >= 0 && l < layers && Number.isInteger(i) && i >= 0 && i < d;
  return (
    <form
      class="row"
      data-testid="neuron-search"
      onSubmit={(ev) => {
        ev.preventDefault();
        if (valid) onChoose({ layer: l, index: i });
      }}
    >
      <label class="field-inline">
        {t('gptLayer')} <input type="number" class="narrow" min={0} max={layers - 1} value={layer} data-testid="neuron-layer" onInput={(e) => setLayer(e.currentTarget.value)} />
      </label>
      <label class="field-inline">
        {t('gptNeuronIndex')} <input type="number" class="narrow" min={0} max={d - 1} value={index} data-testid="neuron-index" onInput={(e) => setIndex(e.currentTarget.value)} />
      </label>
      <button type="submit" disabled={!valid} data-testid="neuron-show">
        {t('gptNeuronShow')}
      </button>
    </form>
  );
}
