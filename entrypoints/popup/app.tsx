import { t } from '@/platform/i18n';
import { openDiagnostics, openLab, openOptions } from '@/platform/open-ui';
import { HostStatus } from '@/components/shared/host-status';
import { useSettings } from '@/components/shared/use-settings';
import { SiteControls } from '@/components/shared/site-controls';
import { lazy } from '@/components/shared/lazy';
import { DueBadge } from '@/components/review/due-badge';

// The digit lab (the pad, the network, its drawing) is a chunk of its own, evaluated and rendered
// in tasks after the popup's shell: evaluated and rendered with the rest as the popup opened, it
// made one task of 30-42 ms (CPU) on the 2-core build machine.
const DigitLab = lazy<{ closeAfterTeach?: boolean }>(() => import('@/components/digit-lab/digit-lab').then((m) => m.DigitLab));

export function Popup() {
  const settings = useSettings();
  return (
    <main class="stack" style={{ width: '600px' }}>
      <div>
        <h1>{t('appName')}</h1>
        <p class="lead">{t('tagline')}</p>
      </div>
      {/* Opened as a tab (a card's "Try it": ?lab=digits) it stays open after handing a drawing over. */}
      <DigitLab closeAfterTeach={!new URLSearchParams(location.search).has('lab')} />
      <SiteControls settings={settings} />
      <div class="card">
        <DueBadge />
      </div>
      <div class="card">
        <HostStatus />
      </div>
      <div class="row">
        <button class="primary" data-testid="open-lab" onClick={() => void openLab().then(() => window.close())}>
          {t('openLab')}
        </button>
        <button data-testid="open-diagnostics" onClick={() => void openDiagnostics()}>
          {t('openDiagnostics')}
        </button>
        <button data-testid="open-options" onClick={() => void openOptions()}>
          {t('openOptions')}
        </button>
      </div>
    </main>
  );
}
