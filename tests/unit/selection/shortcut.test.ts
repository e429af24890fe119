import { describe, expect, it, vi } from 'vitest';
import { openGptLabFromShortcut, type ShortcutDeps } from '@/features/selection/shortcut';

const TOKENS = { kind: 'gpt-lab', view: 'tokens' };

function deps(opts: { panel: boolean; selection: string }) {
  const calls: string[] = [];
  let release!: (text: string) => void;
  const d: ShortcutDeps = {
    readSelection: vi.fn(() => {
      calls.push('read');
      return new Promise<string>((r) => (release = r));
    }),
    openSidePanel: vi.fn(async (_tab: number, path: string) => {
      calls.push(`panel ${path}`);
      return opts.panel;
    }),
    pointSidePanel: vi.fn(async (_tab: number, path: string) => void calls.push(`point ${path}`)),
    openDemo: vi.fn(async () => calls.push('demo')),
  };
  return { d, calls, answer: () => release(opts.selection) };
}

describe('the open-gpt-lab shortcut', () => {
  it('opens the side panel inside the key press, then points it at the selection', async () => {
    const { d, calls, answer } = deps({ panel: true, selection: 'a cat sat' });
    const done = openGptLabFromShortcut(3, d);
    // Before the selection has come back from the page, the panel is already opening.
    expect(calls).toEqual(['panel /sidepanel.html?lab=gpt&view=tokens', 'read']);
    answer();
    await done;
    expect(calls).toEqual([
      'panel /sidepanel.html?lab=gpt&view=tokens',
      'read',
      'point /sidepanel.html?lab=gpt&view=tokens&text=a+cat+sat',
    ]);
    expect(d.openDemo).not.toHaveBeenCalled();
  });

  it('leaves the panel on the lab when nothing is selected', async () => {
    const { d, calls, answer } = deps({ panel: true, selection: '' });
    const done = openGptLabFromShortcut(3, d);
    answer();
    await done;
    expect(calls).toEqual(['panel /sidepanel.html?lab=gpt&view=tokens', 'read']);
  });

  it('opens the lab in a tab, on the selection, where there is no side panel', async () => {
    const { d, answer } = deps({ panel: false, selection: 'attention' });
    const done = openGptLabFromShortcut(3, d);
    answer();
    await done;
    expect(d.openDemo).toHaveBeenCalledWith(TOKENS, 'attention', 3);
    expect(d.pointSidePanel).not.toHaveBeenCalled();
  });

  it('opens the lab with no text when there is no tab to read', async () => {
    const { d } = deps({ panel: true, selection: 'x' });
    await openGptLabFromShortcut(undefined, d);
    expect(d.openDemo).toHaveBeenCalledWith(TOKENS, '');
    expect(d.readSelection).not.toHaveBeenCalled();
  });
});
