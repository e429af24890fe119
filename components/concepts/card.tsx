import type { Concept } from '@/features/concepts/types';
import type { Demo } from '@/platform/protocol/demo';
import { conceptById } from '@/features/concepts/kb';
import type { Lang } from '@/platform/i18n';
import { KbMath } from '@/components/concepts/math';

export interface CardProps {
  concept: Concept;
  lang: Lang;
  theme: 'light' | 'dark';
  canGoBack: boolean;
  onNavigate(id: string): void;
  onBack(): void;
  onClose(): void;
  onTry(demo: Demo): void;
}

const LABELS = {
  en: { related: 'Related', prereq: 'Builds on', intuition: 'Intuition', tryIt: 'Try it', back: 'Back', close: 'Close', where: 'where' },
  zh: { related: '相关概念', prereq: '先修概念', intuition: '直观理解', tryIt: '动手试试', back: '返回', close: '关闭', where: '其中' },
} as const;

function Chips({ ids, lang, onNavigate, testid }: { ids: string[]; lang: Lang; onNavigate(id: string): void; testid: string }) {
  return (
    <div class="chips" data-testid={testid}>
      {ids.map((id) => {
        const c = conceptById(id);
        return c ? (
          <button type="button" class="chip" data-concept={id} onClick={() => onNavigate(id)}>
            {c.name[lang]}
          </button>
        ) : null;
      })}
    </div>
  );
}

/** One concept: names in both languages (UI language first), explanation, formulas, links. */
export function ConceptCard({ concept: c, lang, theme, canGoBack, onNavigate, onBack, onClose, onTry }: CardProps) {
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  const L = LABELS[lang];
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
          <button type="button" class="icon" data-testid="card-back" aria-label={L.back} onClick={onBack}>
            ←
          </button>
        )}
        <div class="names">
          <h2>{c.name[lang]}</h2>
          <span class="alt" lang={other === 'zh' ? 'zh-CN' : 'en'}>
            {c.name[other]}
          </span>
        </div>
        <button type="button" class="icon" data-testid="card-close" aria-label={L.close} onClick={onClose}>
          ×
        </button>
      </header>
      <p class="summary">{c.summary[lang]}</p>
      {c.formulas.map((f) => (
        <div class="formula" data-testid="card-formula">
          <KbMath tex={f.tex} display />
          {f.legend.length > 0 && (
            <dl class="legend">
              <span class="where">{L.where}</span>
              {f.legend.map((row) => (
                <div class="legend-row">
                  <dt>
                    <KbMath tex={row.symbol} />
                  </dt>
                  <dd>{row[lang]}</dd>
                </div>
              ))}
            </dl>
          )}
        </div>
      ))}
      <p class="intuition">
        <strong>{L.intuition}: </strong>
        {c.intuition[lang]}
      </p>
      {c.prerequisites.length > 0 && (
        <section>
          <h3>{L.prereq}</h3>
          <Chips ids={c.prerequisites} lang={lang} onNavigate={onNavigate} testid="card-prerequisites" />
        </section>
      )}
      {c.related.length > 0 && (
        <section>
          <h3>{L.related}</h3>
          <Chips ids={c.related} lang={lang} onNavigate={onNavigate} testid="card-related" />
        </section>
      )}
      {c.demo && (
        <footer>
          <button type="button" class="try" data-testid="card-try" onClick={() => onTry(c.demo!)}>
            {L.tryIt} →
          </button>
        </footer>
      )}
    </article>
  );
}
