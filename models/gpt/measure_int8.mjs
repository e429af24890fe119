// Measures how far the int8 file drifts from the fp32 file, as run by onnxruntime-web (WASM):
// worst logit/attention/embedding differences on the fixture prompts, top-5 agreement, and the
// validation loss of both files on held-out windows. Run from the repository root:
//   node models/gpt/measure_int8.mjs [windows]
import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-web';

const dir = new URL('./', import.meta.url);
ort.env.wasm.numThreads = 1;
const fixture = JSON.parse(readFileSync(new URL('fixtures/reference.json', dir), 'utf8'));
const { n_layer, n_head, n_embd, vocab_size, n_positions } = fixture.config;

const open = (f) => ort.InferenceSession.create(readFileSync(new URL(`onnx/${f}`, dir)));
const sessions = { fp32: await open('model.onnx'), int8: await open('model_quantized.onnx') };

async function run(session, ids) {
  const feeds = { input_ids: new ort.Tensor('int64', BigInt64Array.from(ids.map(BigInt)), [1, ids.length]) };
  for (let i = 0; i < n_layer; i++) {
    for (const kv of ['key', 'value']) {
      feeds[`past_key_values.${i}.${kv}`] = new ort.Tensor('float32', new Float32Array(0), [1, n_head, 0, n_embd / n_head]);
    }
  }
  return session.run(feeds);
}

const maxDiff = (a, b) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);
const top = (v, k) => [...v.keys()].sort((x, y) => v[y] - v[x]).slice(0, k);

const worst = { logits: 0, last_logits: 0, attentions: 0, inputs_embeds: 0 };
let top5Same = 0;
for (const p of fixture.prompts) {
  const [a, b] = [await run(sessions.fp32, p.input_ids), await run(sessions.int8, p.input_ids)];
  const seq = p.input_ids.length;
  for (const k of ['logits', 'attentions', 'inputs_embeds']) worst[k] = Math.max(worst[k], maxDiff(a[k].data, b[k].data));
  const la = a.logits.data.slice((seq - 1) * vocab_size);
  const lb = b.logits.data.slice((seq - 1) * vocab_size);
  worst.last_logits = Math.max(worst.last_logits, maxDiff(la, lb));
  if (top(la, 5).join() === top(lb, 5).join()) top5Same++;
}
console.log('fixture prompts, int8 vs fp32 worst |diff|:', worst);
console.log(`identical ordered top-5 on ${top5Same}/${fixture.prompts.length} prompts`);

// Validation loss of both files on the first N held-out windows (same windows as train.py).
const npy = readFileSync(new URL('data/val.ids.npy', dir));
const headerLen = npy.readUInt16LE(8);
const ids = Array.from(new Uint16Array(npy.buffer.slice(npy.byteOffset + 10 + headerLen, npy.byteOffset + npy.length)));
const windows = Math.min(+(process.argv[2] ?? 10), Math.floor((ids.length - 1) / n_positions));
for (const [name, session] of Object.entries(sessions)) {
  let nll = 0;
  for (let w = 0; w < windows; w++) {
    const x = ids.slice(w * n_positions, (w + 1) * n_positions);
    const logits = (await run(session, x)).logits.data;
    for (let t = 0; t < n_positions; t++) {
      const row = logits.subarray(t * vocab_size, (t + 1) * vocab_size);
      const m = row.reduce((a, v) => Math.max(a, v), -Infinity);
      const lse = m + Math.log(row.reduce((a, v) => a + Math.exp(v - m), 0));
      nll += lse - row[ids[w * n_positions + t + 1]];
    }
  }
  const loss = nll / (windows * n_positions);
  console.log(`${name}: val loss ${loss.toFixed(4)} (perplexity ${Math.exp(loss).toFixed(1)}) on ${windows} windows`);
}
