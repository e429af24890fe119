import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { conceptById } from '@/features/concepts/kb';
import { call } from '@/platform/messaging/client';
import type { VideoInfo } from '@/platform/protocol/protocol';
import { MAX_CAPTION_CHARS } from '@/platform/protocol/validate';
import { lang, t } from '@/platform/i18n';
import { tabFromUrl, withTab } from '@/lib/tab-param';
import { firstSentence } from '@/features/video/first-sentence';
import { formatTime, studyNotes } from '@/features/video/outline';

/** The tab's video as a list of concepts in order, with seeking, caption files and Markdown notes. */
export function VideoOutline() {
  const [info, setInfo] = useState<VideoInfo | null>(null);
  const [note, setNote] = useState('');
  const tabId = tabFromUrl();

  const refresh = useCallback(() => {
    void call('tab.video', withTab(tabId, {}), { retryOnDisconnect: true }).then((r) => setInfo(r.ok ? r.value : null));
  }, [tabId]);

  useEffect(() => {
    refresh();
    // Captions load a moment after the page: look again while they do.
    const timer = setInterval(() => info?.status === 'loading' && refresh(), 1000);
    browser.tabs.onActivated.addListener(refresh);
    browser.tabs.onUpdated.addListener(refresh);
    return () => {
      clearInterval(timer);
      browser.tabs.onActivated.removeListener(refresh);
      browser.tabs.onUpdated.removeListener(refresh);
    };
  }, [refresh, info?.status]);

  const loadFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_CAPTION_CHARS) return setNote(t('captionTooBig'));
    const r = await call('tab.loadCaptions', withTab(tabId, { name: file.name, text: await file.text() }));
    if (r.ok) {
      setInfo(r.value);
      setNote(r.value.status === 'ready' ? '' : t('captionUnreadable'));
    } else setNote(r.error.message);
  };

  const exportNotes = () => {
    if (!info) return;
    const md = studyNotes({
      title: info.title,
      url: info.url,
      outline: { concepts: info.concepts, cueConcepts: [] },
      describe: (id) => {
        const c = conceptById(id);
        return c ? { name: c.name[lang.value], line: firstSentence(c.summary[lang.value]) } : null;
      },
    });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([md], { type: 'text/markdown' }));
    a.download = `${(info.title || 'lecture').replace(/[\\/:*?"<>|]+/g, ' ').slice(0, 80)}.md`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };

  if (!info || info.status === 'no-video') return null;
  return (
    <section
      class="card stack"
      data-testid="video-outline"
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        void loadFile(e.dataTransfer?.files[0]);
      }}
    >
      <div class="row">
        <strong>{t('videoOutline')}</strong>
        {info.source && <span class="muted">{`${info.source.label} · ${info.source.cues} ${t('cues')}`}</span>}
      </div>
      {info.status === 'loading' && <span class="muted">{t('checking')}</span>}
      {info.status === 'no-captions' && (
        <span class="muted" data-testid="video-no-captions">
          {t('noCaptions')}
        </span>
      )}
      {info.concepts.length > 0 && (
        <ol class="concept-list">
          {info.concepts.map((c) => {
            const k = conceptById(c.conceptId);
            return (
              <li>
                <button class="link" data-testid="outline-time" data-time={c.first} onClick={() => void call('tab.seek', withTab(tabId, { time: c.first }))}>
                  {formatTime(c.first)}
                </button>
                <span data-testid="outline-concept" data-concept={c.conceptId}>
                  {k ? k.name[lang.value] : c.conceptId}
                </span>
              </li>
            );
          })}
        </ol>
      )}
      <div class="row">
        <label class="row">
          <span class="muted">{t('captionFile')}</span>
          <input
            type="file"
            data-testid="caption-file"
            accept=".vtt,.srt,.json,text/vtt"
            onChange={(e) => void loadFile((e.currentTarget as HTMLInputElement).files?.[0])}
          />
        </label>
        {info.concepts.length > 0 && (
          <button data-testid="export-notes" onClick={exportNotes}>
            {t('exportNotes')}
          </button>
        )}
      </div>
      {note && <span class="muted">{note}</span>}
    </section>
  );
}
