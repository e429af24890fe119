import { Tex } from '@/components/shared/tex';
import { t } from '@/platform/i18n';
import { describePlace, other, type CardSource, type Lang } from '@/features/review/notes';
import type { Place } from '@/features/review/types';

/** Where the learner met the concept, each place a link back (the page at its section, the video at its time). */
export function Places({ places }: { places: Place[] }) {
  return (
    <ul class="review-places" data-testid="review-places">
      {places.map((p) => {
        const d = describePlace(p);
        return (
          <li key={`${p.url}|${p.section ?? ''}|${p.time ?? ''}`}>
            <a href={d.href} target="_blank" rel="noopener noreferrer">
              {d.title}
            </a>
            {d.detail && <span class="muted"> · {d.detail}</span>}
            {d.sentence && <div class="muted review-sentence">{d.sentence}</div>}
          </li>
        );
      })}
    </ul>
  );
}

/** A review card: the term in the learner's language over the other; the back once shown. */
export function ReviewCard({ c, lang, places, shown, isNew }: { c: CardSource; lang: Lang; places: Place[]; shown: boolean; isNew: boolean }) {
  return (
    <article class="card stack review-card" data-testid="review-card" data-concept={c.id}>
      <div class="review-front">
        <div class="review-term" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
          {c.name[lang]}
          {isNew && <span class="review-new">{t('reviewNewCard')}</span>}
        </div>
        <div class="review-other muted" lang={other(lang) === 'zh' ? 'zh-CN' : 'en'}>{c.name[other(lang)]}</div>
      </div>
      {shown && (
        <div class="stack review-back" data-testid="review-back">
          <p>{c.summary[lang]}</p>
          {c.formulas.map((tex) => (
            <div key={tex} class="review-formula">
              <Tex tex={tex} display />
            </div>
          ))}
          {c.related.length > 0 && (
            <div>
              <strong>{t('reviewRelated')}: </strong>
              {c.related.map((r) => r.name[lang]).join(' · ')}
            </div>
          )}
          {places.length > 0 && (
            <div>
              <strong>{t('reviewWhere')}</strong>
              <Places places={places} />
            </div>
          )}
        </div>
      )}
    </article>
  );
}
