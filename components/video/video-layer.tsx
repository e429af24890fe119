import { useState } from 'preact/hooks';
import { headById } from '@/features/concepts/kb/heads';
import type { Lang } from '@/platform/i18n/page';
import type { Rect } from '@/lib/rects';
import { formatTime, type ConceptMoments } from '@/features/video/outline';
import { TOPIC_COLORS } from '@/components/video/topic-colors';

export interface VideoLayerProps {
  rect: Rect;
  duration: number;
  concepts: ConceptMoments[];
  /** Concepts of the cue showing now. */
  current: string[];
  lang: Lang;
  onSeek(t: number): void;
  onChip(conceptId: string, anchor: Rect): void;
}

const TIMELINE_H = 18;

/**
 * The concept timeline under the player and the chips of the current cue.
 * Chips sit at the top of the picture, away from captions and controls,
 * which players keep at the bottom.
 */
export function VideoLayer({ rect, duration, concepts, current, lang, onSeek, onChip }: VideoLayerProps) {
  const [hover, setHover] = useState<string | null>(null);
  if (rect.width < 40 || !(duration > 0)) return null;
  const below = rect.top + rect.height + 4;
  const top = Math.min(below, innerHeight - TIMELINE_H - 2);
  const px = (t: number) => Math.min(1, Math.max(0, t / duration)) * rect.width;
  const hovered = hover ? concepts.find((c) => c.conceptId === hover) : undefined;
  // Concepts first explained in the same cue would sit on one spot: fan them out.
  let last = -Infinity;
  const placed = concepts.map((c) => {
    const at = Math.max(px(c.first), last + 13);
    last = at;
    return { c, at: Math.min(at, rect.width) };
  });

  return (
    <div class="video-layer">
      <div
        class="timeline"
        data-testid="concept-timeline"
        style={{ left: `${rect.left}px`, top: `${top}px`, width: `${rect.width}px`, height: `${TIMELINE_H}px` }}
      >
        {placed.map(({ c, at }) => {
          const k = headById(c.conceptId);
          if (!k) return null;
          const others = c.mentions.slice(1).map(formatTime).join(', ');
          return (
            <button
              type="button"
              class="marker"
              data-testid="timeline-marker"
              data-concept={c.conceptId}
              key={c.conceptId}
              data-time={c.first}
              style={{ left: `${at}px`, background: TOPIC_COLORS[k.topic] }}
              title={`${k.name[lang]} · ${formatTime(c.first)}${others ? ` (${others})` : ''}`}
              aria-label={`${k.name[lang]} ${formatTime(c.first)}`}
              onMouseEnter={() => setHover(c.conceptId)}
              onMouseLeave={() => setHover(null)}
              onFocus={() => setHover(c.conceptId)}
              onBlur={() => setHover(null)}
              onClick={() => onSeek(c.first)}
            />
          );
        })}
        {hovered?.mentions.slice(1).map((t) => (
          <span key={`tick-${t}`} class="tick" style={{ left: `${px(t)}px` }} />
        ))}
      </div>
      {current.length > 0 && (
        <div class="chips-row" style={{ left: `${rect.left + 8}px`, top: `${rect.top + 8}px`, maxWidth: `${rect.width - 16}px` }}>
          {current.map((id) => {
            const k = headById(id);
            return k ? (
              <button
                key={id}
                type="button"
                class="video-chip"
                data-testid="concept-chip"
                data-concept={id}
                style={{ borderColor: TOPIC_COLORS[k.topic] }}
                onClick={(e) => {
                  const r = (e.currentTarget as HTMLElement).getBoundingClientRect();
                  onChip(id, { top: r.top, left: r.left, width: r.width, height: r.height });
                }}
              >
                {k.name[lang]}
              </button>
            ) : null;
          })}
        </div>
      )}
    </div>
  );
}
