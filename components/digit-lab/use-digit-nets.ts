import { useEffect, useState } from 'preact/hooks';
import { loadSavedNets, popupNetItem, type SavedNet } from '@/features/digits/saved-nets';

/** Which network: the shipped one ('default'), or one the learner trained and chose (remembered). */
export function useDigitNets() {
  const [saved, setSaved] = useState<SavedNet[]>([]);
  const [model, setModel] = useState<string | null>(null);
  useEffect(() => {
    void Promise.all([loadSavedNets(), popupNetItem.getValue()]).then(([{ nets: valid }, choice]) => {
      setSaved(valid);
      setModel(valid.some((n) => n.id === choice) ? choice : 'default');
    });
  }, []);
  const choose = (id: string) => {
    setModel(id);
    void popupNetItem.setValue(id);
  };
  return { saved, model, choose };
}
