// Painting the network picture. Connections change only when the weights do,
// so they are painted once into their own layer; neurons are repainted for
// every new input. Both take the small slice of the 2D context they use, so
// tests can count calls without a browser.

import { brightness, neuronCentre, strongestInputs, type NetworkLayout } from '@/components/digit-lab/network-layout';
import type { ThemeColors } from '@/components/digit-lab/theme-colors';

export type Ctx2D = Pick<
  CanvasRenderingContext2D,
  'beginPath' | 'moveTo' | 'lineTo' | 'arc' | 'fill' | 'stroke' | 'fillRect' | 'strokeRect' | 'fillText' | 'clearRect'
> & {
  fillStyle: CanvasRenderingContext2D['fillStyle'];
  strokeStyle: CanvasRenderingContext2D['strokeStyle'];
  globalAlpha: number;
  lineWidth: number;
  font: string;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
};

export type ConnectionMode = 'none' | 'strongest' | 'all';

/** Fan-in drawn per neuron in 'strongest' mode when a layer has many inputs (the 784 pixels). */
const STRONGEST_K = 24;
/** Opacity steps: lines are batched by sign and step so a whole layer takes a few stroke() calls. */
const ALPHA_STEPS = [0.06, 0.14, 0.26, 0.45];

/**
 * weights[l] connects layer l-1 to layer l, row-major [n_l, n_(l-1)] as in
 * utils/mlp's Network.W (weights[0] is unused). Positive weights in the
 * accent color, negative in the "bad" color, stronger ones more opaque.
 */
export function drawConnections(
  ctx: Ctx2D,
  layout: NetworkLayout,
  weights: readonly (ArrayLike<number> | null | undefined)[],
  colors: ThemeColors,
  mode: ConnectionMode,
): void {
  if (mode === 'none') return;
  ctx.lineWidth = 0.6;
  for (let l = 1; l < layout.layers.length; l++) {
    const w = weights[l];
    const from = layout.layers[l - 1]!;
    const to = layout.layers[l]!;
    if (!w || w.length !== from.n * to.n) continue;
    let maxAbs = 0;
    for (let i = 0; i < w.length; i++) maxAbs = Math.max(maxAbs, Math.abs(w[i]!));
    if (!(maxAbs > 0)) continue;
    const fanIn = mode === 'strongest' && from.n > 64 ? STRONGEST_K : from.n;
    const picks = fanIn < from.n ? strongestInputs(w, to.n, from.n, fanIn) : null;
    for (const positive of [true, false]) {
      ctx.strokeStyle = positive ? colors.accent : colors.bad;
      for (let step = 0; step < ALPHA_STEPS.length; step++) {
        ctx.globalAlpha = ALPHA_STEPS[step]!;
        ctx.beginPath();
        for (let o = 0; o < to.n; o++) {
          const b = neuronCentre(to, o);
          for (let k = 0; k < fanIn; k++) {
            const i = picks ? picks[o * fanIn + k]! : k;
            const v = w[o * from.n + i]!;
            if (v > 0 !== positive || v === 0) continue;
            const level = Math.min(ALPHA_STEPS.length - 1, Math.floor((Math.abs(v) / maxAbs) * ALPHA_STEPS.length));
            if (level !== step) continue;
            const a = neuronCentre(from, i);
            ctx.moveTo(a.x, a.y);
            ctx.lineTo(b.x, b.y);
          }
        }
        ctx.stroke();
      }
    }
  }
  ctx.globalAlpha = 1;
}

/** Neurons lit by their activation; `highlight` (output argmax, hovered neuron) gets an accent ring. */
export function drawNeurons(
  ctx: Ctx2D,
  layout: NetworkLayout,
  layers: readonly ArrayLike<number>[],
  colors: ThemeColors,
  highlight: ReadonlyArray<{ layer: number; index: number }> = [],
): void {
  ctx.globalAlpha = 1;
  ctx.lineWidth = 1;
  layout.layers.forEach((layer, l) => {
    const values = layers[l];
    const lit = values && values.length === layer.n ? brightness(values) : new Float32Array(layer.n);
    if (layer.kind === 'grid') {
      const box = layer.cell * layer.side;
      ctx.fillStyle = colors.bg;
      ctx.fillRect(layer.x0, layer.y0, box, box);
      ctx.fillStyle = colors.fg;
      for (let i = 0; i < layer.n; i++) {
        if (lit[i]! <= 0) continue;
        ctx.globalAlpha = lit[i]!;
        const { x, y } = neuronCentre(layer, i);
        // Cells overlap by a hair so no seams show between lit neighbours.
        ctx.fillRect(x - layer.cell / 2, y - layer.cell / 2, layer.cell + 0.3, layer.cell + 0.3);
      }
      ctx.globalAlpha = 1;
      ctx.strokeStyle = colors.border;
      ctx.strokeRect(layer.x0, layer.y0, box, box);
      return;
    }
    // Opaque discs first so connections do not show through dim neurons.
    ctx.fillStyle = colors.bg;
    ctx.beginPath();
    for (let j = 0; j < layer.n; j++) circle(ctx, layer.x, layer.y0 + j * layer.step, layer.r);
    ctx.fill();
    ctx.fillStyle = colors.fg;
    for (let j = 0; j < layer.n; j++) {
      if (lit[j]! <= 0) continue;
      ctx.globalAlpha = lit[j]!;
      ctx.beginPath();
      circle(ctx, layer.x, layer.y0 + j * layer.step, layer.r);
      ctx.fill();
    }
    ctx.globalAlpha = 1;
    ctx.strokeStyle = colors.border;
    ctx.beginPath();
    for (let j = 0; j < layer.n; j++) circle(ctx, layer.x, layer.y0 + j * layer.step, layer.r);
    ctx.stroke();
    if (l === layout.layers.length - 1) {
      ctx.fillStyle = colors.muted;
      ctx.font = `${Math.max(9, Math.min(13, layer.step * 0.8))}px system-ui, sans-serif`;
      ctx.textAlign = 'left';
      ctx.textBaseline = 'middle';
      for (let j = 0; j < layer.n; j++) ctx.fillText(String(j), layer.x + layer.r + 4, layer.y0 + j * layer.step);
    }
  });
  ctx.strokeStyle = colors.accent;
  ctx.lineWidth = 2;
  for (const h of highlight) {
    const layer = layout.layers[h.layer];
    if (!layer || h.index < 0 || h.index >= layer.n) continue;
    const { x, y } = neuronCentre(layer, h.index);
    ctx.beginPath();
    if (layer.kind === 'grid') {
      ctx.strokeRect(x - layer.cell / 2, y - layer.cell / 2, layer.cell, layer.cell);
    } else {
      circle(ctx, x, y, layer.r + 1.5);
      ctx.stroke();
    }
  }
  ctx.lineWidth = 1;
}

function circle(ctx: Ctx2D, x: number, y: number, r: number): void {
  ctx.moveTo(x + r, y);
  ctx.arc(x, y, r, 0, 2 * Math.PI);
}
