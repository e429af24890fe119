import type { ConceptHead } from '@/features/concepts/types';
import type { DetailsState } from '@/features/concepts/card-details';
import type { ConceptDetails } from '@/platform/protocol/concept';
import type { Demo } from '@/platform/protocol/demo';
import { headById } from '@/features/concepts/kb/heads';
import { langTag, pageText, type Lang } from '@/platform/i18n/page';
import { KbMath } from '@/components/concepts/math';

export interface CardProps {
  concept: ConceptHead;
  /** The body (summary, formulas, intuition): fetched when the card opens, so it can still be on its way. */
  details: DetailsState;
  onRetry(): void;
  lang: Lang;
  theme: 'light' | 'dark';
  canGoBack: boolean;
  onNavigate(id: string): void;
  onBack(): void;
  onClose(): void;
  onTry(demo: Demo): void;
}

function Chips({ ids, lang, onNavigate, testid }: { ids: string[]; lang: Lang; onNavigate(id: string): void; testid: string }) {
  return (
    <div class="chips" data-testid={testid}>
      {ids.map((id) => {
        const c = headById(id);
        return c ? (
          <button type="button" class="chip" data-concept={id} onClick={() => onNavigate(id)}>
            {c.name[lang]}
          </button>
        ) : null;
      })}
    </div>
  );
}

/** The card's body: the summary, each formula with its legend, the intuition. */
function Body({ d, lang }: { d: ConceptDetails; lang: Lang }) {
  return (
    <>
      <p class="summary">{d.summary[lang]}</p>
      {d.formulas.map((f) => (
        <div class="formula" data-testid="card-formula">
          <KbMath tex={f.tex} markup={f.mathml} display />
          {f.legend.length > 0 && (
            <dl class="legend">
              <span class="where">{pageText(lang, 'cardWhere')}</span>
              {f.legend.map((row) => (
                <div class="legend-row">
                  <dt>
                    <KbMath tex={row.symbol} markup={row.mathml} />
                  </dt>
                  <dd>{row[lang]}</dd>
                </div>
              ))}
            </dl>
          )}
        </div>
      ))}
      <p class="intuition">
        <strong>{pageText(lang, 'cardIntuition')}: </strong>
        {d.intuition[lang]}
      </p>
    </>
  );
}

/** One concept: names in both languages (UI language first), explanation, formulas, links. */
export function ConceptCard({ concept: c, details, onRetry, lang, theme, canGoBack, onNavigate, onBack, onClose, onTry }: CardProps) {
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  return (
    <article
      class="card"
      data-testid="concept-card"
      data-concept={c.id}
      data-topic={c.topic}
      data-theme={theme}
      role="dialog"
      aria-label={c.name[lang]}
    >
      <header>
        {canGoBack && (
          <button type="button" class="icon" data-testid="card-back" aria-label={pageText(lang, 'cardBack')} onClick={onBack}>
            ←
          </button>
        )}
        <div class="names">
          <h2>{c.name[lang]}</h2>
          <span class="alt" lang={langTag(other)}>
            {c.name[other]}
          </span>
        </div>
        <button type="button" class="icon" data-testid="card-close" aria-label={pageText(lang, 'cardClose')} onClick={onClose}>
          ×
        </button>
      </header>
      {details.state === 'ready' && <Body d={details.details} lang={lang} />}
      {details.state === 'loading' && (
        <p class="status" data-testid="card-loading" role="status">
          {pageText(lang, 'cardLoading')}
        </p>
      )}
      {details.state === 'failed' && (
        <p class="status" data-testid="card-failed" role="alert">
          {pageText(lang, 'cardFailed', { reason: details.reason })}{' '}
          <button type="button" class="retry" data-testid="card-retry" onClick={onRetry}>
            {pageText(lang, 'cardRetry')}
          </button>
        </p>
      )}
      {c.prerequisites.length > 0 && (
        <section>
          <h3>{pageText(lang, 'cardPrereq')}</h3>
          <Chips ids={c.prerequisites} lang={lang} onNavigate={onNavigate} testid="card-prerequisites" />
        </section>
      )}
      {c.related.length > 0 && (
        <section>
          <h3>{pageText(lang, 'cardRelated')}</h3>
          <Chips ids={c.related} lang={lang} onNavigate={onNavigate} testid="card-related" />
        </section>
      )}
      {c.demo && (
        <footer>
          <button type="button" class="try" data-testid="card-try" onClick={() => onTry(c.demo!)}>
            {pageText(lang, 'cardTryIt')} →
          </button>
        </footer>
      )}
    </article>
  );
}
