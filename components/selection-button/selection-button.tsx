import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { pageText, type Lang } from '@/platform/i18n/page';
import type { SelectionOffer } from '@/features/selection/offer';
import { placeSelectionButton, type ButtonPlacement } from '@/features/selection/place';

export interface SelectionButtonProps {
  offer: SelectionOffer | null;
  lang: Lang;
  theme: 'light' | 'dark';
  onOpen(text: string): void;
}

/** "Look inside GPT", floating beside the page's selection and kept inside the viewport. */
export function SelectionButton({ offer, lang, theme, onOpen }: SelectionButtonProps) {
  const ref = useRef<HTMLButtonElement>(null);
  const [pos, setPos] = useState<ButtonPlacement | null>(null);

  useLayoutEffect(() => {
    const button = ref.current;
    if (!offer || !button) return;
    const { width, height } = button.getBoundingClientRect();
    setPos(placeSelectionButton(offer.lines, { width, height }, { width: innerWidth, height: innerHeight }));
  }, [offer]);

  if (!offer) return null;
  return (
    <button
      ref={ref}
      type="button"
      class="gpt-selection"
      data-testid="gpt-selection-button"
      data-theme={theme}
      data-side={pos?.side}
      // Measured off-screen first; hidden while the selection is out of view.
      style={pos ? { top: `${pos.top}px`, left: `${pos.left}px` } : { top: '-9999px', left: '-9999px', visibility: 'hidden' }}
      // The page's selection and focus stay where they are.
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => onOpen(offer.text)}
    >
      {pageText(lang, 'lookInsideGpt')}
    </button>
  );
}
