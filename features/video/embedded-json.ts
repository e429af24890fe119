/**
 * Reads the JSON object assigned after `marker` in a page script, e.g.
 * `var ytInitialPlayerResponse = {...};` or `window.__INITIAL_STATE__={...};`.
 * Braces are balanced with strings skipped, so trailing code doesn't matter.
 * Returns null instead of throwing on anything unexpected.
 */
export function extractAssignedJson(source: string, marker: string): unknown {
  const at = source.indexOf(marker);
  if (at < 0) return null;
  const start = source.indexOf('{', at + marker.length);
  if (start < 0 || /[^\s=]/.test(source.slice(at + marker.length, start))) return null;
  let depth = 0;
  let inString = false;
  for (let i = start; i < source.length; i++) {
    const ch = source[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) {
      try {
        return JSON.parse(source.slice(start, i + 1));
      } catch {
        return null;
      }
    }
  }
  return null;
}
