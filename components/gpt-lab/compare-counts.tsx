import { useEffect, useState } from 'preact/hooks';
import { t } from '@/platform/i18n';

// Counts under OpenAI's tokenizers (gpt-tokenizer ships their BPE ranks as JS,
// so this runs offline). Loaded on first use: several megabytes the rest of the
// lab does not need.

interface Counts {
  gpt2: number;
  gpt4o: number;
}

export function CompareCounts({ text, ours }: { text: string; ours: number }) {
  const [counts, setCounts] = useState<Counts | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setCounts(null);
    void Promise.all([import('gpt-tokenizer/encoding/r50k_base'), import('gpt-tokenizer/encoding/o200k_base')])
      .then(([gpt2, gpt4o]) => {
        // Text that happens to contain "<|endoftext|>" is counted as plain text, not refused.
        const plain = { disallowedSpecial: new Set<string>() };
        if (live) setCounts({ gpt2: gpt2.countTokens(text, plain), gpt4o: gpt4o.countTokens(text, plain) });
      })
      .catch((e: unknown) => live && setFailed(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [text]);
  return (
    <table class="compare" data-testid="token-compare">
      <tbody>
        <tr>
          <th>{t('gptOurTokenizer')}</th>
          <td>{ours}</td>
        </tr>
        <tr>
          <th>GPT-2 (r50k_base)</th>
          <td data-testid="count-gpt2">{counts ? counts.gpt2 : failed ? '—' : '…'}</td>
        </tr>
        <tr>
          <th>GPT-4o (o200k_base)</th>
          <td data-testid="count-gpt4o">{counts ? counts.gpt4o : failed ? '—' : '…'}</td>
        </tr>
      </tbody>
    </table>
  );
}
