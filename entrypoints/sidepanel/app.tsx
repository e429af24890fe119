import { useState } from 'preact/hooks';
import { t } from '@/platform/i18n';
import { openDiagnostics } from '@/platform/open-ui';
import { HostStatus } from '@/components/shared/host-status';
import { PageConcepts } from '@/components/concepts/page-concepts';
import { TrainingLab } from '@/components/training-lab/training-lab';
import { GptLab } from '@/components/gpt-lab/gpt-lab';
import { GPT_VIEWS } from '@/platform/protocol/demo';
import { isOneOf } from '@/lib/one-of';
import { VideoOutline } from '@/components/video/video-outline';
import { useSettings } from '@/components/shared/use-settings';

type Tab = 'page' | 'gpt' | 'training';
const TABS: Tab[] = ['page', 'gpt', 'training'];
const TAB_LABEL = { page: 'tabPage', gpt: 'tabGpt', training: 'tabTraining' } as const;

/** The deep link: ?lab=gpt|training, ?text= (the GPT lab on that text), ?view= (a GPT lab view). */
function fromUrl() {
  const q = new URLSearchParams(location.search);
  const lab = q.get('lab');
  const text = q.get('text');
  const tab: Tab = lab === 'training' ? 'training' : lab === 'gpt' || text !== null ? 'gpt' : 'page';
  const asked = q.get('view');
  const view = isOneOf(GPT_VIEWS, asked) ? asked : 'tokens';
  return { tab, text: text ?? '', view };
}

export function SidePanel() {
  const settings = useSettings();
  const [link] = useState(fromUrl);
  const [tab, setTab] = useState<Tab>(link.tab);
  const [gptOpened, setGptOpened] = useState(link.tab === 'gpt');
  return (
    <main class="stack">
      <div>
        <h1>{t('sidepanelTitle')}</h1>
        <p class="lead">{t('sidepanelIntro')}</p>
      </div>
      <div class="tabs" role="tablist">
        {TABS.map((k) => (
          <button
            key={k}
            role="tab"
            aria-selected={tab === k}
            data-testid={`tab-${k}`}
            class={tab === k ? 'tab active' : 'tab'}
            onClick={() => {
              setTab(k);
              if (k === 'gpt') setGptOpened(true);
            }}
          >
            {t(TAB_LABEL[k])}
          </button>
        ))}
      </div>
      {tab === 'page' && (
        <>
          <VideoOutline />
          <PageConcepts />
        </>
      )}
      {/* Mounted on first visit (it loads the model), then kept, like the training lab. */}
      {gptOpened && (
        <div hidden={tab !== 'gpt'}>
          <GptLab initialText={link.text} initialView={link.view} backend={settings.backend} />
        </div>
      )}
      {/* Kept mounted while hidden, so a run keeps going when you look at the page tab. */}
      <div hidden={tab !== 'training'}>
        <TrainingLab settings={settings} />
      </div>
      <div class="card">
        <HostStatus />
      </div>
      <div class="row">
        <button onClick={() => void openDiagnostics()}>{t('openDiagnostics')}</button>
      </div>
    </main>
  );
}
