// The Backprop lab's pure parts: the chain rule's factors, the network picture's links and hit
// test, the drawing handed over from the popup, the demo link of the concept cards.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chainRule } from '@/components/backprop-lab/chain-tex';
import { drawnLinks, nearestLink, neuronAt, INPUT_LINKS } from '@/components/backprop-lab/net-geometry';
import { etaFromSlider, sliderFromEta } from '@/components/backprop-lab/stage-step';
import { num } from '@/components/backprop-lab/format';
import { Backprop, float64Network } from '@/models/mnist-mlp/reference/backprop';
import { decodeDataset } from '@/models/mnist-mlp/reference/dataset';
import { createNetwork, initNetwork } from '@/models/mnist-mlp/reference/network';
import { decodeWeights } from '@/models/mnist-mlp/reference/weights';
import { decodeDrawing, encodeDrawing, netIdOf } from '@/features/digits/handoff';
import { demoPath } from '@/platform/demo-url';
import { mulberry32 } from '@/lib/rng';

const modelDir = new URL('../../../models/mnist-mlp/', import.meta.url);
const test = decodeDataset(gunzipSync(readFileSync(new URL('mnist-lab.dlmn.gz', modelDir)))).test!;
const shipped = decodeWeights(readFileSync(new URL('weights.bin', modelDir))).net;
const x = Float32Array.from(test.pixels.subarray(0, 784), (p) => p / 255);

describe('chain rule with numbers', () => {
  for (const cost of ['cross-entropy', 'quadratic'] as const) {
    for (const activation of ['relu', 'sigmoid'] as const) {
      it(`${activation}, ${cost}: the factors multiply to backpropagation's dC/dw on every layer`, () => {
        let net = float64Network({ ...shipped.config, cost }, shipped.W, shipped.b);
        if (activation === 'sigmoid') {
          net = createNetwork({ sizes: [784, 16, 16, 10], activation, cost, precision: 'float64' });
          initNetwork(net, 'xavier', mulberry32(3));
        }
        const trace = new Backprop(net).example(x, 3);
        const inked = Array.from(x).findIndex((v) => v > 0);
        for (const link of [{ l: 3, j: 3, k: 4 }, { l: 3, j: 7, k: 0 }, { l: 2, j: 5, k: 2 }, { l: 1, j: 9, k: inked }]) {
          const rule = chainRule(net, trace, 3, link);
          const grad = trace.grad_W[link.l]![link.j * net.config.sizes[link.l - 1]! + link.k]!;
          expect(rule.factors.reduce((p, f) => p * f, 1)).toBeCloseTo(rule.product, 15);
          expect(Math.abs(rule.product - grad)).toBeLessThanOrEqual(1e-12 * Math.max(1e-12, Math.abs(grad)));
          expect(rule.symbolic).toContain(`w^{(${link.l})}_{${link.j},${link.k}}`);
          expect(rule.numeric.startsWith('= ')).toBe(true);
        }
      });
    }
  }
});

describe('the network picture', () => {
  const net = float64Network(shipped.config, shipped.W, shipped.b);
  const trace = new Backprop(net).example(x, 3);
  const sizes = net.config.sizes;
  const links = drawnLinks(sizes, trace.grad_W);

  it('draws every nonzero link above the input and the largest few per first-layer neuron', () => {
    const first = links.filter((l) => l.l === 1);
    expect(first.length).toBeLessThanOrEqual(16 * INPUT_LINKS);
    for (const l of first) expect(x[l.k]).toBeGreaterThan(0);
    const upper = links.filter((l) => l.l > 1);
    let nonzero = 0;
    for (let l = 2; l <= 3; l++) for (const g of trace.grad_W[l]!) if (g !== 0) nonzero++;
    expect(upper.length).toBe(nonzero);
  });

  it('picks the link under the pointer, and none far from every link', () => {
    const target = links.find((l) => l.l === 2)!;
    const a = neuronAt(sizes, 1, target.k);
    const b = neuronAt(sizes, 2, target.j);
    expect(nearestLink(sizes, [target], { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 })).toEqual(target);
    expect(nearestLink(sizes, links, { x: -50, y: -50 })).toBeNull();
  });
});

describe('handing a drawing over', () => {
  it('round-trips 784 inputs through about 1 kB of URL-safe text, to 1/255', () => {
    const text = encodeDrawing(x);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(text.length).toBeLessThan(1100);
    const back = decodeDrawing(text)!;
    for (let i = 0; i < 784; i++) expect(Math.abs(back[i]! - x[i]!)).toBeLessThanOrEqual(0.5 / 255 + 1e-7);
  });

  it('refuses anything else', () => {
    for (const bad of [null, undefined, '', 'abc', 'a'.repeat(3000), '<script>', encodeDrawing(new Float32Array(783))]) expect(decodeDrawing(bad)).toBeNull();
    expect(netIdOf('net-abc_1')).toBe('net-abc_1');
    expect(netIdOf('../x')).toBe('default');
    expect(netIdOf(null)).toBe('default');
  });
});

describe('small pieces', () => {
  it('opens the Backprop lab from a card', () => {
    expect(demoPath({ kind: 'backprop-lab' }, '')).toBe('/sidepanel.html?view=backprop');
  });
  it('maps the learning-rate slider on a log scale and back', () => {
    expect(etaFromSlider(0)).toBe(0.001);
    expect(etaFromSlider(100)).toBe(10);
    expect(etaFromSlider(sliderFromEta(0.01))).toBe(0.01);
  });
  it('prints numbers short but never a small gradient as 0', () => {
    expect(num(0)).toBe('0');
    expect(num(1.23456)).toBe('1.235');
    expect(num(-3.2e-7)).toBe('-3.20e-7');
  });
});
