import { browser } from 'wxt/browser';

// Opening the extension's own surfaces differs between Chrome and Firefox.

export async function openLab(): Promise<void> {
  if (import.meta.env.FIREFOX) {
    await (browser as unknown as { sidebarAction: { open(): Promise<void> } }).sidebarAction.open();
    return;
  }
  const win = await browser.windows.getCurrent();
  if (win.id !== undefined) await browser.sidePanel.open({ windowId: win.id });
}

export async function openDiagnostics(): Promise<void> {
  await browser.tabs.create({ url: (browser.runtime.getURL as (path: string) => string)('/diagnostics.html') });
}

export async function openOptions(): Promise<void> {
  await browser.runtime.openOptionsPage();
}
