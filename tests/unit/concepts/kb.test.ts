import { describe, it, expect } from 'vitest';
import katex from 'katex';
import { CONCEPTS, conceptById } from '@/features/concepts/kb';
import type { Concept, Topic } from '@/features/concepts/types';

const REQUIRED_IDS = [
  'neuron', 'perceptron', 'activation-function', 'sigmoid', 'relu', 'tanh', 'softmax', 'softmax-temperature',
  'weight', 'bias', 'layer', 'multilayer-perceptron', 'deep-neural-network', 'forward-propagation',
  'loss-function', 'mean-squared-error', 'cross-entropy', 'gradient', 'gradient-descent',
  'stochastic-gradient-descent', 'mini-batch', 'epoch', 'learning-rate', 'learning-rate-decay',
  'backpropagation', 'chain-rule', 'vanishing-gradient', 'exploding-gradient', 'local-minimum',
  'saddle-point', 'momentum', 'rmsprop', 'adam', 'regularization', 'l1-regularization',
  'l2-regularization', 'weight-decay', 'dropout', 'early-stopping', 'overfitting', 'underfitting',
  'generalization', 'batch-normalization', 'layer-normalization', 'weight-initialization',
  'xavier-initialization', 'he-initialization', 'hyperparameter', 'validation-set', 'test-set', 'mnist',
  'convolutional-neural-network', 'pooling', 'recurrent-neural-network', 'lstm', 'transformer', 'gpt',
  'token', 'tokenization', 'byte-pair-encoding', 'embedding', 'word-vector', 'positional-encoding',
  'attention', 'self-attention', 'multi-head-attention', 'query-key-value', 'causal-mask',
  'context-window', 'unembedding', 'logits', 'residual-connection', 'feed-forward-network',
  'hebbian-learning', 'generative-adversarial-network', 'reinforcement-learning',
  'universal-approximation-theorem', 'parameter-count', 'fine-tuning', 'pretraining',
];

const TOPICS: readonly Topic[] = [
  'neuron', 'training', 'optimization', 'regularization', 'architecture', 'transformer', 'data', 'theory',
];

/** All-caps abbreviations (SGD, MLP, GPT-3) are matched exactly; everything else case-insensitively. */
const isAbbreviation = (form: string): boolean => /^[A-Z0-9-]+$/.test(form) && /[A-Z]{2}/.test(form);
const normalise = (form: string): string => (isAbbreviation(form) ? form : form.toLowerCase());
/** Regular plurals are matched too, so "logit" and "logits" are the same surface form. */
const singular = (key: string): string => (key.length > 3 && key.endsWith('s') && !key.endsWith('ss') ? key.slice(0, -1) : key);
/**
 * Keys a matcher may fold a form to: spaces and hyphens alike, hyphenated
 * compounds also closed up ("back-propagation" -> "backpropagation"), plurals.
 */
const matchKeys = (form: string): string[] => {
  const base = normalise(form).replace(/[\s\-\u2010\u2011]+/g, ' ').trim();
  const keys = [base];
  if (/\p{L}[-\u2010\u2011]\p{L}/u.test(form)) keys.push(normalise(form).replace(/(?<=\p{L})[-\u2010\u2011](?=\p{L})/gu, '').replace(/\s+/g, ' '));
  return [...new Set(keys.map(singular))];
};

const enForms = (c: Concept): string[] => [c.name.en, ...c.aliases.en];
const zhForms = (c: Concept): string[] => [c.name.zh, ...c.aliases.zh];

function render(texSource: string): void {
  katex.renderToString(texSource, { displayMode: true, throwOnError: true });
}

describe('concept knowledge base', () => {
  it('has at least 90 concepts', () => {
    expect(CONCEPTS.length).toBeGreaterThanOrEqual(90);
  });

  it('contains every required id', () => {
    const ids = new Set(CONCEPTS.map((c) => c.id));
    expect(REQUIRED_IDS.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('has unique kebab-case ids', () => {
    const ids = CONCEPTS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('looks concepts up by id', () => {
    for (const c of CONCEPTS) expect(conceptById(c.id)).toBe(c);
    expect(conceptById('no-such-concept')).toBeUndefined();
  });

  it('uses known topics', () => {
    for (const c of CONCEPTS) expect(TOPICS, c.id).toContain(c.topic);
  });

  it('links only to existing concepts, never to itself', () => {
    for (const c of CONCEPTS) {
      for (const ref of [...c.related, ...c.prerequisites]) {
        expect(conceptById(ref), `${c.id} -> ${ref}`).toBeDefined();
        expect(ref, c.id).not.toBe(c.id);
      }
      expect(new Set(c.related).size, `${c.id} related has duplicates`).toBe(c.related.length);
      expect(new Set(c.prerequisites).size, `${c.id} prerequisites have duplicates`).toBe(c.prerequisites.length);
    }
  });

  it('has prerequisites without cycles', () => {
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (id: string, path: string[]): void => {
      if (state.get(id) === 'done') return;
      if (state.get(id) === 'visiting') throw new Error(`prerequisite cycle: ${[...path, id].join(' -> ')}`);
      state.set(id, 'visiting');
      for (const p of conceptById(id)?.prerequisites ?? []) visit(p, [...path, id]);
      state.set(id, 'done');
    };
    for (const c of CONCEPTS) visit(c.id, []);
  });

  it('has both languages for name, summary and intuition', () => {
    for (const c of CONCEPTS) {
      for (const text of [c.name, c.summary, c.intuition]) {
        expect(text.en.trim(), c.id).not.toBe('');
        expect(text.zh.trim(), c.id).not.toBe('');
      }
      // The Chinese text is Chinese, and the prose carries no raw TeX.
      expect(c.summary.zh, c.id).toMatch(/[\u4e00-\u9fff]/);
      expect(c.intuition.zh, c.id).toMatch(/[\u4e00-\u9fff]/);
      for (const prose of [c.summary.en, c.summary.zh, c.intuition.en, c.intuition.zh]) {
        expect(prose, c.id).not.toMatch(/\\[a-zA-Z]|\^\{|_\{/);
      }
    }
  });

  it('keeps summaries to two or three sentences', () => {
    const bad: string[] = [];
    for (const c of CONCEPTS) {
      // A sentence ends at . ! ? followed by a capital, or at 。！？ not inside a quotation.
      const en = c.summary.en.split(/(?<=[.!?])\s+(?=[A-Z0-9“"(])/).length;
      const zh = (c.summary.zh.match(/[。！？](?![”」』])/g) ?? []).length;
      if (en < 2 || en > 3) bad.push(`${c.id} (en): ${en}`);
      if (zh < 2 || zh > 3) bad.push(`${c.id} (zh): ${zh}`);
    }
    expect(bad).toEqual([]);
  });

  it('renders every formula and legend symbol with KaTeX', () => {
    for (const c of CONCEPTS) {
      for (const f of c.formulas) {
        expect(() => render(f.tex), `${c.id}: ${f.tex}`).not.toThrow();
        expect(f.legend.length, `${c.id}: formula without legend`).toBeGreaterThan(0);
        for (const row of f.legend) {
          expect(() => render(row.symbol), `${c.id}: ${row.symbol}`).not.toThrow();
          expect(row.en.trim(), `${c.id}: ${row.symbol}`).not.toBe('');
          expect(row.zh.trim(), `${c.id}: ${row.symbol}`).not.toBe('');
        }
      }
    }
  });

  it('gives most concepts a formula', () => {
    const withFormula = CONCEPTS.filter((c) => c.formulas.length > 0).length;
    expect(withFormula / CONCEPTS.length).toBeGreaterThan(0.8);
  });

  it('maps no English surface form to two concepts', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const c of CONCEPTS) {
      const seen = new Set<string>();
      for (const form of enForms(c)) {
        expect(form.trim(), c.id).toBe(form);
        expect(form, c.id).not.toBe('');
        if (seen.has(normalise(form))) clashes.push(`${c.id} repeats "${form}"`);
        seen.add(normalise(form));
        for (const key of matchKeys(form)) {
          const prev = owner.get(key);
          if (prev !== undefined && prev !== c.id) clashes.push(`"${form}": ${prev} and ${c.id}`);
          owner.set(key, c.id);
        }
      }
    }
    expect(clashes).toEqual([]);
  });

  it('maps no Chinese surface form to two concepts', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const c of CONCEPTS) {
      const seen = new Set<string>();
      for (const form of zhForms(c)) {
        expect(form.trim(), c.id).toBe(form);
        expect(form, c.id).not.toBe('');
        if (seen.has(form)) clashes.push(`${c.id} repeats "${form}"`);
        seen.add(form);
        const prev = owner.get(form);
        if (prev !== undefined && prev !== c.id) clashes.push(`"${form}": ${prev} and ${c.id}`);
        owner.set(form, c.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('lists as ambiguous only forms that are names or aliases of the same concept', () => {
    for (const c of CONCEPTS) {
      const forms = new Set(enForms(c).map(normalise));
      for (const a of c.ambiguous ?? []) expect(forms.has(normalise(a)), `${c.id}: ${a}`).toBe(true);
    }
  });

  it('flags the everyday words as ambiguous', () => {
    const ambiguousOf = (id: string): string[] => (conceptById(id)?.ambiguous ?? []).map((a) => a.toLowerCase());
    for (const [id, word] of [
      ['adam', 'adam'], ['attention', 'attention'], ['bias', 'bias'], ['weight', 'weight'],
      ['softmax-temperature', 'temperature'], ['token', 'token'], ['embedding', 'embedding'],
      ['layer', 'layer'], ['momentum', 'momentum'], ['dropout', 'dropout'], ['pooling', 'pooling'],
    ] as const) {
      expect(ambiguousOf(id), id).toContain(word);
    }
  });

  it('offers demos of a valid kind', () => {
    for (const c of CONCEPTS) {
      if (c.demo === undefined) continue;
      expect(['digit-lab', 'training-lab', 'gpt-lab', 'backprop-lab'], c.id).toContain(c.demo.kind);
      if (c.demo.kind === 'gpt-lab') expect(['tokens', 'embeddings', 'attention', 'generate'], c.id).toContain(c.demo.view);
    }
    expect(conceptById('mnist')?.demo).toEqual({ kind: 'digit-lab' });
    expect(conceptById('adam')?.demo).toEqual({ kind: 'training-lab', optimizer: 'adam' });
    expect(conceptById('attention')?.demo).toEqual({ kind: 'gpt-lab', view: 'attention' });
    // Lessons 3 and 4 have their own lab.
    for (const id of ['backpropagation', 'chain-rule', 'gradient', 'gradient-descent', 'learning-rate', 'loss-function', 'stochastic-gradient-descent', 'mini-batch']) {
      expect(conceptById(id)?.demo, id).toEqual({ kind: 'backprop-lab' });
    }
  });
});
