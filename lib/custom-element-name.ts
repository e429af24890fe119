// Whether a string is a valid custom element name by the HTML grammar (PotentialCustomElementName).
//
// Stands in for the npm package is-potential-custom-element-name, which WXT's shadow-root helper
// imports (wxt.config.ts aliases it here). That package builds its one large Unicode regular
// expression when the module loads: 2.6 ms of every page load's content-script evaluation, for a
// check that runs once, on an ASCII name. Here ASCII names take a small expression, and the full
// grammar is built only for a name that needs it.

const ASCII = /^[a-z][-.0-9_a-z]*-[-.0-9_a-z]*$/;
let full: RegExp | null = null;

function fullGrammar(): RegExp {
  // ZWNJ and ZWJ (U+200C, U+200D) are allowed characters in their own right, hence the lint rule off.
  const pcen =
    '[-.0-9_a-z\\u00B7\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u203F\\u2040\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}]';
  // eslint-disable-next-line no-misleading-character-class
  return new RegExp(`^[a-z]${pcen}*-${pcen}*$`, 'u');
}

export default function isPotentialCustomElementName(name: string): boolean {
  if (ASCII.test(name)) return true;
  // Not ASCII-valid: only a name with other characters can still be valid.
  if ([...name].every((c) => c.charCodeAt(0) < 0x80)) return false;
  return (full ??= fullGrammar()).test(name);
}
