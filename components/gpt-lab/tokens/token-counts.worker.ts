import { countTokens as countGpt2 } from 'gpt-tokenizer/encoding/r50k_base';
import { countTokens as countGpt4o } from 'gpt-tokenizer/encoding/o200k_base';
import type { CountReply, CountRequest } from '@/components/gpt-lab/tokens/token-counts';

// OpenAI's tokenizers on a thread of their own: loading their BPE ranks (2.5 MB of JS) and
// building the encoders takes 65 and 180 ms, too long for the side panel's thread, which the offscreen
// document relaying the model host shares.

// Text that happens to contain "<|endoftext|>" is counted as plain text, not refused.
const plain = { disallowedSpecial: new Set<string>() };

const scope = self as unknown as { onmessage: ((e: MessageEvent<CountRequest>) => void) | null; postMessage(m: CountReply): void };
scope.onmessage = ({ data: { id, text } }) => {
  try {
    scope.postMessage({ id, counts: { gpt2: countGpt2(text, plain), gpt4o: countGpt4o(text, plain) } });
  } catch (e) {
    scope.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
};
