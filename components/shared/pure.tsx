import { Component, type FunctionComponent } from 'preact';

/**
 * A function component that re-renders only when one of its props changed (compared with Object.is):
 * Preact's memo without preact/compat, whose import changes global rendering behaviour. For long
 * lists grown a slice per frame (useStaged), where every frame would otherwise diff every row again.
 */
export function pure<P extends object>(render: FunctionComponent<P>): FunctionComponent<P> {
  class Pure extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      const a = this.props as Record<string, unknown>;
      const b = next as Record<string, unknown>;
      const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
      return [...keys].some((k) => !Object.is(a[k], b[k]));
    }
    override render(props: P) {
      const Inner = render;
      return <Inner {...props} />;
    }
  }
  (Pure as unknown as { displayName: string }).displayName = `pure(${render.displayName ?? render.name})`;
  return Pure as unknown as FunctionComponent<P>;
}
