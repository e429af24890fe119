import { useEffect, useState } from 'preact/hooks';
import { t } from '@/platform/i18n';
import { countTokens, type Counts } from '@/components/gpt-lab/tokens/token-counts';

// Counts under OpenAI's tokenizers (gpt-tokenizer ships their BPE ranks as JS,
// so this runs offline), counted in a worker: several megabytes the rest of the
// lab does not need, and seconds of work on a slow machine.

export function CompareCounts({ text, ours }: { text: string; ours: number }) {
  const [counts, setCounts] = useState<Counts | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setCounts(null);
    void countTokens(text)
      .then((c) => live && setCounts(c))
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
