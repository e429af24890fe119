import { render } from 'preact';
import { CardLayer } from '@/components/concepts/layer';
import { LargePageNotice } from '@/components/concepts/large-page-notice';
import { SelectionButton } from '@/components/selection-button/selection-button';
import type { ResolvedTheme } from '@/components/shared/theme';
import { VideoLayer } from '@/components/video/video-layer';
import type { SelectionFeatures } from '@/features/selection/page-selection';
import type { VideoFeatures } from '@/features/video/page-video';
import type { Lang } from '@/platform/i18n/page';
import type { CardController } from '@/entrypoints/content/card-controller';

export interface PageView {
  lang: Lang;
  /** The language of the concept card (the interface's or the page's, as the learner chose). */
  cardLang: Lang;
  theme: ResolvedTheme;
  cards: CardController;
  video: VideoFeatures | null;
  selection: SelectionFeatures | null;
  onLookInside(text: string): void;
  /** The page is too large to mark automatically (millions of characters of the limit), or null. */
  largePage: { millions: number; onMark(): void; onDismiss(): void } | null;
}

/** Renders every layer the extension shows on a page into its shadow root. */
export function paintLayers(container: HTMLElement, v: PageView): void {
  const video = v.video?.view();
  render(
    <>
      {video && (
        <VideoLayer
          rect={video.rect}
          duration={video.duration}
          concepts={video.outline.concepts}
          current={video.current}
          lang={v.lang}
          onSeek={(t) => v.video?.seek(t)}
          onChip={(id, anchor) => v.cards.openAt(id, anchor)}
        />
      )}
      <CardLayer
        open={v.cards.card}
        lang={v.cardLang}
        theme={v.theme}
        details={(id) => v.cards.details.get(id)}
        onRetry={(id) => v.cards.details.retry(id)}
        onClose={() => v.cards.close(true)}
        onTry={(demo, _id, term) => v.cards.tryDemo(demo, term)}
      />
      {v.largePage && (
        <LargePageNotice millions={v.largePage.millions} lang={v.lang} theme={v.theme} onMark={v.largePage.onMark} onDismiss={v.largePage.onDismiss} />
      )}
      <SelectionButton offer={v.selection?.view() ?? null} lang={v.lang} theme={v.theme} onOpen={v.onLookInside} />
    </>,
    container,
  );
}

/** Empties the shadow root (Preact unmounts every component and its listeners). */
export function clearLayers(container: HTMLElement): void {
  render(null, container);
}
