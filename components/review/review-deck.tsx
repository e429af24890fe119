import { lang as uiLang, t } from '@/platform/i18n';
import type { Deck, MetBook } from '@/features/review/types';
import { cardSource } from '@/components/review/card-sources';
import { Places } from '@/components/review/review-card';

/** Every concept met, latest first, with where. */
export function ReviewDeck({ met, deck }: { met: MetBook; deck: Deck }) {
  const ids = Object.keys(met).sort((a, b) => met[b]!.last - met[a]!.last || a.localeCompare(b));
  const l = uiLang.value;
  return (
    <section class="card stack" data-testid="review-deck">
      <h2>{t('reviewDeck', { n: ids.length })}</h2>
      {ids.map((id) => {
        const c = cardSource(id);
        const card = deck.cards[id];
        return c ? (
          <details key={id} data-concept={id} data-testid="review-deck-item">
            <summary>
              {c.name[l]} <span class="muted">· {met[id]!.count}× {card ? `· ${new Date(card.due).toLocaleDateString()}` : ''}</span>
            </summary>
            <Places places={met[id]!.places} />
          </details>
        ) : null;
      })}
    </section>
  );
}
