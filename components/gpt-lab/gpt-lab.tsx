import { useEffect, useState } from 'preact/hooks';
import { t } from '@/platform/i18n';
import { GPT_VIEWS, type GptView } from '@/platform/protocol/demo';
import type { BackendPreference } from '@/platform/protocol/backend';
import { lazy } from '@/components/shared/lazy';
import { EngineBadge } from '@/components/gpt-lab/shared/engine-badge';
import { Working } from '@/components/gpt-lab/shared/status';

// Each view's code loads on its first visit (its own chunk), evaluated a task before it renders:
// the lab opens on one view, and the seven together made opening it one long task.
const working = (what: Parameters<typeof t>[0]) => () => <Working what={t(what)} />;
const TokensView = lazy(() => import('@/components/gpt-lab/tokens/tokens-view').then((m) => m.TokensView), working('gptTokenizing'));
const EmbeddingsView = lazy(() => import('@/components/gpt-lab/embeddings/embeddings-view').then((m) => m.EmbeddingsView), working('gptEmbedding'));
const AttentionView = lazy(() => import('@/components/gpt-lab/attention/attention-view').then((m) => m.AttentionView), working('gptAttending'));
const HeadsView = lazy(() => import('@/components/gpt-lab/heads/heads-view').then((m) => m.HeadsView), working('gptHeadsWorking'));
const LayersView = lazy(() => import('@/components/gpt-lab/layers/layers-view').then((m) => m.LayersView), working('gptLensWorking'));
const NeuronsView = lazy(() => import('@/components/gpt-lab/neurons/neurons-view').then((m) => m.NeuronsView), working('gptNeuronsWorking'));
const GenerateView = lazy(() => import('@/components/gpt-lab/generate/generate-view').then((m) => m.GenerateView), working('gptThinking'));

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
