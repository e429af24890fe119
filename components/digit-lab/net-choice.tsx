import { t } from '@/platform/i18n';
import type { SavedNet } from '@/features/digits/saved-nets';

/** The network that classifies: the shipped one or a saved one; shown once one is saved. */
export function NetChoice({ saved, model, choose }: { saved: readonly SavedNet[]; model: string | null; choose: (id: string) => void }) {
  if (saved.length === 0) return null;
  return (
    <label class="row">
      <span class="muted">{t('digitNetwork')}</span>
      <select
        data-testid="digit-network-choice"
        value={model ?? 'default'}
        onChange={(e) => choose((e.currentTarget as HTMLSelectElement).value)}
      >
        <option value="default">{t('digitDefaultNet')}</option>
        {saved.map((n) => (
          <option key={n.id} value={n.id}>
            {n.name}
          </option>
        ))}
      </select>
    </label>
  );
}
