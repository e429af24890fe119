/** Makes spaces, tabs and line breaks visible inside a token, on request; a byte token's "<e6 9c>" is left as it is. */
export function showWhitespace(s: string, visible: boolean): string {
  if (!visible || /^<[0-9a-f]{2}( [0-9a-f]{2})*>$/.test(s)) return s;
  return s.replace(/ /g, '·').replace(/\t/g, '→').replace(/\r?\n/g, '↵\n');
}
