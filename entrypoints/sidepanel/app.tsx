import { useEffect, useState } from 'preact/hooks';
import { t } from '@/platform/i18n';
import { openDiagnostics } from '@/platform/open-ui';
import { HostStatus } from '@/components/shared/host-status';
import { lazy } from '@/components/shared/lazy';
import { GPT_VIEWS } from '@/platform/protocol/demo';
import { isOneOf } from '@/lib/one-of';
import { useSettings } from '@/components/shared/use-settings';
import type { BackpropRequest } from '@/components/backprop-lab/backprop-lab';
import { backpropHandoffItem, decodeDrawing, HANDOFF_MAX_AGE_MS, netIdOf, type Handoff } from '@/features/digits/handoff';

// Each tab's code loads when the tab is first shown: evaluating all of it as the panel opened was
// one long task, and the knowledge base (the page tab) and the training lab are not needed to
// look inside GPT.
const PageTab = lazy(() => import('@/entrypoints/sidepanel/page-tab').then((m) => m.PageTab));
const GptLab = lazy(() => import('@/components/gpt-lab/gpt-lab').then((m) => m.GptLab));
const TrainingLab = lazy(() => import('@/components/training-lab/training-lab').then((m) => m.TrainingLab));
const ReviewView = lazy(() => import('@/components/review/review-view').then((m) => m.ReviewView));
const BackpropLab = lazy(() => import('@/components/backprop-lab/backprop-lab').then((m) => m.BackpropLab));

type Tab = 'page' | 'gpt' | 'training' | 'backprop' | 'review';
const TABS: Tab[] = ['page', 'gpt', 'training', 'backprop', 'review'];
const TAB_LABEL = { page: 'tabPage', gpt: 'tabGpt', training: 'tabTraining', backprop: 'tabBackprop', review: 'tabReview' } as const;

/**
 * The deep link: ?lab=gpt|training|backprop|review, ?text= (the GPT lab on that text), ?view= (a GPT lab
 * view, or 'backprop'), and for the Backprop lab ?x= (a drawing, features/digits/handoff.ts) and ?net=.
 */
function fromUrl() {
  const q = new URLSearchParams(location.search);
  const lab = q.get('lab');
  const text = q.get('text');
  const asked = q.get('view');
  const tab: Tab =
    lab === 'review' ? 'review' : lab === 'backprop' || asked === 'backprop' ? 'backprop' : lab === 'training' ? 'training' : lab === 'gpt' || text !== null ? 'gpt' : 'page';
  const view = isOneOf(GPT_VIEWS, asked) ? asked : 'tokens';
  const backprop: BackpropRequest = { image: decodeDrawing(q.get('x')), netId: netIdOf(q.get('net')), seq: 0 };
  return { tab, text: text ?? '', view, backprop };
}

/** A fresh handoff from the popup, taken once. */
const takeHandoff = (h: Handoff | null): BackpropRequest | null => {
  if (!h || Date.now() - h.at > HANDOFF_MAX_AGE_MS) return null;
  const image = decodeDrawing(h.x);
  return image ? { image, netId: netIdOf(h.net), seq: h.at } : null;
};

export function SidePanel() {
  const settings = useSettings();
  const [link] = useState(fromUrl);
  const [tab, setTab] = useState<Tab>(link.tab);
  // Mounted on first visit, then kept: the GPT lab loads the model, and a training run keeps going
  // while you look at another tab.
  const [opened, setOpened] = useState<ReadonlySet<Tab>>(() => new Set([link.tab]));
  const show = (k: Tab) => {
    setTab(k);
    setOpened((o) => (o.has(k) ? o : new Set([...o, k])));
  };
  const [backprop, setBackprop] = useState<BackpropRequest>(link.backprop);
  const openBackprop = (r: BackpropRequest) => {
    setBackprop(r);
    show('backprop');
  };
  // The popup's "Why? / Teach it" leaves its drawing in session storage and opens this panel,
  // which may be open already: take it now and whenever a new one arrives.
  useEffect(() => {
    const take = (h: Handoff | null) => {
      const r = takeHandoff(h);
      if (!r) return;
      void backpropHandoffItem.setValue(null);
      openBackprop(r);
    };
    void backpropHandoffItem.getValue().then(take, () => undefined);
    return backpropHandoffItem.watch(take);
  }, []);
  return (
    <main class="stack">
      <div>
        <h1>{t('sidepanelTitle')}</h1>
        <p class="lead">{t('sidepanelIntro')}</p>
      </div>
      <div class="tabs" role="tablist" style={{ flexWrap: 'wrap' }}>
        {TABS.map((k) => (
          <button
            key={k}
            role="tab"
            aria-selected={tab === k}
            data-testid={`tab-${k}`}
            class={tab === k ? 'tab active' : 'tab'}
            onClick={() => show(k)}
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
          <TrainingLab settings={settings} onOpenBackprop={(netId) => openBackprop({ image: null, netId, seq: Date.now() })} />
        </div>
      )}
      {opened.has('backprop') && (
        <div hidden={tab !== 'backprop'}>
          <BackpropLab request={backprop} />
        </div>
      )}
      {tab === 'review' && <ReviewView />}
      <div class="card">
        <HostStatus />
      </div>
      <div class="row">
        <button onClick={() => void openDiagnostics()}>{t('openDiagnostics')}</button>
      </div>
    </main>
  );
}
