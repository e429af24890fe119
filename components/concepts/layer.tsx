import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { headById } from '@/features/concepts/kb/heads';
import type { DetailsState } from '@/features/concepts/card-details';
import type { Demo } from '@/platform/protocol/demo';
import type { Lang } from '@/platform/i18n/page';
import { placeCard, type Rect } from '@/lib/rects';
import { ConceptCard } from '@/components/concepts/card';

export interface OpenCard {
  conceptId: string;
  /** Where the card points, read when the card is placed (after the browser's layout, not before it). */
  anchor: () => Rect;
  /** The term element, to give focus back when the card closes. */
  term: HTMLElement | null;
}

export interface LayerProps {
  open: OpenCard | null;
  lang: Lang;
  theme: 'light' | 'dark';
  /** A card body's state (asks for it the first time). */
  details(id: string): DetailsState;
  onRetry(id: string): void;
  onClose(): void;
  onTry(demo: Demo, conceptId: string, term: HTMLElement | null): void;
}

/** The floating card, anchored to its term and kept inside the viewport. */
export function CardLayer({ open, lang, theme, details, onRetry, onClose, onTry }: LayerProps) {
  const [history, setHistory] = useState<string[]>([]);
  const [pos, setPos] = useState<{ top: number; left: number } | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  // ref's first child is the positioned box around the card.

  useEffect(() => {
    setHistory(open ? [open.conceptId] : []);
    setPos(null);
  }, [open]);

  const currentId = history[history.length - 1];
  const concept = currentId ? headById(currentId) : undefined;

  // Placed (and focused) once laid out, and again whenever its size changes: the formulas arrive
  // a task after the card (math.tsx). Measured in a ResizeObserver, after the browser's own
  // layout: measuring right after rendering forced a layout of the whole page, a long task on a
  // large one.
  useLayoutEffect(() => {
    const card = ref.current?.firstElementChild as HTMLElement | null;
    if (!open || !card) return;
    let focused = false;
    const resize = new ResizeObserver(() => {
      const { width, height } = card.getBoundingClientRect();
      setPos(placeCard(open.anchor(), { width, height }, { width: innerWidth, height: innerHeight }));
      if (!focused) card.focus({ preventScroll: true });
      focused = true;
    });
    resize.observe(card);
    return () => resize.disconnect();
  }, [open, currentId]);

  if (!open || !concept) return null;
  return (
    <div class="layer" ref={ref}>
      <div class="anchor" tabIndex={-1} style={{ top: `${pos?.top ?? -9999}px`, left: `${pos?.left ?? -9999}px` }}>
        <ConceptCard
          theme={theme}
          concept={concept}
          details={details(concept.id)}
          onRetry={() => onRetry(concept.id)}
          lang={lang}
          canGoBack={history.length > 1}
          onNavigate={(id) => setHistory((h) => [...h, id])}
          onBack={() => setHistory((h) => h.slice(0, -1))}
          onClose={onClose}
          onTry={(demo) => onTry(demo, concept.id, open.term)}
        />
      </div>
    </div>
  );
}
