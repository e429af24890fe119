import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { openDiagnostics } from '@/utils/open-ui';
import { HostStatus } from './host-status';
import { PageConcepts } from './page-concepts';
import { TrainingLab } from './training-lab/training-lab';
import { VideoOutline } from './video-outline';
import { useSettings } from './use-settings';

type Tab = 'page' | 'training';

export function SidePanel() {
  const settings = useSettings();
  const [tab, setTab] = useState<Tab>(() => (new URLSearchParams(location.search).get('lab') === 'training' ? 'training' : 'page'));
  return (
    <main class="stack">
      <div>
        <h1>{t('sidepanelTitle')}</h1>
        <p class="lead">{t('sidepanelIntro')}</p>
      </div>
      <div class="tabs" role="tablist">
        {(['page', 'training'] as const).map((k) => (
          <button key={k} role="tab" aria-selected={tab === k} data-testid={`tab-${k}`} class={tab === k ? 'tab active' : 'tab'} onClick={() => setTab(k)}>
            {t(k === 'page' ? 'tabPage' : 'tabTraining')}
          </button>
        ))}
      </div>
      {tab === 'page' && (
        <>
          <VideoOutline />
          <PageConcepts />
        </>
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
