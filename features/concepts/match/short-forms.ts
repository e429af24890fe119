// Short forms after the long form. Once a section has named "causal mask"
// (or 因果掩码), a lecturer goes on to say "the mask", "masking" (掩码);
// after "probability distribution", just "the distribution". The head word
// of a multi-word name can then carry the same card, but only in that
// section and only after the full name: alone, "mask" is an everyday word.
//
// This is a rule over the knowledge base, not a list: a concept's English
// name of two words gives its head noun, the last word (with plural and
// -ing/-ed forms), and its Chinese name of four or more characters its last
// word (2 characters, 3 for "...化"). Only names, never aliases ("attention
// heads" would make every "heads" an attention head), and no hyphenated names
// ("fine-tuning" is one word, not a kind of "tuning"). Heads that are generic
// ("function", "model", 函数, 模型) or that already name a concept of their own
// (then that concept's card is meant) give nothing.

import type { ConceptHead } from '@/features/concepts/types';
import { isAbbreviation, normalizeForm, type Pattern } from '@/features/concepts/match/patterns';
import { regularPlurals } from '@/features/concepts/match/plural';
import { scanPlain } from '@/features/concepts/match/scan';
import { buildTrie, newWalkHits, type Trie, type WalkHits } from '@/features/concepts/match/trie';
import type { TermMatch } from '@/features/concepts/match/types';

/** Heads too general to stand for one concept, however recently it was named. */
const GENERIC_HEADS = new Set([
  'function', 'model', 'network', 'net', 'method', 'algorithm', 'problem', 'process', 'step', 'value', 'set',
  'data', 'term', 'size', 'number', 'rule', 'theorem', 'space', 'vector', 'matrix', 'error', 'unit', 'layer',
  'pass', 'learning', 'rate', 'loss', 'cost', 'map', 'table', 'block', 'head', 'score', 'system', 'state',
  'strategy', 'technique', 'type', 'point', 'example', 'examples', 'training', 'encoding', 'connection',
  'window', 'length', 'product', 'similarity', 'distance', 'analysis', 'stopping', 'norm', 'weights',
  'parameters', 'minimum', 'minima', 'optimum', 'language', 'modeling', 'modelling', 'prediction',
  'generation', 'split', 'theory', 'matrices', 'count', 'pair', 'breaking', 'checking', 'mechanism', 'correction',
]);
const GENERIC_ZH_HEADS = new Set([
  '函数', '机制', '模型', '网络', '方法', '算法', '问题', '过程', '下降', '数据', '向量', '矩阵', '误差', '损失',
  '学习', '定理', '规则', '模块', '空间', '编码', '结构', '参数', '单元', '样本', '训练', '连接', '层', '距离',
  '乘法', '乘积', '预测', '生成', '策略', '理论', '法则', '大小', '长度', '数量', '规模', '值', '调优', '曲面',
  '估计', '处理', '分析', '验证', '平均', '检验', '约束', '展开', '描述', '建模', '分数', '归一化', '序列', '优化', '状态',
]);

const HAN = /^[\u3400-\u9fff]+$/u;

function englishHead(form: string): string | null {
  if (isAbbreviation(form) || /[-\u2010\u2011]/.test(form)) return null;
  const key = normalizeForm(form);
  const words = key.split(' ');
  if (words.length !== 2) return null;
  const head = words[words.length - 1];
  return head.length >= 4 && /^[a-z]+$/.test(head) && !GENERIC_HEADS.has(head) ? head : null;
}

/**
 * Chinese has no spaces, so the head is guessed: the last two characters
 * (three for "...化"), unless the form ends in another concept's name
 * ("掩码自注意力" ends in 自注意力) or in a word that opens another concept's
 * name ("因果注意力" ends in 注意力, as 注意力模块 begins): then the head is
 * that word, whose card is another one.
 */
function chineseHead(form: string, fullKeys: ReadonlySet<string>, opensOther: (word: string) => boolean): string | null {
  const key = normalizeForm(form);
  if (!HAN.test(key) || key.length < 4) return null;
  for (let n = 2; n < key.length; n++) if (fullKeys.has(key.slice(-n))) return null;
  if (opensOther(key.slice(-3))) return null;
  const head = key.slice(key.endsWith('化') ? -3 : -2);
  return GENERIC_ZH_HEADS.has(head) ? null : head;
}

export interface ShortForms {
  /** Concepts that have at least one short form. */
  readonly owners: ReadonlySet<string>;
  /**
   * Short-form mentions starting in text[from, to), outside `matches` (the
   * full mentions found there, sorted): a head counts for the concept among
   * its owners that was named most recently, in `named` (concept -> order of
   * its last full mention earlier in the section) or earlier in this text.
   * Updates `named` with the full mentions; `order` numbers them.
   */
  fill(text: string, from: number, to: number, matches: readonly TermMatch[], named: Map<string, number>, order: () => number): TermMatch[];
}

/** Builds the short forms of a knowledge base; `fullKeys` are the keys of every full pattern. */
export function buildShortForms(concepts: readonly ConceptHead[], fullKeys: ReadonlySet<string>): ShortForms {
  const byKey = new Map<string, string[]>();
  const add = (key: string, id: string): void => {
    if (fullKeys.has(key)) return;
    const ids = byKey.get(key) ?? [];
    if (!ids.includes(id)) ids.push(id);
    byKey.set(key, ids);
  };
  // First three characters of every Chinese form, with the concepts they open.
  const openerOwners = new Map<string, Set<string>>();
  for (const c of concepts) {
    for (const form of [c.name.zh, ...c.aliases.zh]) {
      const k = normalizeForm(form);
      if (k.length > 3) openerOwners.set(k.slice(0, 3), (openerOwners.get(k.slice(0, 3)) ?? new Set()).add(c.id));
    }
  }
  for (const c of concepts) {
    const opensOther = (word: string): boolean => {
      const ids = openerOwners.get(word);
      return ids !== undefined && (ids.size > 1 || !ids.has(c.id));
    };
    const head = englishHead(c.name.en);
    if (head !== null && !fullKeys.has(head)) {
      for (const k of [head, ...regularPlurals(head), head + 'ing', head + 'ed']) add(k, c.id);
    }
    const zhHead = chineseHead(c.name.zh, fullKeys, opensOther);
    if (zhHead !== null && !fullKeys.has(zhHead)) add(zhHead, c.id);
  }
  const patterns: Pattern[] = [...byKey.keys()].map((key) => ({ conceptId: '', key, exact: null, ambiguousKey: null }));
  const trie: Trie = buildTrie(patterns);
  const hits: WalkHits = newWalkHits();
  const owners = new Set([...byKey.values()].flat());

  function fill(text: string, from: number, to: number, matches: readonly TermMatch[], named: Map<string, number>, order: () => number): TermMatch[] {
    const anyOwnerNamed = (): boolean => [...named.keys()].some((id) => owners.has(id));
    if (!anyOwnerNamed() && !matches.some((m) => owners.has(m.conceptId))) {
      for (const m of matches) named.set(m.conceptId, order());
      return [];
    }
    const heads = scanPlain(trie, hits, text, from, to).matches;
    const out: TermMatch[] = [];
    let k = 0;
    for (const h of heads) {
      // Full mentions before this head count as named; overlapping ones win.
      while (k < matches.length && matches[k].end <= h.start) named.set(matches[k++].conceptId, order());
      if (k < matches.length && matches[k].start < h.end) continue;
      let best: string | null = null;
      let bestOrder = -1;
      for (const id of byKey.get(normalizeForm(h.text)) ?? []) {
        const o = named.get(id);
        if (o !== undefined && o > bestOrder) {
          best = id;
          bestOrder = o;
        }
      }
      if (best !== null) out.push({ ...h, conceptId: best });
    }
    while (k < matches.length) named.set(matches[k++].conceptId, order());
    return out;
  }

  return { owners, fill };
}
