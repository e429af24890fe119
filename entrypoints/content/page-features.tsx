import { render } from 'preact';
import { browser, type Browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { CardLayer, type OpenCard } from '@/components/concepts/layer';
import { SelectionButton } from '@/components/selection-button/selection-button';
import { VideoLayer } from '@/components/video/video-layer';
import { SelectionFeatures } from '@/features/selection/page-selection';
import { VideoFeatures } from '@/features/video/page-video';
import { PageAnnotator } from '@/features/concepts/annotate/annotator';
import { sentenceAround } from '@/features/concepts/annotate/sentence';
import { yieldToPage } from '@/features/concepts/annotate/slice';
import { blockOf } from '@/features/concepts/annotate/skip';
import { WRAPPER_TAG } from '@/features/concepts/annotate/wrap';
import { CONCEPTS } from '@/features/concepts/kb';
import { buildMatcher, type Matcher } from '@/features/concepts/match';
import type { Demo } from '@/platform/protocol/demo';
import { LOOK_INSIDE_GPT } from '@/features/selection/demo';
import { resolveLang } from '@/platform/i18n';
import { call } from '@/platform/messaging/client';
import type { PageApi, PageConcepts, PageMsg } from '@/platform/protocol/protocol';
import { isAutoSite, isSiteEnabled, loadSettings, normalizeSettings, settingsItem, type Settings } from '@/platform/settings';

let matcher: Matcher | null = null;
const getMatcher = () => (matcher ??= buildMatcher(CONCEPTS));

/** Everything the extension adds to a page, and how it all goes away again. */
export class PageFeatures {
  private settings: Settings | null = null;
  private ui: ShadowRootContentScriptUi<HTMLElement> | null = null;
  private annotator: PageAnnotator | null = null;
  private card: OpenCard | null = null;
  private video: VideoFeatures | null = null;
  private selection: SelectionFeatures | null = null;
  /** The user asked for this page (toolbar or shortcut) although it is not on the auto list. */
  private forced = false;
  /** Undo functions: for the whole script's life, and for the mounted UI. */
  private readonly offScript: (() => void)[] = [];
  private readonly offUi: (() => void)[] = [];

  constructor(private readonly ctx: ContentScriptContext) {}

  async init(): Promise<void> {
    this.settings = await loadSettings();
    this.offScript.push(settingsItem.watch((raw) => void this.apply(normalizeSettings(raw))));
    const onMessage = (msg: unknown, sender: Browser.runtime.MessageSender) => this.onMessage(msg, sender);
    browser.runtime.onMessage.addListener(onMessage);
    this.offScript.push(() => browser.runtime.onMessage.removeListener(onMessage));
    this.ctx.onInvalidated(() => this.teardown());
    await this.apply(this.settings);
  }

  private wanted(s: Settings): boolean {
    return isSiteEnabled(s, location.hostname) && (this.forced || isAutoSite(s, new URL(location.href)));
  }

  private async apply(s: Settings): Promise<void> {
    const densityChanged = this.settings?.density !== s.density;
    this.settings = s;
    if (!this.wanted(s)) return this.teardown(false);
    await this.mountUi();
    if (!this.selection && this.ui) {
      this.selection = new SelectionFeatures(() => this.ui?.shadowHost ?? null, () => this.paint());
      this.selection.start();
    }
    if (this.annotator && densityChanged) this.stopAnnotating();
    if (!this.annotator) {
      // Each phase in its own task, so none of them adds up to a long one.
      await yieldToPage();
      const matcher = getMatcher();
      await yieldToPage();
      if (this.annotator || !this.settings || !this.wanted(this.settings)) return;
      this.annotator = new PageAnnotator(document, { matcher, density: s.density });
      await this.annotator.start();
    }
    if (!this.video) {
      this.video = new VideoFeatures(getMatcher, () => this.lang(), () => this.paint());
      this.video.start();
    }
    this.paint();
  }

  private async mountUi(): Promise<void> {
    if (this.ui || this.ctx.isInvalid) return;
    this.ui = await createShadowRootUi(this.ctx, {
      name: 'dl-tutor-root',
      position: 'overlay',
      anchor: 'body',
      onMount: (container) => container,
    });
    this.ui.mount();
    this.listen();
  }

  private listen(): void {
    const onClick = (e: MouseEvent) => {
      const term = (e.target as Element | null)?.closest?.(WRAPPER_TAG) as HTMLElement | null;
      if (term) {
        e.preventDefault();
        this.open(term);
      } else if (this.card && !e.composedPath().includes(this.ui!.shadowHost)) {
        this.close(false);
      }
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && this.card) {
        e.stopPropagation();
        this.close(true);
        return;
      }
      const term = (e.target as Element | null)?.closest?.(WRAPPER_TAG) as HTMLElement | null;
      if (term && (e.key === 'Enter' || e.key === ' ')) {
        e.preventDefault();
        this.open(term);
      }
    };
    // Cards follow the page into fullscreen, where anything outside the
    // fullscreen element is invisible.
    const onFullscreen = () => {
      const host = this.ui?.shadowHost;
      if (!host) return;
      const fs = document.fullscreenElement;
      const target = fs && !(fs instanceof HTMLVideoElement || fs instanceof HTMLCanvasElement) ? fs : document.body;
      if (host.parentElement !== target) target.append(host);
      this.close(false);
    };
    const onScroll = () => this.card && this.close(false);
    document.addEventListener('click', onClick, true);
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('fullscreenchange', onFullscreen);
    window.addEventListener('scroll', onScroll, { passive: true });
    this.offUi.push(() => {
      document.removeEventListener('click', onClick, true);
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('fullscreenchange', onFullscreen);
      window.removeEventListener('scroll', onScroll);
    });
  }

  private open(term: HTMLElement): void {
    const id = term.dataset.concept;
    if (!id) return;
    const r = term.getBoundingClientRect();
    this.card = { conceptId: id, anchor: { top: r.top, left: r.left, width: r.width, height: r.height }, term };
    this.paint();
  }

  private close(refocus: boolean): void {
    const term = this.card?.term;
    this.card = null;
    this.paint();
    if (refocus) term?.focus();
  }

  private tryDemo(demo: Demo, term: HTMLElement | null): void {
    let text = '';
    if (term) {
      const block = blockOf(term);
      const all = block?.textContent ?? term.textContent ?? '';
      const before = document.createRange();
      if (block) {
        before.setStart(block, 0);
        before.setEndBefore(term);
      }
      const start = block ? before.toString().length : 0;
      text = sentenceAround(all, start, start + (term.textContent?.length ?? 0));
    }
    void call('ui.openDemo', { demo, text: text.slice(0, 4000) });
  }

  private lookInside(text: string): void {
    this.selection?.dismiss();
    void call('ui.openDemo', { demo: LOOK_INSIDE_GPT, text });
  }

  private lang(): 'en' | 'zh' {
    return resolveLang(this.settings?.uiLang ?? 'auto', navigator.language);
  }

  private paint(): void {
    const container = this.ui?.mounted;
    const s = this.settings;
    if (!container || !s) return;
    const lang = this.lang();
    const video = this.video?.view();
    const theme = s.theme === 'dark' || (s.theme === 'auto' && matchMedia('(prefers-color-scheme: dark)').matches) ? 'dark' : 'light';
    render(
      <>
        {video && (
          <VideoLayer
            rect={video.rect}
            duration={video.duration}
            concepts={video.outline.concepts}
            current={video.current}
            lang={lang}
            onSeek={(t) => this.video?.seek(t)}
            onChip={(id, anchor) => {
              this.card = { conceptId: id, anchor, term: null };
              this.paint();
            }}
          />
        )}
        <CardLayer
          open={this.card}
          lang={lang}
          theme={theme}
          onClose={() => this.close(true)}
          onTry={(demo, _id, term) => this.tryDemo(demo, term)}
        />
        <SelectionButton offer={this.selection?.view() ?? null} lang={lang} theme={theme} onOpen={(text) => this.lookInside(text)} />
      </>,
      container,
    );
  }

  private concepts(): PageConcepts {
    const counts = this.annotator?.counts() ?? new Map<string, number>();
    return {
      url: location.href,
      title: document.title,
      annotating: !!this.annotator,
      concepts: [...counts].map(([id, count]) => ({ id, count })),
    };
  }

  private onMessage(raw: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> | undefined {
    // Only the background (our id, no tab) may ask; pages can't reach here at all.
    if (sender.id !== browser.runtime.id || sender.tab) return undefined;
    const msg = raw as PageMsg;
    if (msg?.kind !== 'page') return undefined;
    switch (msg.type) {
      case 'page.concepts':
        return this.annotator ? this.annotator.idle().then(() => this.concepts()) : Promise.resolve(this.concepts());
      case 'page.scrollTo': {
        const id = (msg.payload as PageApi['page.scrollTo']['req']).conceptId;
        const el = [...document.querySelectorAll<HTMLElement>(WRAPPER_TAG)].find((e) => e.dataset.concept === id);
        el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
        el?.focus({ preventScroll: true });
        return Promise.resolve({ found: !!el });
      }
      case 'page.video':
        return Promise.resolve(this.video?.info() ?? { status: 'no-video', source: null, title: document.title, url: location.href, concepts: [] });
      case 'page.seek':
        return Promise.resolve({ ok: this.video?.seek((msg.payload as PageApi['page.seek']['req']).time) ?? false });
      case 'page.loadCaptions': {
        const p = msg.payload as PageApi['page.loadCaptions']['req'];
        return Promise.resolve(this.video?.loadFile(p.name, p.text));
      }
      case 'page.annotate':
        this.forced = true;
        return this.apply(this.settings ?? normalizeSettings(null)).then(() => ({ started: !!this.annotator }));
      default:
        return undefined;
    }
  }

  private stopAnnotating(): void {
    this.annotator?.stop();
    this.annotator = null;
  }

  private stopVideo(): void {
    this.video?.stop();
    this.video = null;
  }

  private stopSelection(): void {
    this.selection?.stop();
    this.selection = null;
  }

  /** Removes every mark, the card, the selection button and the shadow root; keeps listening for settings unless invalidated. */
  private teardown(final = true): void {
    this.card = null;
    this.stopAnnotating();
    this.stopVideo();
    this.stopSelection();
    if (this.ui) {
      render(null, this.ui.mounted ?? document.createElement('div'));
      this.ui.remove();
      this.ui = null;
    }
    for (const f of this.offUi.splice(0)) f();
    if (final) for (const f of this.offScript.splice(0)) f();
  }
}
