// Checks a model folder as the extension would run it, in Node with onnxruntime-web (WASM):
//  1. tokenizer: @huggingface/tokenizers (the extension's tokenizer) loads tokenizer.json and gives
//     exactly the ids that bpe.py wrote to the validation token caches, plus the fixture strings
//     and a few mixed / emoji strings, and decodes them back to the same text;
//  2. drift: worst int8-vs-fp32 differences on the fixture prompts (logits, attentions, input
//     embeddings, hidden_states, mlp_activations when present) and top-5 agreement;
//  3. validation loss and bits per byte of both files, per language, on evenly spread 256-token
//     windows (the same windows as train.py --val-windows N).
// Run from the repository root:
//   node models/gpt/measure_int8.mjs [windows] [--dir MODEL_DIR] [--data DATA_DIR] [--json OUT]
// MODEL_DIR holds tokenizer.json, fixtures/reference.json and onnx/ (default models/gpt/);
// DATA_DIR holds val.en.txt / val.zh.txt and their *.ids.npy caches (default MODEL_DIR/data).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-web';
import { Tokenizer } from '@huggingface/tokenizers';

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv.splice(i, 2)[1] : dflt;
};
const dir = resolve(opt('--dir', fileURLToPath(new URL('./', import.meta.url))));
const dataDir = resolve(opt('--data', `${dir}/data`));
const jsonOut = opt('--json', null);
const windowsWanted = +(argv[0] ?? 10);
const report = { dir, dataDir };

ort.env.wasm.numThreads = 1;
const fixture = JSON.parse(readFileSync(`${dir}/fixtures/reference.json`, 'utf8'));
const { n_layer, n_head, n_embd, vocab_size, n_positions } = fixture.config;

// ---------- 1. tokenizer ----------
const tokJsonText = readFileSync(`${dir}/tokenizer.json`);
const tokenizer = new Tokenizer(JSON.parse(tokJsonText), JSON.parse(readFileSync(`${dir}/tokenizer_config.json`, 'utf8')));
const encode = (t) => tokenizer.encode(t, { add_special_tokens: false }).ids;
const tokHash = createHash('sha1').update(tokJsonText).digest('hex').slice(0, 10);

function readNpy(file) {
  const buf = readFileSync(file);
  const headerLen = buf.readUInt16LE(8);
  const header = buf.toString('latin1', 10, 10 + headerLen);
  const body = buf.buffer.slice(buf.byteOffset + 10 + headerLen, buf.byteOffset + buf.length);
  if (header.includes("'<u2'")) return Array.from(new Uint16Array(body));
  if (header.includes("'<u4'")) return Array.from(new Uint32Array(body));
  throw new Error(`unsupported npy dtype in ${file}: ${header}`);
}

const EOT = '<|endoftext|>';
const eot = fixture.config.eos_token_id;
const tokCheck = { strings: 0, mismatches: [] };
const vals = {};
for (const lang of ['en', 'zh']) {
  const text = readFileSync(`${dataDir}/val.${lang}.txt`, 'utf8');
  const cache = `${dataDir}/val.${lang}.${tokHash}.ids.npy`;
  if (!existsSync(cache)) throw new Error(`missing ${cache} (run train.py once with this tokenizer)`);
  const py = readNpy(cache);
  // The JS tokenizer treats <|endoftext|> as an added token too, but encode document by document
  // as train.py does.
  const js = [];
  for (const doc of text.split(EOT).slice(0, -1)) js.push(...encode(doc), eot);
  const same = js.length === py.length && js.every((v, i) => v === py[i]);
  tokCheck[`val_${lang}`] = { tokens: py.length, identical: same };
  if (!same) tokCheck.mismatches.push(`val.${lang}.txt`);
  const bytes = Buffer.byteLength(text.replaceAll(EOT, ''), 'utf8');
  tokCheck[`val_${lang}`].bytes_per_token = +(bytes / (py.length - text.split(EOT).length + 1)).toFixed(3);
  const decoded = tokenizer.decode(py.filter((t) => t !== eot), { skip_special_tokens: true });
  tokCheck[`val_${lang}`].decodes_back = decoded === text.replaceAll(EOT, '');
  vals[lang] = py;
}
const extra = ['机器学习很有趣。', '反向传播算法通过链式法则计算梯度。', '我们用PyTorch训练一个Transformer模型，loss下降了。',
  'Neural networks 🤖 learn from data 🎉!', '👍🏽 👨‍👩‍👧 ﷺ 表情😀和emoji混合', 'naïve café déjà vu 東京 ｶﾀｶﾅ 한국어',
  '  two spaces, a\ttab and\nnew lines\n\n', "it's don't we'll", '1234567 3.14159 ２０２４年', ''];
const pyIds = JSON.parse(readFileSync(`${dir}/fixtures/reference.json`, 'utf8'));
for (const c of [...pyIds.prompts, ...pyIds.tokenization, ...(pyIds.tokenizer_check ?? [])]) {
  tokCheck.strings++;
  const ids = encode(c.text);
  if (ids.join() !== c.input_ids.join()) tokCheck.mismatches.push(c.text);
  if (ids.length && tokenizer.decode(ids, { skip_special_tokens: false }) !== c.text) tokCheck.mismatches.push(`decode: ${c.text}`);
}
for (const t of extra) if (t && tokenizer.decode(encode(t)) !== t) tokCheck.mismatches.push(`round trip: ${t}`);
report.tokenizer = tokCheck;
console.log('tokenizer check:', JSON.stringify(tokCheck));

// ---------- 2. drift on the fixture prompts ----------
const open = (f) => ort.InferenceSession.create(readFileSync(`${dir}/onnx/${f}`));
const sessions = { fp32: await open('model.onnx'), int8: await open('model_quantized.onnx') };
report.io = { inputs: sessions.fp32.inputNames, outputs: sessions.fp32.outputNames };

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

const worst = { logits: 0, last_logits: 0, attentions: 0, inputs_embeds: 0, hidden_states: 0, mlp_activations: 0 };
const fp32VsTorch = { last_logits: 0 };
let top5Same = 0, top5SetSame = 0, top1Same = 0;
const shapes = {};
for (const p of fixture.prompts) {
  const [a, b] = [await run(sessions.fp32, p.input_ids), await run(sessions.int8, p.input_ids)];
  const seq = p.input_ids.length;
  for (const k of Object.keys(worst)) if (a[k]) worst[k] = Math.max(worst[k], maxDiff(a[k].data, b[k].data));
  if (!shapes.logits) for (const [k, v] of Object.entries(a)) shapes[k] = v.dims;
  const la = a.logits.data.slice((seq - 1) * vocab_size);
  const lb = b.logits.data.slice((seq - 1) * vocab_size);
  fp32VsTorch.last_logits = Math.max(fp32VsTorch.last_logits, maxDiff(la, p.last_logits));
  // fp32 file against the PyTorch fixture, every stored field.
  const cmp = (k, got, want) => { fp32VsTorch[k] = Math.max(fp32VsTorch[k] ?? 0, maxDiff(got, want.flat(4))); };
  cmp('attentions', a.attentions.data, p.attentions);
  cmp('inputs_embeds', a.inputs_embeds.data, p.inputs_embeds);
  if (a.hidden_states) {
    if (p.hidden_states) cmp('hidden_states', a.hidden_states.data, p.hidden_states);
    if (p.mlp_activations) cmp('mlp_activations', a.mlp_activations.data, p.mlp_activations);
    const lastRows = (t, rows, width) => Array.from({ length: rows }, (_, l) => Array.from(t.data.subarray((l * seq + seq - 1) * width, (l * seq + seq) * width)));
    cmp('hidden_states_last', lastRows(a.hidden_states, n_layer + 1, n_embd).flat(), p.hidden_states_last);
    cmp('mlp_activations_last', lastRows(a.mlp_activations, n_layer, 4 * n_embd).flat(), p.mlp_activations_last);
  }
  // KV cache: the first 2 tokens, then the rest with the past, must give the same last logits.
  if (seq >= 4) {
    for (const [name, session] of Object.entries(sessions)) {
      const first = await run(session, p.input_ids.slice(0, 2));
      const feeds = { input_ids: new ort.Tensor('int64', BigInt64Array.from(p.input_ids.slice(2).map(BigInt)), [1, seq - 2]) };
      for (let i = 0; i < n_layer; i++) for (const kv of ['key', 'value']) feeds[`past_key_values.${i}.${kv}`] = first[`present.${i}.${kv}`];
      const second = await session.run(feeds);
      const full = name === 'fp32' ? la : lb;
      const k = `kv_cache_${name}`;
      fp32VsTorch[k] = Math.max(fp32VsTorch[k] ?? 0, maxDiff(second.logits.data.slice((seq - 3) * vocab_size), full));
    }
  }
  worst.last_logits = Math.max(worst.last_logits, maxDiff(la, lb));
  const [ta, tb] = [top(la, 5), top(lb, 5)];
  if (ta.join() === tb.join()) top5Same++;
  if ([...ta].sort().join() === [...tb].sort().join()) top5SetSame++;
  if (ta[0] === tb[0]) top1Same++;
}
report.drift = { worst, top5_ordered_same: top5Same, top5_set_same: top5SetSame, top1_same: top1Same,
  prompts: fixture.prompts.length, fp32_vs_pytorch: fp32VsTorch, shapes_for_first_prompt: shapes };
console.log('fixture prompts, int8 vs fp32 worst |diff|:', worst);
console.log(`top-5: same order ${top5Same}, same set ${top5SetSame}, same top-1 ${top1Same} of ${fixture.prompts.length} prompts`);
console.log('fp32 file vs PyTorch fixture worst |diff| (kv_cache_*: cached vs full recomputation):', fp32VsTorch);

// ---------- 3. validation loss and bits per byte, per language ----------
const vocab = JSON.parse(tokJsonText).model.vocab;
const tokenLen = new Int32Array(vocab_size);
for (const [t, i] of Object.entries(vocab)) tokenLen[i] = [...t].length; // one character per byte
report.val = {};
for (const [lang, ids] of Object.entries(vals)) {
  const n = Math.floor((ids.length - 1) / n_positions);
  const count = Math.min(windowsWanted, n);
  // Evenly spread windows, like numpy.linspace(0, n - 1, count).astype(int) in train.py.
  const pick = windowsWanted >= n ? [...Array(n).keys()] : Array.from({ length: count }, (_, i) => Math.floor(count === 1 ? 0 : i * ((n - 1) / (count - 1))));
  for (const [name, session] of Object.entries(sessions)) {
    let nll = 0, bytes = 0;
    for (const w of pick) {
      const x = ids.slice(w * n_positions, (w + 1) * n_positions);
      const logits = (await run(session, x)).logits.data;
      for (let t = 0; t < n_positions; t++) {
        const row = logits.subarray(t * vocab_size, (t + 1) * vocab_size);
        let m = -Infinity;
        for (let j = 0; j < row.length; j++) if (row[j] > m) m = row[j];
        let s = 0;
        for (let j = 0; j < row.length; j++) s += Math.exp(row[j] - m);
        const target = ids[w * n_positions + t + 1];
        nll += m + Math.log(s) - row[target];
        bytes += target === eot ? 0 : tokenLen[target];
      }
    }
    const loss = nll / (pick.length * n_positions);
    const bpb = nll / Math.LN2 / bytes;
    report.val[`${lang}_${name}`] = { windows: pick.length, loss: +loss.toFixed(4), bpb: +bpb.toFixed(4) };
    console.log(`${lang} ${name}: val loss ${loss.toFixed(4)} (perplexity ${Math.exp(loss).toFixed(1)}), ${bpb.toFixed(4)} bits/byte on ${pick.length} windows`);
  }
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(report, null, 1));
