// The model's shape as its shipped config.json states it, for what needs a number of the model
// without loading it (the lab's limits, tests). The engine reads the same file at load and checks
// the tokenizer and the weights against it.
import config from '@/models/gpt/config.json';

/** Tokens in the vocabulary: the most top-k can keep. */
export const GPT_VOCAB_SIZE: number = config.vocab_size;
/** The context window in tokens. */
export const GPT_CONTEXT: number = config.n_positions;
