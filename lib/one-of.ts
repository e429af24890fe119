/** Narrows an unknown value to one of a constant list's members (lists are declared `as const`). */
export const isOneOf = <T extends string>(list: readonly T[], v: unknown): v is T =>
  typeof v === 'string' && (list as readonly string[]).includes(v);

/** The value when it is one of the list's members, else the fallback. */
export const oneOf = <T extends string>(list: readonly T[], v: unknown, fallback: T): T => (isOneOf(list, v) ? v : fallback);
