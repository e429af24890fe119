import { t } from '@/platform/i18n';
import type { ExampleTrace } from '@/models/mnist-mlp/reference/backprop';
import { num, SIGN_COLOR } from '@/components/backprop-lab/format';

/**
 * Stage 2 (lesson 3): what each output neuron wants, y_j - a_j: up for the target, down for the
 * others, in proportion to how far each is from where it should be. Also drawn as arrows on the
 * network in stage 5.
 */
export function StageWant({ trace, target }: { trace: ExampleTrace; target: number }) {
  const aL = trace.a[trace.a.length - 1]!;
  const wants = Array.from(aL, (a, j) => (j === target ? 1 : 0) - a);
  return (
    <section class="card stack bp-stage" data-testid="bp-stage-want" aria-labelledby="bp-h2">
      <h3 id="bp-h2">{t('bpStage2')}</h3>
      <p class="muted small">{t('bpWantHelp')}</p>
      <ol class="bp-wants" aria-label={t('bpWantList')}>
        {wants.map((w, j) => (
          <li key={j} data-digit={j} data-want={w}>
            <span style={{ fontWeight: j === target ? 700 : 400 }}>{j}</span>
            <span class="bp-want-track" aria-hidden="true">
              <span
                class="bp-want-fill"
                style={{
                  left: w >= 0 ? '50%' : `${50 + 50 * w}%`,
                  width: `${50 * Math.min(1, Math.abs(w))}%`,
                  background: w >= 0 ? SIGN_COLOR.up : SIGN_COLOR.down,
                }}
              />
            </span>
            <span class="small bp-num">{`${w >= 0 ? '↑' : '↓'} ${num(w)}`}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
