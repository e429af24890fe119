import { useState } from 'preact/hooks';
import { t } from '@/platform/i18n';
import { CompareCounts } from '@/components/gpt-lab/tokens/compare-counts';
import { ExportButton } from '@/components/gpt-lab/shared/export-button';
import { showWhitespace } from '@/components/gpt-lab/shared/show-whitespace';
import { Failure, TruncationNote, Working } from '@/components/gpt-lab/shared/status';
import { segments } from '@/components/gpt-lab/shared/token-segments';
import { TOKEN_COLORS } from '@/components/gpt-lab/shared/colors';
import { useRpc } from '@/components/gpt-lab/shared/use-rpc';
import { useStaged } from '@/components/shared/use-staged';
import type { GptTokenization } from '@/platform/protocol/protocol';

/** Token-list rows rendered per frame (see useStaged): up to 256 rows of four cells. */
const ROWS_PER_FRAME = 64;

export function TokensView({ text }: { text: string }) {
  const res = useRpc('host.gpt.tokenize', text ? { text } : null, text);
  const [ws, setWs] = useState(false);
  // The token list is built when first opened: a row a token, for a list most never open.
  const [listOpened, setListOpened] = useState(false);
  if (res.status === 'error') return <Failure error={res.error} retry={res.retry} />;
  if (res.status !== 'ready') return <Working what={t('gptTokenizing')} />;
  const tok = res.value;
  const segs = segments(tok);
  const used = text.slice(0, tok.usedChars);
  return (
    <section class="stack" data-testid="gpt-tokens">
      <TruncationNote tok={tok} />
      <div class="row">
        <span class="badge" data-testid="token-count">
          {t('gptTokenCount', { n: tok.tokens.length })}
        </span>
        <span class="badge">{t('gptCharsPerToken', { x: tok.tokens.length ? (tok.usedChars / tok.tokens.length).toFixed(2) : '0' })}</span>
        <label class="row small">
          <input type="checkbox" checked={ws} onChange={(e) => setWs(e.currentTarget.checked)} /> {t('gptShowWhitespace')}
        </label>
        <ExportButton name="tokens" data={() => ({ text: used, truncated: tok.truncated, tokens: tok.tokens.map(({ index, id, display, bytes, start, end, group }) => ({ index, id, token: display, bytes, start, end, group })), groups: tok.groups })} />
      </div>
      <p class="token-text" lang="">
        {segs.map((s, i) => (
          <span
            key={i}
            data-testid="token"
            data-ids={s.tokens.map((k) => tok.tokens[k].id).join(' ')}
            class={`tok tok-${i % TOKEN_COLORS}${s.grouped ? ' tok-group' : ''}`}
            title={s.tokens.map((k) => `${tok.tokens[k].display}  id ${tok.tokens[k].id}`).join('\n')}
          >
            {showWhitespace(s.text, ws)}
          </span>
        ))}
      </p>
      <p class="muted small">{t('gptTokensHelp')}</p>
      <CompareCounts text={used} ours={tok.tokens.length} />
      <details onToggle={(e) => e.currentTarget.open && setListOpened(true)}>
        <summary>{t('gptTokenList')}</summary>
        {listOpened ? <TokenTable tok={tok} /> : null}
      </details>
    </section>
  );
}

function TokenTable({ tok }: { tok: GptTokenization }) {
  const shown = useStaged(tok.tokens.length, ROWS_PER_FRAME, tok);
  return (
    <table class="token-table" data-staging={shown < tok.tokens.length ? '' : undefined}>
      <thead>
        <tr>
          <th>#</th>
          <th>{t('gptToken')}</th>
          <th>id</th>
          <th>{t('gptOffsets')}</th>
        </tr>
      </thead>
      <tbody>
        {tok.tokens.slice(0, shown).map((k) => (
          <tr key={k.index} class={k.group !== undefined ? 'in-group' : ''}>
            <td>{k.index}</td>
            <td>
              <code>{showWhitespace(k.display, true)}</code>
              {k.group !== undefined ? <span class="muted small"> ({t('gptPartOf')} “{tok.groups[k.group].text}”)</span> : null}
            </td>
            <td>{k.id}</td>
            <td>
              {k.start}–{k.end}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
