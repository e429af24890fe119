/** Makes spaces, tabs and line breaks visible inside a token, on request. */
export function showWhitespace(s: string, visible: boolean): string {
  if (!visible) return s;
  return s.replace(/ /g, '·').replace(/\t/g, '→').replace(/\r?\n/g, '↵\n');
}
