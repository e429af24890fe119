import { t } from '@/utils/i18n';
import { openDiagnostics } from '@/utils/open-ui';
import { HostStatus } from './host-status';
import { PageConcepts } from './page-concepts';
import { VideoOutline } from './video-outline';
import { useSettings } from './use-settings';

export function SidePanel() {
  useSettings();
  return (
    <main class="stack">
      <div>
        <h1>{t('sidepanelTitle')}</h1>
        <p class="lead">{t('sidepanelIntro')}</p>
      </div>
      <VideoOutline />
      <PageConcepts />
      <div class="card">
        <HostStatus />
      </div>
      <div class="row">
        <button onClick={() => void openDiagnostics()}>{t('openDiagnostics')}</button>
      </div>
    </main>
  );
}
