// The UTF-8 constraint: the table against a brute-force check with a strict decoder for every
// token of the real tokenizer.json and every decoder state, and the masked distribution
// (renormalised, never an invalid id, the removed mass, greedy, top-k/top-p after the mask).
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '@/lib/rng';
import { loadGptFolder } from '@/models/gpt/engine/files';
import { distribution, sample } from '@/models/gpt/engine/sampling';
import { maskFromBlocked, UTF8_INVALID, UTF8_STATES, Utf8Table, utf8Step } from '@/models/gpt/engine/utf8-mask';
import { readRepoFile } from '@/tests/unit/gpt/engine-helpers';

/** Bytes that put a decoder in each state from state 0. */
const PREFIX = [[], [0xc2], [0xe1], [0xe0], [0xed], [0xf1], [0xf0], [0xf4]];
/** One byte of each sub-range (80..8F, 90..9F, A0..BF) the states tell apart. */
const REPS = [0x80, 0x90, 0xa0];
/** (bytes owed, first bytes that complete) → state. */
const BY_SIGNATURE: Record<string, number> = {
  '0:-': 0,
  '1:128,144,160': 1,
  '2:128,144,160': 2,
  '2:160': 3,
  '2:128,144': 4,
  '3:128,144,160': 5,
  '3:144,160': 6,
  '3:128': 7,
};

// A decoder that replaces (WHATWG, as the engine's) rather than throws: exceptions would make the
// 500k decodes slow. No token and no prefix holds the bytes of U+FFFD itself (checked below).
const loose = new TextDecoder('utf-8');
const decodes = (bytes: number[]) => !loose.decode(Uint8Array.from(bytes)).includes('\ufffd');

/**
 * The state after `bytes` by brute force, independent of the table's logic: the bytes are a
 * valid prefix iff some completion of 0-3 bytes decodes strictly; the shortest completion and
 * its possible first bytes tell the state. UTF8_INVALID if none completes.
 */
function bruteState(bytes: number[]): number {
  for (let owed = 0; owed <= 3; owed++) {
    const fits = owed === 0 ? (decodes(bytes) ? ['-'] : []) : REPS.filter((r) => decodes([...bytes, r, ...Array<number>(owed - 1).fill(0x80)]));
    if (fits.length) return BY_SIGNATURE[`${owed}:${fits.join(',')}`];
  }
  return UTF8_INVALID;
}

async function realTable() {
  const { tokenizer, config } = await loadGptFolder(readRepoFile);
  return { tokenizer, config, table: new Utf8Table(config.vocab_size, (id) => (tokenizer.isSpecial(id) ? undefined : tokenizer.bytes(id))) };
}

describe('UTF-8 table', () => {
  it('agrees with a strict decoder for every token of tokenizer.json in every state', async () => {
    const { tokenizer, config, table } = await realTable();
    // The brute force is self-consistent on the prefixes themselves.
    PREFIX.forEach((p, s) => expect(bruteState(p)).toBe(s));
    const fffd = [0xef, 0xbf, 0xbd].join();
    for (let id = 0; id < config.vocab_size; id++) expect(tokenizer.bytes(id).join().includes(fffd)).toBe(false);
    let checked = 0;
    const wrong: string[] = [];
    for (let id = 0; id < config.vocab_size; id++) {
      if (tokenizer.isSpecial(id)) continue;
      const bytes = tokenizer.bytes(id);
      for (let s = 0; s < UTF8_STATES; s++) {
        const want = bruteState([...PREFIX[s], ...bytes]);
        if (table.step(s, id) !== want || table.allowed[s][id] !== (want === UTF8_INVALID ? 0 : 1)) {
          wrong.push(`token ${id} <${bytes.map((b) => b.toString(16)).join(' ')}> in state ${s}: table ${table.step(s, id)}, decoder ${want}`);
        }
        checked++;
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBe((config.vocab_size - 1) * UTF8_STATES);
  });

  it('allows <|endoftext|> only with no character open, and every state has allowed tokens', async () => {
    const { config, table, tokenizer } = await realTable();
    const eos = config.eos_token_id;
    expect(tokenizer.isSpecial(eos)).toBe(true);
    expect(table.step(0, eos)).toBe(0);
    for (let s = 1; s < UTF8_STATES; s++) expect(table.step(s, eos)).toBe(UTF8_INVALID);
    const counts = table.allowed.map((a) => a.reduce((n, x) => n + x, 0));
    // State 0 blocks tokens that start with a continuation byte (and C0, C1, F5..FF); the others allow only their continuations.
    expect(counts[0]).toBeGreaterThan(8000);
    for (let s = 1; s < UTF8_STATES; s++) expect(counts[s]).toBeGreaterThan(0);
    expect(table.blocked(0).length).toBe(config.vocab_size - counts[0]);
  });

  it('reads past invalid ids as a decoder would (feed), and utf8Step covers every byte', async () => {
    const { table, tokenizer } = await realTable();
    const id = (bytes: number[]) => {
      for (let i = 0; i < 256; i++) if (tokenizer.bytes(i).join() === bytes.join()) return i;
      throw new Error('no byte token');
    };
    expect(table.feed(0, [id([0xe6])])).toBe(2);
    expect(table.feed(0, [id([0xe6]), id([0x9c])])).toBe(1);
    expect(table.feed(0, [id([0xe6]), id([0x41])])).toBe(0); // U+FFFD, then "A"
    expect(table.feed(0, [id([0xe6]), id([0xe6])])).toBe(2); // U+FFFD, then a new lead byte
    expect(table.feed(0, [id([0x80])])).toBe(0);
    const steps: number[] = [];
    const brute: number[] = [];
    for (let s = 0; s < UTF8_STATES; s++) {
      for (let b = 0; b < 256; b++) {
        steps.push(utf8Step(s, b));
        brute.push(bruteState([...PREFIX[s], b]));
      }
    }
    expect(steps).toEqual(brute);
  });
});

describe('distribution with the UTF-8 mask', () => {
  const V = 2000;
  const logitsFor = (seed: number) => {
    const r = mulberry32(seed);
    return Float32Array.from({ length: V }, () => (r() - 0.5) * 16);
  };
  const maskFor = (seed: number, share: number) => {
    const r = mulberry32(seed + 1000);
    return Uint8Array.from({ length: V }, () => (r() < share ? 1 : 0));
  };

  it('renormalises over allowed ids, never gives a blocked one mass, and reports the mass removed', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const logits = logitsFor(seed);
      for (const share of [0.02, 0.5, 0.98]) {
        const allowed = maskFor(seed, share);
        const allowedByLogit = Array.from({ length: V }, (_, i) => i).filter((i) => allowed[i]).sort((a, b) => logits[b] - logits[a] || a - b);
        for (const temperature of [0.5, 0.8, 1, 1.5]) {
          for (const [topK, topP] of [[0, 1], [40, 1], [0, 0.9], [50, 0.8]]) {
            const d = distribution(logits, { temperature, topK, topP }, allowed);
            let sum = 0;
            let onBlocked = 0;
            for (let i = 0; i < V; i++) {
              sum += d.probs[i];
              if (!allowed[i]) onBlocked += d.probs[i];
            }
            expect(onBlocked).toBe(0);
            expect(sum).toBeCloseTo(1, 5);
            expect(d.order.every((id) => allowed[id] === 1)).toBe(true);
            if (topK) expect(d.order.length).toBeLessThanOrEqual(topK);
            // The kept ids are the most likely allowed ones.
            expect(Array.from(d.order).join()).toBe(allowedByLogit.slice(0, d.order.length).join());
            // Removed mass: softmax(z / T) over the whole vocabulary, on blocked ids.
            const zMax = Math.max(...logits);
            let all = 0;
            let blocked = 0;
            for (let i = 0; i < V; i++) {
              const e = Math.exp((logits[i] - zMax) / temperature);
              all += e;
              if (!allowed[i]) blocked += e;
            }
            expect(d.masked).toBeCloseTo(blocked / all, 6);
            const rng = mulberry32(seed);
            let drawnBlocked = 0;
            for (let k = 0; k < 50; k++) drawnBlocked += 1 - allowed[sample(d, rng)];
            expect(drawnBlocked).toBe(0);
          }
        }
      }
    }
  });

  it('top-k and top-p cut the conditioned distribution: with no top-k/top-p it is softmax over the allowed ids', () => {
    const logits = logitsFor(3);
    const allowed = maskFor(3, 0.3);
    const d = distribution(logits, { temperature: 0.8, topK: 0, topP: 1 }, allowed);
    let z = 0;
    for (let i = 0; i < V; i++) if (allowed[i]) z += Math.exp(logits[i] / 0.8);
    for (let i = 0; i < V; i += 97) expect(d.probs[i]).toBeCloseTo(allowed[i] ? Math.exp(logits[i] / 0.8) / z : 0, 6);
    // top-k 5 keeps five allowed ids even when the five best logits are all blocked.
    const blockTop = Uint8Array.from({ length: V }, () => 1);
    const byLogit = Array.from({ length: V }, (_, i) => i).sort((a, b) => logits[b] - logits[a]);
    for (const id of byLogit.slice(0, 5)) blockTop[id] = 0;
    const k = distribution(logits, { temperature: 1, topK: 5, topP: 1 }, blockTop);
    expect(Array.from(k.order)).toEqual(byLogit.slice(5, 10));
  });

  it('greedy takes the best allowed id; masked is 1 only when the best was blocked', () => {
    const logits = logitsFor(5);
    const best = logits.indexOf(Math.max(...logits));
    const all = Uint8Array.from({ length: V }, () => 1);
    const g = distribution(logits, { temperature: 0, topK: 0, topP: 1 }, all);
    expect(Array.from(g.order)).toEqual([best]);
    expect(g.masked).toBe(0);
    const noBest = all.slice();
    noBest[best] = 0;
    const h = distribution(logits, { temperature: 0, topK: 0, topP: 1 }, noBest);
    const second = Array.from({ length: V }, (_, i) => i).filter((i) => i !== best).sort((a, b) => logits[b] - logits[a])[0];
    expect(Array.from(h.order)).toEqual([second]);
    expect(h.probs[second]).toBe(1);
    expect(h.masked).toBe(1);
  });

  it('without a mask (or with one that allows everything) it is the distribution it was', () => {
    const logits = logitsFor(9);
    const all = Uint8Array.from({ length: V }, () => 1);
    for (const s of [{ temperature: 0.8, topK: 0, topP: 1 }, { temperature: 1.2, topK: 40, topP: 0.9 }, { temperature: 0, topK: 0, topP: 1 }]) {
      const a = distribution(logits, s);
      const b = distribution(logits, s, all);
      expect(a.masked).toBe(0);
      expect(b.masked).toBe(0);
      expect(Array.from(b.order)).toEqual(Array.from(a.order));
      expect(Array.from(b.probs)).toEqual(Array.from(a.probs));
      expect(b.entropy).toBe(a.entropy);
    }
    // A mask that allows nothing is ignored rather than leaving nothing to draw.
    const none = distribution(logits, { temperature: 1, topK: 0, topP: 1 }, new Uint8Array(V));
    expect(none.order.length).toBe(V);
    expect(maskFromBlocked(4, [1, 3])).toEqual(Uint8Array.of(1, 0, 1, 0));
  });

  it('a blocked logit far above every allowed one removes all the mass without overflow', () => {
    const logits = new Float32Array(V).fill(0);
    logits[7] = 500;
    const allowed = Uint8Array.from({ length: V }, (_, i) => (i === 7 ? 0 : 1));
    const d = distribution(logits, { temperature: 0.1, topK: 0, topP: 1 }, allowed);
    expect(d.masked).toBe(1);
    expect(d.probs[7]).toBe(0);
    expect(d.probs[0]).toBeCloseTo(1 / (V - 1), 8);
  });
});
