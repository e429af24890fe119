import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { headById } from '@/features/concepts/kb/heads';
import { call } from '@/platform/messaging/client';
import type { PageConcepts as Data } from '@/platform/protocol/protocol';
import { lang, t } from '@/platform/i18n';
import { tabFromUrl, withTab } from '@/lib/tab-param';


/** "Concepts on this page": what the annotator marked in the tab, with counts; click to jump. */
export function PageConcepts() {
  const [data, setData] = useState<Data | null>(null);
  const [error, setError] = useState<string | null>(null);
  const tabId = tabFromUrl();

  const refresh = useCallback(() => {
    void call('tab.concepts', withTab(tabId, {}), { retryOnDisconnect: true }).then((r) => {
      if (r.ok) {
        setData(r.value);
        setError(null);
      } else {
        setData(null);
        setError(r.error.message);
      }
    });
  }, [tabId]);

  useEffect(() => {
    refresh();
    const onChange = () => refresh();
    browser.tabs.onActivated.addListener(onChange);
    browser.tabs.onUpdated.addListener(onChange);
    return () => {
      browser.tabs.onActivated.removeListener(onChange);
      browser.tabs.onUpdated.removeListener(onChange);
    };
  }, [refresh]);

  const annotate = () => void call('tab.annotate', withTab(tabId, {})).then(refresh);

  return (
    <section class="card stack" data-testid="page-concepts">
      <div class="row">
        <strong>{t('conceptsOnPage')}</strong>
        {data && <span class="muted">{data.concepts.length}</span>}
      </div>
      {error && (
        <div class="stack">
          <span class="muted">{error}</span>
          <div class="row">
            <button onClick={annotate}>{t('annotateThisPage')}</button>
            <button onClick={refresh}>{t('retry')}</button>
          </div>
        </div>
      )}
      {data && data.concepts.length === 0 && <span class="muted">{t('noConcepts')}</span>}
      {data && data.concepts.length > 0 && (
        <ul class="concept-list">
          {data.concepts.map(({ id, count }) => {
            const c = headById(id);
            return (
              <li>
                <button
                  class="link"
                  data-testid="page-concept"
                  data-concept={id}
                  onClick={() => void call('tab.scrollTo', withTab(tabId, { conceptId: id }))}
                >
                  {c ? c.name[lang.value] : id}
                </button>
                <span class="muted" data-testid="page-concept-count">
                  × {count}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
