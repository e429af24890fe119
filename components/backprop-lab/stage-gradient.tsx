import { t } from '@/platform/i18n';
import { NetGradient, type NetGradientProps } from '@/components/backprop-lab/net-gradient';
import { HeatCanvas } from '@/components/backprop-lab/heat-canvas';
import { maxAbs, num, SIGN_COLOR } from '@/components/backprop-lab/format';

/** The stage shows the network's gradient and adds the first layer's pictures: the same inputs. */
export type StageGradientProps = NetGradientProps;

/** Stage 5: dC/dw on every drawn link and dC/db on every neuron; the first layer's gradient as 28x28 pictures. */
export function StageGradient(props: StageGradientProps) {
  const { sizes, image, trace } = props;
  const L = sizes.length - 1;
  const n0 = sizes[0]!;
  const side = Math.round(Math.sqrt(n0));
  const g1 = trace.grad_W[1]!;
  const scale1 = maxAbs(g1);
  let moving = 0;
  for (let i = 0; i < g1.length; i++) if (g1[i] !== 0) moving++;
  let inked = 0;
  for (let k = 0; k < n0; k++) if (image[k]! > 0) inked++;
  const rows1 = Array.from({ length: sizes[1]! }, (_, j) => g1.subarray(j * n0, (j + 1) * n0));
  return (
    <section class="card stack bp-stage" data-testid="bp-stage-gradient" aria-labelledby="bp-h5">
      <h3 id="bp-h5">{t('bpStage5')}</h3>
      <NetGradient {...props} />
      <div class="legend-row" data-testid="bp-legend">
        <span>
          <span class="bp-swatch" style={{ background: SIGN_COLOR.down }} /> {t('bpLegendPos')}
        </span>
        <span>
          <span class="bp-swatch" style={{ background: SIGN_COLOR.up }} /> {t('bpLegendNeg')}
        </span>
        <span class="muted">{t('bpLegendWidth')}</span>
      </div>
      <details>
        <summary>{t('bpBiasTable')}</summary>
        <div class="stack small" data-testid="bp-grad-b">
          {Array.from({ length: L }, (_, i) => i + 1).map((l) => (
            <div key={l} class="bp-num">
              <strong>{`∂C₀/∂b⁽${l}⁾`}</strong> {Array.from(trace.grad_b[l]!, (v) => num(v)).join(', ')}
            </div>
          ))}
        </div>
      </details>
      <strong>{t('bpFirstLayer')}</strong>
      <p class="muted small" data-testid="bp-first-layer-note" data-moving={moving} data-inked={inked}>
        {t('bpFirstLayerNote', { moving, total: g1.length, inked })}
      </p>
      <div class="bp-grid16">
        {rows1.map((row, j) => (
          <figure key={j} class="bp-thumb">
            <HeatCanvas values={row} rows={side} cols={side} cell={2} scale={scale1} colors={props.colors} label={t('bpFirstLayerCell', { j })} />
            <figcaption class="small muted">{j}</figcaption>
          </figure>
        ))}
      </div>
    </section>
  );
}
