import { t } from '@/platform/i18n';
import type { GptTokenization } from '@/platform/protocol/protocol';
import { diverging } from '@/components/gpt-lab/shared/colors';
import { pageTheme } from '@/components/shared/theme';

/** What a token shows in the running text: its characters, or for byte tokens its character once and "·" after. */
function pieces(tok: GptTokenization): string[] {
  return tok.tokens.map((k) => {
    if (k.group === undefined) return k.display;
    const g = tok.groups[k.group];
    return g.tokens[0] === k.index ? g.text : '·';
  });
}

/**
 * The text as tokens; with a neuron chosen, each token's background is that neuron's activation
 * there, red for positive and blue for negative (GELU dips a little below zero), scaled by the
 * largest |value|. Click a token, or use the arrow keys, to choose a position.
 */
export function NeuronText({ tok, trace, position, onPosition }: { tok: GptTokenization; trace: Float32Array | null; position: number; onPosition: (t: number) => void }) {
  const dark = pageTheme() === 'dark';
  let scale = 0;
  if (trace) for (const v of trace) scale = Math.max(scale, Math.abs(v));
  const shown = pieces(tok);
  return (
    <p
      class="token-text neuron-text"
      data-testid="neuron-text"
      data-scale={scale.toFixed(6)}
      tabIndex={0}
      aria-label={t('gptNeuronTextLabel')}
      onKeyDown={(ev) => {
        const d = ev.key === 'ArrowRight' ? 1 : ev.key === 'ArrowLeft' ? -1 : 0;
        if (!d) return;
        ev.preventDefault();
        onPosition(Math.min(tok.tokens.length - 1, Math.max(0, position + d)));
      }}
    >
      {shown.map((s, i) => {
        const v = trace ? trace[i] : 0;
        const [r, g, b] = diverging(scale > 0 ? v / scale : 0, dark);
        const light = 0.2126 * r + 0.7152 * g + 0.0722 * b > 140;
        return (
          <span
            key={i}
            class={i === position ? 'ntok picked' : 'ntok'}
            data-testid="neuron-token"
            data-value={trace ? v.toFixed(5) : undefined}
            style={trace ? { background: `rgb(${r},${g},${b})`, color: light ? '#111' : '#fff' } : undefined}
            title={trace ? `${tok.tokens[i].display}  ${v.toFixed(3)}` : tok.tokens[i].display}
            onClick={() => onPosition(i)}
          >
            {s}
          </span>
        );
      })}
    </p>
  );
}
