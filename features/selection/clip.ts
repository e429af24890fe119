import { MAX_DEMO_TEXT } from '@/platform/protocol/validate';

/** The protocol's limit on text sent to a demo (ui.openDemo), in UTF-16 code units. */
export const MAX_SELECTION_CHARS = MAX_DEMO_TEXT;

/**
 * A selection as the lab receives it: trimmed, and cut to the protocol's
 * limit without leaving half of a surrogate pair (an emoji, a rare CJK
 * character) at the end, which would not survive URL encoding.
 */
export function clipSelection(text: string, max = MAX_SELECTION_CHARS): string {
  const trimmed = text.trim();
  if (trimmed.length <= max) return trimmed;
  let cut = trimmed.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return cut.trimEnd();
}
