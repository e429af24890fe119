import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { drawConnections, drawNeurons, type ConnectionMode } from '@/components/digit-lab/network-draw';
import { hitTest, layoutNetwork } from '@/components/digit-lab/network-layout';
import { themeColors, type ThemeColors } from '@/components/digit-lab/theme-colors';
import { onThemeChange } from '@/components/shared/theme';

export interface NetworkViewLabels {
  /** Accessible name of the picture. */
  title: string;
  /** Tooltip templates; {row} {col} {layer} {index} {value} are filled in. */
  input: string;
  hidden: string;
  output: string;
}

export interface NetworkViewProps {
  /** Activations per layer, input first: e.g. 784, 16, 16, 10 values. Empty draws nothing. */
  layers: readonly ArrayLike<number>[];
  /** weights[l]: layer l-1 -> l, row-major [n_l, n_(l-1)], as utils/mlp's Network.W (index 0 unused). */
  weights?: readonly (ArrayLike<number> | null | undefined)[];
  /** Bump after changing weights in place (training): the connection layer is cached by array identity. */
  weightsVersion?: number;
  /** Which connections to draw (default 'strongest': all of them, except only the 24 strongest inputs per neuron from the 784 pixels). */
  connections?: ConnectionMode;
  width?: number;
  height?: number;
  labels?: Partial<NetworkViewLabels>;
  /** Measured paint time in ms, for the diagnostics page and tests. */
  onRender?: (ms: number) => void;
}

const DEFAULT_LABELS: NetworkViewLabels = {
  title: 'Activations of every layer of the network',
  input: 'Pixel row {row}, column {col}: {value}',
  hidden: 'Layer {layer}, neuron {index}: {value}',
  output: 'Digit {index}: {value}',
};

interface Hover {
  layer: number;
  index: number;
  x: number;
  y: number;
}

interface ConnectionCache {
  canvas: HTMLCanvasElement;
  key: readonly unknown[];
}

function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** 3Blue1Brown-style picture of the network: input pixels as a grid, every other layer as a column of lit circles. */
export function NetworkView({ layers, weights, weightsVersion = 0, connections = 'strongest', width = 440, height = 280, labels, onRender }: NetworkViewProps) {
  const text = { ...DEFAULT_LABELS, ...labels };
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const cache = useRef<ConnectionCache | null>(null);
  const [hover, setHover] = useState<Hover | null>(null);
  const [themeTick, setThemeTick] = useState(0);
  // The first connection layer (thousands of lines) is drawn in a task of its own, after the
  // neurons are on screen: drawn in the same task as the first render, the two were one long task.
  const [connectionsBuilt, setConnectionsBuilt] = useState(0);
  const sizesKey = layers.map((a) => a.length).join(',');
  const layout = useMemo(() => layoutNetwork(sizesKey ? sizesKey.split(',').map(Number) : [], width, height), [sizesKey, width, height]);

  useEffect(() => onThemeChange(() => setThemeTick((n) => n + 1)), []);

  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const t0 = performance.now();
    const dpr = window.devicePixelRatio || 1;
    const pw = Math.round(width * dpr);
    const ph = Math.round(height * dpr);
    if (canvas.width !== pw || canvas.height !== ph) {
      canvas.width = pw;
      canvas.height = ph;
    }
    const colors = themeColors(canvas);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, pw, ph);
    const connectionLayer = weights && cache.current ? connectionCanvas(cache, layout, weights, weightsVersion, connections, colors) : null;
    if (connectionLayer) ctx.drawImage(connectionLayer, 0, 0, pw, ph);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const highlight: Array<{ layer: number; index: number }> = [];
    const out = layers[layers.length - 1];
    if (out && out.length > 0 && layers.length > 1) highlight.push({ layer: layers.length - 1, index: argmax(out) });
    if (hover) highlight.push(hover);
    drawNeurons(ctx, layout, layers, colors, highlight);
    const ms = performance.now() - t0;
    canvas.dataset.renderMs = ms.toFixed(2);
    onRender?.(ms);
  }, [layers, weights, weightsVersion, connections, layout, width, height, hover, themeTick, onRender, connectionsBuilt]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!weights || cache.current || !canvas) return;
    const timer = setTimeout(() => {
      connectionCanvas(cache, layout, weights, weightsVersion, connections, themeColors(canvas));
      setConnectionsBuilt((n) => n + 1);
    }, 0);
    return () => clearTimeout(timer);
  }, [weights, weightsVersion, connections, layout]);

  const onPointerMove = (e: JSX.TargetedPointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const x = ((e.clientX - rect.left) * width) / (rect.width || width);
    const y = ((e.clientY - rect.top) * height) / (rect.height || height);
    const hit = hitTest(layout, x, y);
    if (!hit) {
      if (hover) setHover(null);
    } else if (!hover || hover.layer !== hit.layer || hover.index !== hit.index) {
      setHover({ ...hit, x, y });
    }
  };

  let tip = '';
  if (hover) {
    const value = layers[hover.layer]?.[hover.index];
    const shown = value === undefined ? '–' : Number(value).toFixed(3);
    const side = layout.layers[hover.layer]?.kind === 'grid' ? Math.round(Math.sqrt(layout.layers[hover.layer]!.n)) : 0;
    const vars = { layer: hover.layer, index: hover.index, row: side ? Math.floor(hover.index / side) : 0, col: side ? hover.index % side : 0, value: shown };
    const template = side ? text.input : hover.layer === layout.layers.length - 1 ? text.output : text.hidden;
    tip = fill(template, vars);
  }

  return (
    <div style={{ position: 'relative', width: `${width}px` }}>
      <canvas
        ref={canvasRef}
        data-testid="digit-network"
        role="img"
        aria-label={text.title}
        style={{ width: `${width}px`, height: `${height}px`, display: 'block' }}
        onPointerMove={onPointerMove}
        onPointerLeave={() => setHover(null)}
      />
      {hover && (
        <div
          role="tooltip"
          data-testid="digit-network-tip"
          class="badge"
          style={{
            position: 'absolute',
            left: `${Math.min(hover.x + 12, width - 150)}px`,
            top: `${hover.y + 12}px`,
            background: 'var(--bg)',
            pointerEvents: 'none',
            whiteSpace: 'nowrap',
            fontVariantNumeric: 'tabular-nums',
          }}
        >
          {tip}
        </div>
      )}
    </div>
  );
}

function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

/**
 * The connection layer, repainted only when what it shows changed. It is kept
 * at one canvas pixel per CSS pixel whatever the screen: thousands of long
 * faint lines cost several times more to rasterise at 2x, and being faint they
 * look the same when scaled up.
 */
function connectionCanvas(
  cache: { current: ConnectionCache | null },
  layout: ReturnType<typeof layoutNetwork>,
  weights: readonly (ArrayLike<number> | null | undefined)[],
  version: number,
  mode: ConnectionMode,
  colors: ThemeColors,
): HTMLCanvasElement | null {
  const key = [layout, version, mode, colors.accent, colors.bad, ...weights];
  const hit = cache.current;
  if (hit && hit.key.length === key.length && hit.key.every((v, i) => v === key[i])) return hit.canvas;
  const canvas = hit?.canvas ?? document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(layout.width));
  canvas.height = Math.max(1, Math.round(layout.height));
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  drawConnections(ctx, layout, weights, colors, mode);
  cache.current = { canvas, key };
  return canvas;
}
