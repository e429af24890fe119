import type { JSX } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '@/platform/i18n';
import type { ExampleTrace } from '@/models/mnist-mlp/reference/backprop';
import { InputPreview } from '@/components/digit-lab/input-preview';
import { drawnLinks, IMG, imageTop, nearestLink, neuronAt, NEURON_R, VIEW_H, VIEW_W, type Link } from '@/components/backprop-lab/net-geometry';
import { maxAbs, num, SIGN_COLOR, signColor } from '@/components/backprop-lab/format';

export interface NetGradientProps {
  sizes: readonly number[];
  image: Float32Array;
  trace: ExampleTrace;
  target: number;
  picked: Link;
  onPick: (link: Link) => void;
  onOutput: (j: number) => void;
}



/**
 * Stage 5's network: dC_0/dw on every drawn link (colour = sign, width = size relative to the
 * layer's largest), dC_0/db as each neuron's fill, and stage 2's wishes as arrows beside the
 * outputs. A click picks the nearest link for the chain rule (stage 6) or an output for stage 3.
 */
export function NetGradient({ sizes, image, trace, target, picked, onPick, onOutput }: NetGradientProps) {
  const L = sizes.length - 1;
  const links = drawnLinks(sizes, trace.grad_W);
  const scale = trace.grad_W.map((g) => maxAbs(g));
  const bScale = trace.grad_b.map((g) => maxAbs(g));
  const svg = useRef<SVGSVGElement>(null);
  const aL = trace.a[L]!;

  const click = (e: JSX.TargetedMouseEvent<SVGSVGElement>) => {
    const r = svg.current?.getBoundingClientRect();
    if (!r || r.width === 0) return;
    const p = { x: ((e.clientX - r.left) * VIEW_W) / r.width, y: ((e.clientY - r.top) * VIEW_H) / r.height };
    for (let j = 0; j < sizes[L]!; j++) {
      const c = neuronAt(sizes, L, j);
      if (Math.hypot(p.x - c.x, p.y - c.y) <= NEURON_R + 2) return onOutput(j);
    }
    const link = nearestLink(sizes, links, p);
    if (link) onPick(link);
  };

  // The picked link is drawn last, outlined, so it stays visible above the others.
  const pickedLine = (() => {
    const a = neuronAt(sizes, picked.l - 1, picked.k);
    const b = neuronAt(sizes, picked.l, picked.j);
    return <line x1={a.x} y1={a.y} x2={b.x} y2={b.y} style={{ stroke: 'var(--fg)', strokeWidth: 1.2, strokeDasharray: '3 2' }} data-testid="bp-picked-link" />;
  })();

  return (
    <div class="bp-net" style={{ aspectRatio: `${VIEW_W} / ${VIEW_H}` }}>
      <div style={{ position: 'absolute', left: `${(IMG.x / VIEW_W) * 100}%`, top: `${(imageTop() / VIEW_H) * 100}%`, width: `${(IMG.size / VIEW_W) * 100}%` }}>
        <Scaled image={image} />
      </div>
      <svg
        ref={svg}
        viewBox={`0 0 ${VIEW_W} ${VIEW_H}`}
        role="img"
        aria-label={t('bpNetLabel')}
        data-testid="bp-net"
        data-links={links.length}
        onClick={click}
        style={{ position: 'absolute', inset: 0, width: '100%', height: '100%', cursor: 'pointer' }}
      >
        {links.map((link) => {
          const g = trace.grad_W[link.l]![link.j * sizes[link.l - 1]! + link.k]!;
          const rel = scale[link.l]! > 0 ? Math.abs(g) / scale[link.l]! : 0;
          const a = neuronAt(sizes, link.l - 1, link.k);
          const b = neuronAt(sizes, link.l, link.j);
          return (
            <line
              key={`${link.l}-${link.j}-${link.k}`}
              x1={a.x}
              y1={a.y}
              x2={b.x}
              y2={b.y}
              style={{ stroke: signColor(g), strokeWidth: 0.25 + 2.75 * rel, strokeOpacity: 0.2 + 0.8 * rel }}
            />
          );
        })}
        {pickedLine}
        {Array.from({ length: L }, (_, i) => i + 1).map((l) =>
          Array.from({ length: sizes[l]! }, (_, j) => {
            const c = neuronAt(sizes, l, j);
            const gb = trace.grad_b[l]![j]!;
            const rel = bScale[l]! > 0 ? Math.abs(gb) / bScale[l]! : 0;
            return (
              <circle
                key={`n${l}-${j}`}
                cx={c.x}
                cy={c.y}
                r={NEURON_R}
                data-layer={l}
                data-neuron={j}
                data-grad-b={gb}
                style={{ fill: gb === 0 ? 'var(--bg)' : signColor(gb), fillOpacity: gb === 0 ? 1 : 0.15 + 0.85 * rel, stroke: 'var(--muted)', strokeWidth: 0.6 }}
              >
                <title>{`a = ${num(trace.a[l]![j]!)}, ∂C₀/∂b = ${num(gb)}`}</title>
              </circle>
            );
          }),
        )}
        {Array.from({ length: sizes[L]! }, (_, j) => {
          const c = neuronAt(sizes, L, j);
          const want = (j === target ? 1 : 0) - aL[j]!;
          const len = 9 * Math.min(1, Math.abs(want));
          return (
            <g key={`w${j}`}>
              <text x={c.x + 9} y={c.y + 3} style={{ fontSize: '8px', fill: 'var(--fg)', fontWeight: j === target ? 700 : 400 }}>
                {j}
              </text>
              {len > 0.3 && (
                <line
                  x1={c.x + 24}
                  y1={c.y}
                  x2={c.x + 24}
                  y2={c.y - Math.sign(want) * len}
                  data-want={want}
                  style={{ stroke: want > 0 ? SIGN_COLOR.up : SIGN_COLOR.down, strokeWidth: 2, markerEnd: 'none' }}
                />
              )}
            </g>
          );
        })}
      </svg>
    </div>
  );
}

/** The input picture sized by its box (the InputPreview canvas at 1 CSS px per pixel, stretched). */
function Scaled({ image }: { image: Float32Array }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const canvas = ref.current?.querySelector('canvas');
    if (canvas) {
      canvas.style.width = '100%';
      canvas.style.height = 'auto';
      canvas.style.aspectRatio = '1';
    }
  });
  return (
    <div ref={ref}>
      <InputPreview image={image} zoom={1} label={t('digitInput')} />
    </div>
  );
}
