import { describe, expect, it, vi } from 'vitest';
import { GPT_MENU_ID, gptMenuProps, installGptMenu, onGptMenuClick, updateGptMenu, type Menus } from '@/features/selection/menu';
import { DEFAULT_SETTINGS } from '@/platform/settings';

function fakeMenus() {
  const items = new Map<string | number, object>();
  const menus = {
    removeAll: vi.fn(async () => items.clear()),
    create: vi.fn((props: { id?: string }, done?: () => void) => {
      if (items.has(props.id!)) throw new Error('duplicate id');
      items.set(props.id!, props);
      done?.();
      return props.id!;
    }),
    update: vi.fn(async (id: string | number, props: object) => {
      if (!items.has(id)) throw new Error('no such item');
      items.set(id, { ...items.get(id), ...props });
    }),
  };
  return { items, menus: menus as unknown as Menus };
}

describe('the GPT context-menu entry', () => {
  it('is created on selections, in the UI language, and creating it again is harmless', async () => {
    const { items, menus } = fakeMenus();
    await installGptMenu(menus, DEFAULT_SETTINGS, 'en-US');
    await installGptMenu(menus, DEFAULT_SETTINGS, 'en-US');
    expect([...items.keys()]).toEqual([GPT_MENU_ID]);
    expect(items.get(GPT_MENU_ID)).toEqual({ id: GPT_MENU_ID, contexts: ['selection'], title: 'Look inside GPT: “%s”', visible: true });
    expect(gptMenuProps(DEFAULT_SETTINGS, 'zh-CN').title).toBe('用 GPT 看看：“%s”');
    expect(gptMenuProps({ ...DEFAULT_SETTINGS, uiLang: 'en' }, 'zh-CN').title).toContain('%s');
  });

  it('follows the settings, and is hidden while the extension is off', async () => {
    const { items, menus } = fakeMenus();
    await updateGptMenu(menus, DEFAULT_SETTINGS, 'en'); // not there yet: no error
    await installGptMenu(menus, DEFAULT_SETTINGS, 'en');
    await updateGptMenu(menus, { ...DEFAULT_SETTINGS, enabled: false, uiLang: 'zh' }, 'en');
    expect(items.get(GPT_MENU_ID)).toMatchObject({ visible: false, title: '用 GPT 看看：“%s”' });
  });

  it('opens the tokens view on the selection, beside the tab it came from, before any await', () => {
    const open = vi.fn(async () => ({ opened: 'side-panel' as const, url: '' }));
    void onGptMenuClick({ menuItemId: GPT_MENU_ID, selectionText: `  ${'x'.repeat(5000)} ` }, { id: 7 }, open);
    // Called synchronously: the side panel can only open inside the click.
    expect(open).toHaveBeenCalledWith({ kind: 'gpt-lab', view: 'tokens' }, 'x'.repeat(4000), 7);
    void onGptMenuClick({ menuItemId: GPT_MENU_ID }, { id: -1 }, open);
    expect(open).toHaveBeenLastCalledWith({ kind: 'gpt-lab', view: 'tokens' }, '', undefined);
    expect(onGptMenuClick({ menuItemId: 'other' }, { id: 7 }, open)).toBeUndefined();
    expect(open).toHaveBeenCalledTimes(2);
  });
});
