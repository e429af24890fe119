import type { ComponentChildren, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { yieldToOthers } from '@/lib/yield';

/**
 * A component whose code loads when it first mounts (a dynamic import, so its own chunk): an
 * extension page compiles and evaluates every module it imports statically in one task as it
 * opens, and the side panel's views, KaTeX included, made that task 100+ ms. The module is
 * evaluated in one task and the component first rendered in a later one, so neither is long;
 * `fallback` shows until then.
 */
export function lazy<P extends object>(load: () => Promise<FunctionComponent<P>>, fallback: () => ComponentChildren = () => null): FunctionComponent<P> {
  let loaded: FunctionComponent<P> | null = null;
  let loading: Promise<FunctionComponent<P>> | null = null;
  const start = () =>
    (loading ??= load().then(async (c) => {
      await yieldToOthers();
      return (loaded = c);
    }));
  function Lazy(props: P) {
    const [C, setC] = useState<FunctionComponent<P> | null>(() => loaded);
    useEffect(() => {
      if (C) return;
      let live = true;
      void start().then((c) => live && setC(() => c));
      return () => {
        live = false;
      };
    }, []);
    return C ? <C {...props} /> : <>{fallback()}</>;
  }
  return Lazy;
}
