import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { resolveTheme } from '@/components/shared/theme';
import { PageAnnotator } from '@/features/concepts/annotate/annotator';
import { MAX_AUTO_CHARS } from '@/features/concepts/annotate/page-size';
import { pageLangAt } from '@/features/concepts/annotate/page-lang';
import { isOwnMark, ownTags, watchNewMarks } from '@/features/concepts/annotate/own-tags';
import { yieldToPage } from '@/features/concepts/annotate/slice';
import { CONCEPT_HEADS } from '@/features/concepts/kb/heads';
import { buildMatcher, buildMatcherSteps, type Matcher } from '@/features/concepts/match';
import { LOOK_INSIDE_GPT } from '@/features/selection/demo';
import { SelectionFeatures } from '@/features/selection/page-selection';
import { VideoFeatures } from '@/features/video/page-video';
import { resolveLang, type Lang } from '@/platform/i18n/page';
import { call } from '@/platform/messaging/client';
import type { PageConcepts, VideoInfo } from '@/platform/protocol/protocol';
import { isAutoSite, isSiteEnabled, loadSettings, normalizeSettings, settingsItem, type Settings } from '@/platform/settings';
import { onAbort } from '@/lib/listen';
import { CardController } from '@/entrypoints/content/card-controller';
import { servePageMessages } from '@/entrypoints/content/page-server';
import { hostHome } from '@/entrypoints/content/host-home';
import { clearLayers, paintLayers } from '@/entrypoints/content/paint';
import { MetRecorder } from '@/entrypoints/content/met-recorder';

let matcher: Matcher | null = null;
const getMatcher = () => (matcher ??= buildMatcher(CONCEPT_HEADS));

/**
 * Builds the matcher in tasks of its own: the trie in steps, then the derived forms (compiled on
 * first use) and the short forms (on a session's first find). Together they are one task of 30
 * to 60 ms on a two-core machine, a long one whenever the page had work of its own.
 */
async function readyMatcher(): Promise<Matcher> {
  if (!matcher) {
    const steps = buildMatcherSteps(CONCEPT_HEADS);
    let r: IteratorResult<void, Matcher>;
    do {
      await yieldToPage();
      r = steps.next();
    } while (!r.done);
    matcher ??= r.value;
  }
  const m = matcher;
  await yieldToPage();
  m.compileDerived();
  await yieldToPage();
  m.compileShortForms();
  await yieldToPage();
  return m;
}

/**
 * The content script's lifecycle: what the extension adds to a page (marks, cards, the selection
 * button, the video layer) follows the settings, and all of it goes away again when the site is
 * turned off or the script is invalidated. Teardown is by AbortSignal: the script's (WXT's ctx)
 * and one per mounted UI.
 */
export class PageFeatures {
  private settings: Settings | null = null;
  private ui: ShadowRootContentScriptUi<HTMLElement> | null = null;
  /** Aborts when the UI is unmounted: every page listener the UI added goes with it. */
  private uiLife: AbortController | null = null;
  private annotator: PageAnnotator | null = null;
  private video: VideoFeatures | null = null;
  private selection: SelectionFeatures | null = null;
  /** Reports the concepts met here for the review deck, while the learner keeps recording on. */
  private recorder: MetRecorder | null = null;
  private readonly cards = new CardController(
    () => this.ui?.shadowHost ?? null,
    () => this.paint(),
    (id, term) => this.recorder?.cardOpened(id, term, this.video?.playingAt() ?? null),
  );
  /** The user asked for this page (toolbar or shortcut) although it is not on the auto list. */
  private forced = false;
  /** The page was too large to mark automatically and the notice saying so is up. */
  private largePage = false;
  /** The learner asked to mark this large page anyway (the notice's button, the toolbar or shortcut). */
  private markLarge = false;
  /** The open card's term and the page language found there: read once per card, not per paint. */
  private cardPageLang: { term: HTMLElement | null; lang: Lang | null } | null = null;

  constructor(private readonly ctx: ContentScriptContext) {}

  async init(): Promise<void> {
    this.settings = await loadSettings();
    onAbort(this.ctx.signal, settingsItem.watch((raw) => void this.apply(normalizeSettings(raw))));
    servePageMessages(
      {
        'page.concepts': async () => (this.annotator ? this.annotator.idle().then(() => this.concepts()) : this.concepts()),
        'page.scrollTo': async ({ conceptId }) => ({ found: this.scrollTo(conceptId) }),
        'page.video': async () => this.video?.info() ?? this.noVideo(),
        'page.seek': async ({ time }) => ({ ok: this.video?.seek(time) ?? false }),
        'page.loadCaptions': async ({ name, text }) => this.video?.loadFile(name, text) ?? this.noVideo(),
        'page.annotate': async () => {
          this.forced = true;
          if (this.annotator?.tooLarge != null) this.markAnyway();
          await this.apply(this.settings ?? normalizeSettings(null));
          return { started: !!this.annotator };
        },
      },
      this.ctx.signal,
    );
    onAbort(this.ctx.signal, () => this.teardown());
    await this.apply(this.settings);
  }

  private wanted(s: Settings): boolean {
    return isSiteEnabled(s, location.hostname) && (this.forced || isAutoSite(s, new URL(location.href)));
  }

  private async apply(s: Settings): Promise<void> {
    const densityChanged = this.settings?.density !== s.density;
    this.settings = s;
    if (!this.wanted(s)) return this.teardown();
    this.record(s.recordMet);
    await this.mountUi();
    if (!this.selection && this.ui) {
      this.selection = new SelectionFeatures(() => this.ui?.shadowHost ?? null, () => this.paint());
      this.selection.start();
    }
    if (this.annotator && densityChanged) this.stopAnnotating();
    if (!this.annotator) {
      const matcher = await readyMatcher();
      if (this.annotator || !this.settings || !this.wanted(this.settings)) return;
      const annotator = new PageAnnotator(document, { matcher, density: s.density, force: this.markLarge });
      this.annotator = annotator;
      await annotator.start();
      this.largePage = annotator.tooLarge !== null && this.annotator === annotator;
    }
    if (!this.video) {
      this.video = new VideoFeatures(getMatcher, () => this.lang(), () => this.paint());
      this.video.start();
    }
    this.paint();
  }

  private record(on: boolean): void {
    if (on && !this.recorder) {
      this.recorder = new MetRecorder((events) => call('bg.met', { events }, { retryOnDisconnect: true }));
      watchNewMarks((el) => this.recorder?.watch(el));
    } else if (!on && this.recorder) {
      watchNewMarks(null);
      this.recorder.stop();
      this.recorder = null;
    }
  }

  private async mountUi(): Promise<void> {
    if (this.ui || this.ctx.isInvalid) return;
    this.ui = await createShadowRootUi(this.ctx, {
      name: ownTags().host,
      position: 'overlay',
      anchor: () => hostHome(),
      onMount: (container) => container,
    });
    this.ui.mount();
    this.uiLife = new AbortController();
    // Into the fullscreen element and back out (before the card closes on the same event).
    document.addEventListener('fullscreenchange', () => this.placeHost(), { signal: this.uiLife.signal });
    this.cards.listen(this.uiLife.signal);
  }

  /** Moves the host to where it belongs now (host-home.ts), if it is not there. */
  private placeHost(): void {
    if (this.ui && this.ui.shadowHost.parentNode !== hostHome()) this.ui.mount();
  }

  /**
   * Puts the UI back where the page took it from before showing something: a page may remove
   * the host or empty its shadow root. Only when there is something to show, never in answer to
   * the removal itself, so a page that removes it on sight gets no loop.
   */
  private reattach(container: HTMLElement): void {
    const ui = this.ui;
    if (!ui) return;
    const tree = container.parentElement;
    if (tree && tree.parentNode !== ui.shadow) ui.shadow.append(tree);
    this.placeHost();
  }

  private lang(): Lang {
    return resolveLang(this.settings?.uiLang ?? 'auto', navigator.language);
  }

  /** The language of the open card: the interface's, or the page's around its term when the learner chose so. */
  private cardLang(): Lang {
    const card = this.cards.card;
    if (!card || this.settings?.cardLang !== 'page') return this.lang();
    if (this.cardPageLang?.term !== card.term || card.term === null) {
      this.cardPageLang = { term: card.term, lang: pageLangAt(card.term, document) };
    }
    return this.cardPageLang.lang ?? this.lang();
  }

  private paint(): void {
    const container = this.ui?.mounted;
    if (!container || !this.settings) return;
    this.reattach(container);
    const playing = this.recorder && this.video?.playingAt();
    if (playing != null && this.recorder) this.recorder.chipsShown(this.video?.view()?.current ?? [], playing);
    paintLayers(container, {
      lang: this.lang(),
      cardLang: this.cardLang(),
      theme: resolveTheme(this.settings.theme),
      cards: this.cards,
      video: this.video,
      selection: this.selection,
      onLookInside: (text) => {
        this.selection?.dismiss();
        void call('ui.openDemo', { demo: LOOK_INSIDE_GPT, text });
      },
      largePage: this.largePage
        ? {
            millions: MAX_AUTO_CHARS / 1e6,
            onMark: () => this.markAnyway(),
            onDismiss: () => {
              this.largePage = false;
              this.paint();
            },
          }
        : null,
    });
  }

  private concepts(): PageConcepts {
    const counts = this.annotator?.counts() ?? new Map<string, number>();
    return {
      url: location.href,
      title: document.title,
      annotating: !!this.annotator && this.annotator.tooLarge === null,
      concepts: [...counts].map(([id, count]) => ({ id, count })),
    };
  }

  private noVideo(): VideoInfo {
    return { status: 'no-video', source: null, title: document.title, url: location.href, concepts: [] };
  }

  private scrollTo(conceptId: string): boolean {
    const el = [...document.querySelectorAll<HTMLElement>(ownTags().wrapper)].find((e) => isOwnMark(e) && e.dataset.concept === conceptId);
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    el?.focus({ preventScroll: true });
    return !!el;
  }

  /** Marks the large page after all: a new annotator, told not to count. */
  private markAnyway(): void {
    this.markLarge = true;
    this.largePage = false;
    this.annotator = null;
    this.paint();
    if (this.settings) void this.apply(this.settings);
  }

  private stopAnnotating(): void {
    // Its marks go in slices; a new annotator meanwhile reads the text they give back (the
    // restored text nodes change, and it follows changes).
    void this.annotator?.stop();
    this.annotator = null;
  }

  /** Removes every mark, the card, the selection button, the video layer and the shadow root. */
  private teardown(): void {
    this.record(false);
    this.cards.card = null;
    this.cardPageLang = null;
    this.largePage = false;
    this.markLarge = false;
    this.stopAnnotating();
    this.video?.stop();
    this.video = null;
    this.selection?.stop();
    this.selection = null;
    this.uiLife?.abort();
    this.uiLife = null;
    if (this.ui) {
      clearLayers(this.ui.mounted ?? document.createElement('div'));
      this.ui.remove();
      this.ui = null;
    }
  }
}
