import { useEffect, useState } from 'preact/hooks';
import { t } from '@/platform/i18n';
import { GPT_VIEWS, type GptView } from '@/platform/protocol/demo';
import type { BackendPreference } from '@/platform/protocol/backend';
import { AttentionView } from '@/components/gpt-lab/attention-view';
import { EmbeddingsView } from '@/components/gpt-lab/embeddings-view';
import { EngineBadge } from '@/components/gpt-lab/engine-badge';
import { GenerateView } from '@/components/gpt-lab/generate-view';
import { HeadsView } from '@/components/gpt-lab/heads-view';
import { LayersView } from '@/components/gpt-lab/layers-view';
import { NeuronsView } from '@/components/gpt-lab/neurons-view';
import { TokensView } from '@/components/gpt-lab/tokens-view';

const VIEW_LABEL = {
  tokens: 'gptTokens',
  embeddings: 'gptEmbeddings',
  attention: 'gptAttention',
  heads: 'gptHeadsTab',
  layers: 'gptLayersTab',
  neurons: 'gptNeuronsTab',
  generate: 'gptGenerateTab',
} as const;
/** Typing settles for this long before the model reads the text. */
const TYPING_MS = 400;
export const MAX_LAB_TEXT = 100_000;

export function GptLab({ initialText, initialView, backend }: { initialText: string; initialView: GptView; backend: BackendPreference }) {
  const [draft, setDraft] = useState(initialText.slice(0, MAX_LAB_TEXT));
  const [text, setText] = useState(draft);
  const [view, setView] = useState<GptView>(initialView);
  // Generate mounts on first visit (it runs the model), then stays mounted so a generation keeps streaming.
  const [generateOpened, setGenerateOpened] = useState(initialView === 'generate');
  useEffect(() => {
    const id = setTimeout(() => setText(draft), TYPING_MS);
    return () => clearTimeout(id);
  }, [draft]);
  const blank = text.trim() === '';
  return (
    <section class="stack gpt-lab" data-testid="gpt-lab">
      <EngineBadge backend={backend} />
      <label class="field">
        {t('gptTextLabel')}
        <textarea
          rows={3}
          value={draft}
          maxLength={MAX_LAB_TEXT}
          data-testid="gpt-text"
          placeholder={t('gptTextPlaceholder')}
          onInput={(e) => setDraft(e.currentTarget.value)}
        />
      </label>
      <div class="tabs gpt-tabs" role="tablist">
        {GPT_VIEWS.map((v) => (
          <button key={v} role="tab" aria-selected={view === v} data-testid={`gpt-view-${v}`} class={view === v ? 'tab active' : 'tab'} onClick={() => {
              setView(v);
              if (v === 'generate') setGenerateOpened(true);
            }}
          >
            {t(VIEW_LABEL[v])}
          </button>
        ))}
      </div>
      {blank ? (
        <p class="gpt-hint" data-testid="gpt-empty-hint">
          {t('gptEmptyHint')}
        </p>
      ) : (
        <>
          {view === 'tokens' && <TokensView text={text} />}
          {view === 'embeddings' && <EmbeddingsView text={text} />}
          {view === 'attention' && <AttentionView text={text} />}
          {view === 'heads' && <HeadsView text={text} />}
          {view === 'layers' && <LayersView text={text} />}
          {view === 'neurons' && <NeuronsView text={text} />}
          {generateOpened && (
            <div hidden={view !== 'generate'}>
              <GenerateView text={text} />
            </div>
          )}
        </>
      )}
    </section>
  );
}
