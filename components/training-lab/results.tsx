import { useLayoutEffect, useRef } from 'preact/hooks';
import type { TrainSummary } from '@/platform/protocol/protocol';
import { DIGIT_PIXELS, DIGIT_SIDE } from '@/platform/protocol/training';

/** confusion[label][predicted], shaded by count; the diagonal is what went right. */
export function Confusion({ m, labels }: { m: number[][]; labels: { title: string; rows: string; cols: string } }) {
  const max = Math.max(1, ...m.flatMap((r, i) => r.filter((_, j) => j !== i)));
  return (
    <figure data-testid="confusion-matrix">
      <figcaption class="muted">{`${labels.title} (${labels.rows} ↓, ${labels.cols} →)`}</figcaption>
      <table class="confusion">
        <tbody>
          <tr>
            <th />
            {m.map((_, j) => (
              <th key={j}>{j}</th>
            ))}
          </tr>
          {m.map((row, i) => (
            <tr key={i}>
              <th>{i}</th>
              {row.map((v, j) => (
                <td
                  key={j}
                  data-count={v}
                  style={{ background: i === j ? 'color-mix(in srgb, var(--good) 25%, transparent)' : `rgba(220, 60, 60, ${(v / max) * 0.8})` }}
                >
                  {v}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function Digit({ pixels }: { pixels: number[] }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(DIGIT_SIDE, DIGIT_SIDE);
    for (let i = 0; i < DIGIT_PIXELS; i++) {
      const v = 255 - pixels[i]!;
      img.data.set([v, v, v, 255], i * 4);
    }
    ctx.putImageData(img, 0, 0);
  }, [pixels]);
  return <canvas ref={ref} width={DIGIT_SIDE} height={DIGIT_SIDE} style={{ width: '42px', height: '42px', imageRendering: 'pixelated' }} />;
}

/** The test digits the network got wrong, with what it said. */
export function Gallery({ items, label }: { items: NonNullable<TrainSummary['misclassified']>; label: string }) {
  return (
    <figure data-testid="misclassified">
      <figcaption class="muted">{label}</figcaption>
      <div class="gallery">
        {items.map((d) => (
          <div key={d.index} class="gallery-item" title={`#${d.index}`}>
            <Digit pixels={d.pixels} />
            <span>
              {d.label}→<b>{d.predicted}</b>
            </span>
          </div>
        ))}
      </div>
    </figure>
  );
}
