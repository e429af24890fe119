// A missing or damaged model file is an error that names the file.
import { describe, expect, it } from 'vitest';
import { GPT_FILES, loadGptFolder, type ReadModelFile } from '@/models/gpt/engine/files';
import { RpcFailure } from '@/platform/protocol/protocol';
import { readRepoFile } from '@/tests/unit/gpt/engine-helpers';

const withFile = (file: string, bytes: Uint8Array | null): ReadModelFile => async (rel) => {
  if (rel !== file) return readRepoFile(rel);
  if (!bytes) throw new RpcFailure('model-missing', `model file missing: ${rel}`);
  return bytes;
};

const failure = async (read: ReadModelFile) => {
  try {
    await loadGptFolder(read);
  } catch (e) {
    return e as RpcFailure;
  }
  throw new Error('loaded');
};

describe('loading the model folder', () => {
  it('loads the shipped files', async () => {
    const f = await loadGptFolder(readRepoFile);
    expect(f.config).toMatchObject({ n_layer: 4, n_head: 4, n_embd: 128, n_positions: 256, vocab_size: 8192 });
  });

  // The two graphs are opened by the host's session store, which names a missing file itself.
  it.each(Object.values(GPT_FILES).filter((f) => f !== GPT_FILES.model && f !== GPT_FILES.inspect))('names %s when it is missing', async (file) => {
    const e = await failure(withFile(file, null));
    expect(e.code).toBe('model-missing');
    expect(e.message).toContain(file);
  });

  it.each([
    [GPT_FILES.config, new TextEncoder().encode('{"n_layer": 4')],
    [GPT_FILES.config, new TextEncoder().encode('{"n_layer": "four"}')],
    [GPT_FILES.tokenizer, new Uint8Array([0xff, 0xfe, 0x00, 0x01])],
    [GPT_FILES.tokenizer, new TextEncoder().encode('{"model": {"type": "BPE", "vocab": {}, "merges": []}}')],
    [GPT_FILES.wte, new Uint8Array(100)],
  ])('names %s when it is corrupt', async (file, bytes) => {
    const e = await failure(withFile(file, bytes));
    expect(e.code).toBe('model-corrupt');
    expect(e.message).toContain(file);
  });
});
