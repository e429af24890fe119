import type { JSX } from 'preact';
import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import { t } from '@/platform/i18n';
import type { ExampleTrace } from '@/models/mnist-mlp/reference/backprop';
import type { LabColors } from '@/components/backprop-lab/use-colors';
import { drawnLinks, IMG, imageTop, nearestLink, neuronAt, NEURON_R, VIEW_H, VIEW_W, type Link } from '@/components/backprop-lab/net-geometry';
import { maxAbs } from '@/components/backprop-lab/format';

export interface NetGradientProps {
  sizes: readonly number[];
  image: Float32Array;
  trace: ExampleTrace;
  target: number;
  picked: Link;
  onPick: (link: Link) => void;
  onOutput: (j: number) => void;
  colors: LabColors;
}

/** Backing-store pixels per view unit: sharp on a 2x screen at the panel's width. */
const RES = 2;
/** Links are stroked in this many bins of size per sign: a few paths, not one per link. */
const BINS = 8;

/**
 * Stage 5's network: dC_0/dw on every drawn link (colour = sign, width = size relative to the
 * layer's largest), dC_0/db as each neuron's fill, and stage 2's wishes as arrows beside the
 * outputs. A click picks the nearest link for the chain rule (stage 6) or an output for stage 3.
 * One canvas: as SVG, 500 links restyled on every recompute cost the panel a style pass each time.
 */
export function NetGradient({ sizes, image, trace, target, picked, onPick, onOutput, colors }: NetGradientProps) {
  const L = sizes.length - 1;
  const links = useMemo(() => drawnLinks(sizes, trace.grad_W), [sizes, trace]);
  const ref = useRef<HTMLCanvasElement>(null);

  useLayoutEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(RES, 0, 0, RES, 0, 0);
    ctx.globalAlpha = 1;
    ctx.clearRect(0, 0, VIEW_W, VIEW_H);
    // The input as the network sees it.
    const side = Math.round(Math.sqrt(sizes[0]!));
    const cell = IMG.size / side;
    const top = imageTop();
    ctx.strokeStyle = colors.border;
    ctx.lineWidth = 0.5;
    ctx.strokeRect(IMG.x, top, IMG.size, IMG.size);
    ctx.fillStyle = colors.fg;
    for (let i = 0; i < image.length; i++) {
      const v = image[i]!;
      if (!(v > 0)) continue;
      ctx.globalAlpha = Math.min(1, v) * 0.8;
      ctx.fillRect(IMG.x + (i % side) * cell, top + Math.floor(i / side) * cell, cell, cell);
    }
    // Links, binned by sign and size, faint bins first: 16 paths for ~500 links keeps the canvas's
    // rasterisation (on the main thread where the canvas is not GPU-backed) short.
    const scale = trace.grad_W.map((g) => maxAbs(g));
    const bins: Link[][] = Array.from({ length: 2 * BINS }, () => []);
    for (const link of links) {
      const g = trace.grad_W[link.l]![link.j * sizes[link.l - 1]! + link.k]!;
      const rel = scale[link.l]! > 0 ? Math.abs(g) / scale[link.l]! : 0;
      bins[(g > 0 ? BINS : 0) + Math.min(BINS - 1, Math.floor(rel * BINS))]!.push(link);
    }
    for (let b = 0; b < BINS; b++) {
      const rel = (b + 0.5) / BINS;
      for (const positive of [false, true]) {
        const group = bins[(positive ? BINS : 0) + b]!;
        if (group.length === 0) continue;
        ctx.globalAlpha = 0.2 + 0.8 * rel;
        ctx.strokeStyle = positive ? colors.bad : colors.accent;
        ctx.lineWidth = 0.25 + 2.75 * rel;
        ctx.beginPath();
        for (const link of group) {
          const a = neuronAt(sizes, link.l - 1, link.k);
          const e = neuronAt(sizes, link.l, link.j);
          ctx.moveTo(a.x, a.y);
          ctx.lineTo(e.x, e.y);
        }
        ctx.stroke();
      }
    }
    // The picked link, outlined above the others.
    const pa = neuronAt(sizes, picked.l - 1, picked.k);
    const pb = neuronAt(sizes, picked.l, picked.j);
    ctx.globalAlpha = 1;
    ctx.strokeStyle = colors.fg;
    ctx.lineWidth = 1.2;
    ctx.setLineDash([3, 2]);
    ctx.beginPath();
    ctx.moveTo(pa.x, pa.y);
    ctx.lineTo(pb.x, pb.y);
    ctx.stroke();
    ctx.setLineDash([]);
    // Neurons: fill = dC_0/db (colour = sign, strength = size in its layer).
    for (let l = 1; l <= L; l++) {
      const gb = trace.grad_b[l]!;
      const bScale = maxAbs(gb);
      for (let j = 0; j < sizes[l]!; j++) {
        const c = neuronAt(sizes, l, j);
        const v = gb[j]!;
        ctx.globalAlpha = 1;
        ctx.fillStyle = colors.bg;
        ctx.beginPath();
        ctx.arc(c.x, c.y, NEURON_R, 0, 2 * Math.PI);
        ctx.fill();
        if (v !== 0) {
          ctx.globalAlpha = 0.15 + 0.85 * (bScale > 0 ? Math.abs(v) / bScale : 0);
          ctx.fillStyle = v > 0 ? colors.bad : colors.accent;
          ctx.fill();
        }
        ctx.globalAlpha = 1;
        ctx.strokeStyle = colors.muted;
        ctx.lineWidth = 0.6;
        ctx.stroke();
      }
    }
    // Output labels and what each output wants (stage 2), as arrows.
    const aL = trace.a[L]!;
    ctx.font = '8px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    for (let j = 0; j < sizes[L]!; j++) {
      const c = neuronAt(sizes, L, j);
      ctx.globalAlpha = 1;
      ctx.fillStyle = colors.fg;
      ctx.font = `${j === target ? 'bold ' : ''}8px system-ui, sans-serif`;
      ctx.fillText(String(j), c.x + 8, c.y);
      const want = (j === target ? 1 : 0) - aL[j]!;
      const len = 9 * Math.min(1, Math.abs(want));
      if (len < 0.3) continue;
      const x = c.x + 22;
      const dir = want > 0 ? -1 : 1;
      ctx.strokeStyle = want > 0 ? colors.accent : colors.bad;
      ctx.fillStyle = ctx.strokeStyle;
      ctx.lineWidth = 1.6;
      ctx.beginPath();
      ctx.moveTo(x, c.y);
      ctx.lineTo(x, c.y + dir * len);
      ctx.stroke();
      ctx.beginPath();
      ctx.moveTo(x - 2.5, c.y + dir * (len - 2.5));
      ctx.lineTo(x + 2.5, c.y + dir * (len - 2.5));
      ctx.lineTo(x, c.y + dir * (len + 1));
      ctx.fill();
    }
  }, [sizes, image, trace, target, picked, colors]);

  const click = (e: JSX.TargetedMouseEvent<HTMLCanvasElement>) => {
    const r = ref.current?.getBoundingClientRect();
    if (!r || r.width === 0) return;
    const p = { x: ((e.clientX - r.left) * VIEW_W) / r.width, y: ((e.clientY - r.top) * VIEW_H) / r.height };
    for (let j = 0; j < sizes[L]!; j++) {
      const c = neuronAt(sizes, L, j);
      if (Math.hypot(p.x - c.x, p.y - c.y) <= NEURON_R + 2) return onOutput(j);
    }
    const link = nearestLink(sizes, links, p);
    if (link) onPick(link);
  };

  return (
    <canvas
      ref={ref}
      width={VIEW_W * RES}
      height={VIEW_H * RES}
      role="img"
      aria-label={t('bpNetLabel')}
      data-testid="bp-net"
      data-links={links.length}
      onClick={click}
      class="bp-net"
      style={{ aspectRatio: `${VIEW_W} / ${VIEW_H}`, cursor: 'pointer' }}
    />
  );
}
