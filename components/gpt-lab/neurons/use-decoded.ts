import { useEffect, useState } from 'preact/hooks';

/**
 * An answer decoded in a task of its own, null until then. Unpacking a 256-token answer's
 * megabytes and rendering what it holds would otherwise be one long task on the page.
 */
export function useDecoded<T, U>(value: T, decode: (v: T) => U): U | null {
  const [out, setOut] = useState<{ from: T; decoded: U } | null>(null);
  useEffect(() => {
    const id = setTimeout(() => setOut({ from: value, decoded: decode(value) }), 0);
    return () => clearTimeout(id);
  }, [value]);
  return out && out.from === value ? out.decoded : null;
}
