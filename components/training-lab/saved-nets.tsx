import { useEffect, useState } from 'preact/hooks';
import { t } from '@/platform/i18n';
import { deleteNet, loadSavedNets, parseNet, popupNetItem, saveNet, savedNetsItem, type SavedNet } from '@/features/digits/saved-nets';

function download(net: SavedNet): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([JSON.stringify({ format: 'dl-tutor-mlp', version: 1, ...net })], { type: 'application/json' }));
  a.download = `${net.name.replace(/[^\w.-]+/g, '_').slice(0, 60) || 'network'}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** Networks kept across restarts: use one in the popup, export, import, delete. */
export function SavedNets({ onOpenBackprop }: { onOpenBackprop?: (netId: string) => void }) {
  const [nets, setNets] = useState<SavedNet[]>([]);
  const [popup, setPopup] = useState('default');
  const [note, setNote] = useState('');
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    const refresh = () =>
      void Promise.all([loadSavedNets(), popupNetItem.getValue()]).then(([r, p]) => {
        setNets(r.nets);
        setPopup(p);
        setLoaded(true);
        if (r.setAside) setNote(t('savedNetsSetAside'));
      });
    refresh();
    const a = savedNetsItem.watch(refresh);
    const b = popupNetItem.watch(refresh);
    return () => {
      a();
      b();
    };
  }, []);

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    let net: SavedNet | null = null;
    try {
      net = file.size < 20_000_000 ? parseNet(JSON.parse(await file.text()), file.name.replace(/\.json$/i, '')) : null;
    } catch {
      net = null;
    }
    if (!net) return setNote(t('importFailed'));
    setNote('');
    await saveNet({ ...net, id: `net-${Date.now().toString(36)}` }).catch((e: unknown) => setNote(e instanceof Error ? e.message : String(e)));
  };

  return (
    <section class="stack" data-testid="saved-nets" data-loaded={loaded}>
      <strong>{t('savedNets')}</strong>
      {nets.map((n) => (
        <div key={n.id} class="row" data-testid="saved-net" data-id={n.id}>
          <span>{n.name}</span>
          {popup === n.id ? (
            <span class="badge">{t('inPopup')}</span>
          ) : (
            <button data-testid="use-in-popup" onClick={() => void popupNetItem.setValue(n.id)}>
              {t('useInPopup')}
            </button>
          )}
          {onOpenBackprop && (
            <button data-testid="open-backprop" onClick={() => onOpenBackprop(n.id)}>
              {t('bpOpenInLab')}
            </button>
          )}
          <button onClick={() => download(n)}>{t('exportWeights')}</button>
          <button onClick={() => void deleteNet(n.id)}>{t('deleteNet')}</button>
        </div>
      ))}
      <label class="row">
        <span class="muted">{t('importWeights')}</span>
        <input type="file" accept=".json,application/json" data-testid="import-net" onChange={(e) => void importFile((e.currentTarget as HTMLInputElement).files?.[0])} />
      </label>
      {note && (
        <span class="fail" role="alert">
          {note}
        </span>
      )}
    </section>
  );
}
