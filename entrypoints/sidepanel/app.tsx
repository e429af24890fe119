import { useState } from 'preact/hooks';
import { t } from '@/platform/i18n';
import { openDiagnostics } from '@/platform/open-ui';
import { HostStatus } from '@/components/shared/host-status';
import { lazy } from '@/components/shared/lazy';
import { GPT_VIEWS } from '@/platform/protocol/demo';
import { isOneOf } from '@/lib/one-of';
import { useSettings } from '@/components/shared/use-settings';

// Each tab's code loads when the tab is first shown: evaluating all of it as the panel opened was
// one long task, and the knowledge base (the page tab) and the training lab are not needed to
// look inside GPT.
const PageTab = lazy(() => import('@/entrypoints/sidepanel/page-tab').then((m) => m.PageTab));
const GptLab = lazy(() => import('@/components/gpt-lab/gpt-lab').then((m) => m.GptLab));
const TrainingLab = lazy(() => import('@/components/training-lab/training-lab').then((m) => m.TrainingLab));

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
  // Mounted on first visit, then kept: the GPT lab loads the model, and a training run keeps going
  // while you look at another tab.
  const [opened, setOpened] = useState<ReadonlySet<Tab>>(() => new Set([link.tab]));
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
              setOpened((o) => (o.has(k) ? o : new Set([...o, k])));
            }}
          >
            {t(TAB_LABEL[k])}
          </button>
        ))}
      </div>
      {tab === 'page' && <PageTab />}
      {opened.has('gpt') && (
        <div hidden={tab !== 'gpt'}>
          <GptLab initialText={link.text} initialView={link.view} backend={settings.backend} />
        </div>
      )}
      {opened.has('training') && (
        <div hidden={tab !== 'training'}>
          <TrainingLab settings={settings} />
        </div>
      )}
      <div class="card">
        <HostStatus />
      </div>
      <div class="row">
        <button onClick={() => void openDiagnostics()}>{t('openDiagnostics')}</button>
      </div>
    </main>
  );
}
