import { Component, type ComponentChildren } from 'preact';

/**
 * Renders `render()` again only when one of `deps` changed (by identity): a stage of the lab
 * skips the panel's other updates (a dragged learning rate, a stage further up catching up).
 */
export class Pure extends Component<{ deps: readonly unknown[]; render: () => ComponentChildren }> {
  override shouldComponentUpdate(next: { deps: readonly unknown[] }): boolean {
    const prev = this.props.deps;
    return next.deps.length !== prev.length || next.deps.some((d, i) => d !== prev[i]);
  }

  override render() {
    return this.props.render();
  }
}
