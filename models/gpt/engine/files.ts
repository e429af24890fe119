import { RpcFailure } from '@/platform/protocol/protocol';
import { WteTable } from '@/models/gpt/engine/embedding-table';
import { GptTokenizer } from '@/models/gpt/engine/tokenizer';
import type { GptConfig } from '@/platform/protocol/gpt';

// The model folder the extension ships (Hugging Face layout, so transformers.js
// can load the same files) and the checks that turn a missing or damaged file
// into an error naming it.

export const GPT_FOLDER = 'models/tutor-gpt-mini';
export const GPT_FILES = {
  config: 'config.json',
  tokenizer: 'tokenizer.json',
  tokenizerConfig: 'tokenizer_config.json',
  model: 'onnx/model_quantized.onnx',
  wte: 'onnx/wte_int8.bin',
  /** Lens, neuron effects and MLP outputs: the model's output weights (export_inspect.py). */
  inspect: 'onnx/inspect_quantized.onnx',
} as const;

/** Reads a file of the folder by its path relative to it; throws RpcFailure('model-missing') naming it. */
export type ReadModelFile = (relPath: string) => Promise<Uint8Array>;

export interface GptFolder {
  config: GptConfig;
  tokenizer: GptTokenizer;
  wte: WteTable;
}

const corrupt = (file: string, why: string) => new RpcFailure('model-corrupt', `model file corrupt: ${GPT_FOLDER}/${file} (${why})`);

async function readJson(read: ReadModelFile, file: string): Promise<Record<string, unknown>> {
  const bytes = await read(file);
  try {
    const v: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('not a JSON object');
    return v as Record<string, unknown>;
  } catch (e) {
    throw corrupt(file, e instanceof Error ? e.message : String(e));
  }
}

function parseConfig(raw: Record<string, unknown>): GptConfig {
  const int = (k: string) => {
    const v = raw[k];
    if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) throw corrupt(GPT_FILES.config, `${k} must be a positive integer`);
    return v;
  };
  const config = {
    n_layer: int('n_layer'),
    n_head: int('n_head'),
    n_embd: int('n_embd'),
    n_positions: int('n_positions'),
    vocab_size: int('vocab_size'),
    eos_token_id: int('eos_token_id'),
  };
  if (config.n_embd % config.n_head !== 0) throw corrupt(GPT_FILES.config, 'n_embd must be a multiple of n_head');
  return config;
}

/** Everything but the ONNX session, checked against each other. */
export async function loadGptFolder(read: ReadModelFile): Promise<GptFolder> {
  const [rawConfig, tokJson, tokConfig, wteBytes] = await Promise.all([
    readJson(read, GPT_FILES.config),
    readJson(read, GPT_FILES.tokenizer),
    readJson(read, GPT_FILES.tokenizerConfig),
    read(GPT_FILES.wte),
  ]);
  const config = parseConfig(rawConfig);
  let tokenizer: GptTokenizer;
  try {
    tokenizer = new GptTokenizer(tokJson, tokConfig);
  } catch (e) {
    throw corrupt(GPT_FILES.tokenizer, e instanceof Error ? e.message : String(e));
  }
  if (tokenizer.vocabSize !== config.vocab_size) throw corrupt(GPT_FILES.tokenizer, `${tokenizer.vocabSize} tokens, config.json says ${config.vocab_size}`);
  let wte: WteTable;
  try {
    wte = WteTable.parse(wteBytes);
  } catch (e) {
    throw corrupt(GPT_FILES.wte, e instanceof Error ? e.message : String(e));
  }
  if (wte.vocab !== config.vocab_size || wte.n_embd !== config.n_embd) throw corrupt(GPT_FILES.wte, `${wte.vocab} x ${wte.n_embd}, config.json says ${config.vocab_size} x ${config.n_embd}`);
  return { config, tokenizer, wte };
}
