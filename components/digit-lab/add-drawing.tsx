import { useState } from 'preact/hooks';
import { t } from '@/platform/i18n';
import { addMyDigit } from '@/features/digits/my-digits';
import { predictedClass } from '@/components/digit-lab/prob-bars';
import { DIGIT_CLASSES } from '@/platform/protocol/training';

/**
 * Keep the drawing, labelled (the network's guess unless the learner picks another), for training.
 * Mounted with the lab, so the chosen label and the count survive a cleared pad.
 */
export function AddDrawing({ image, probs }: { image: Float32Array | null; probs: Float32Array | null }) {
  const [label, setLabel] = useState<number | null>(null);
  const [added, setAdded] = useState('');
  if (!image) return null;
  return (
    <div class="row" data-testid="add-drawing">
      <span class="muted">{t('addDrawing')}</span>
      <select
        data-testid="add-drawing-label"
        value={String(label ?? predictedClass(probs) ?? 0)}
        onChange={(e) => setLabel(Number((e.currentTarget as HTMLSelectElement).value))}
      >
        {Array.from({ length: DIGIT_CLASSES }, (_, d) => (
          <option key={d} value={d}>
            {d}
          </option>
        ))}
      </select>
      <button
        data-testid="add-drawing-button"
        onClick={() => void addMyDigit(image, label ?? predictedClass(probs) ?? 0).then((n) => setAdded(`${t('addedDrawings')}: ${n}`))}
      >
        {t('add')}
      </button>
      {added && (
        <span class="muted" data-testid="added-count">
          {added}
        </span>
      )}
    </div>
  );
}
