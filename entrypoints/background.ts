import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { RPC_PORT } from '@/platform/protocol/protocol';
import { createRouter } from '@/platform/background/router';
import { classifySender } from '@/platform/messaging/sender';
import { servePort } from '@/platform/messaging/serve';
import type { HostLink } from '@/platform/background/host-link/types';
import { heardFromHost, offscreenLink } from '@/platform/background/host-link/offscreen';
import { keepAwakeWhile } from '@/platform/background/keep-alive';
import { annotateTab, askPage, openDemo, targetTab } from '@/platform/background/tabs';
import { syncOptInScripts } from '@/platform/background/opt-in-sites';
import { installGptMenu, onGptMenuClick, updateGptMenu } from '@/features/selection/menu';
import { openGptLabFromShortcut } from '@/features/selection/shortcut';
import { loadSettings, normalizeSettings, settingsItem } from '@/platform/settings';
import { conceptDetails } from '@/features/concepts/details';
import { mathmlOf } from 'virtual:kb-mathml';
import { createMetRecorder } from '@/features/review/record';

// A module worker/script: in Firefox this background page starts the host worker itself, and
// as a module its onnxruntime-web .wasm is emitted as a file instead of being inlined.
export default defineBackground({ type: 'module', main: () => {
  const backgroundStartedAt = Date.now();
  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
  const reject = (why: string) => console.warn(`[dl-tutor] rejected message: ${why}`);
  const warn = (e: unknown) => console.warn(`[dl-tutor] ${e}`);

  // Chrome: the offscreen document owns the host worker. Firefox: this background page owns it
  // (start-host.ts; the branch is dropped from the Chrome build).
  const link = (): Promise<HostLink> =>
    import.meta.env.FIREFOX
      ? import('@/entrypoints/offscreen/start-host').then((m): HostLink => m.hostWorkerDispatch)
      : Promise.resolve(offscreenLink);
  // The background stays awake while the host works (Firefox would suspend it mid-generation).
  const host = (): Promise<HostLink> => link().then((l): HostLink => (req, ctx) => keepAwakeWhile(l(req, ctx)));
  const route = createRouter({
    backgroundStartedAt,
    host,
    // Cards' bodies live here, not in the content script, which every page compiles (features/concepts/kb/heads.ts).
    concept: (id) => conceptDetails(id, mathmlOf),
    met: createMetRecorder({ enabled: async () => (await loadSettings()).recordMet }),
    tabs: { targetTab, askPage, annotateTab, openDemo },
  });

  browser.runtime.onConnect.addListener((port) => {
    // The offscreen document saying it listens (Chrome): taken and closed.
    if (heardFromHost(port)) return;
    // Only the RPC port is served here. The model host's port is this worker's own (a context never
    // hears its own connect), so any other name, the host's included, is someone else's: closed,
    // not left open and unanswered, which would keep its sender waiting.
    if (port.name !== RPC_PORT) {
      reject(`port named ${JSON.stringify(port.name.slice(0, 40))} from ${port.sender?.url?.slice(0, 80) ?? 'unknown'}`);
      port.disconnect();
      return;
    }
    const from = classifySender(port.sender, browser.runtime.id, extensionOrigin);
    if (!from) {
      reject(`port from an unknown sender (${port.sender?.id ?? 'no id'})`);
      port.disconnect();
      return;
    }
    servePort(port, (req, ctx) => route(req, ctx, from, port.sender?.tab?.id), reject);
  });

  // One shortcut annotates the current page on demand (activeTab), the other
  // takes its selection to the GPT lab.
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === 'annotate-page' && tab?.id !== undefined) void annotateTab(tab.id).catch(warn);
    if (command === 'open-gpt-lab') void openGptLabFromShortcut(tab?.id).catch(warn);
  });

  // Selected text goes to the GPT lab from the context menu too.
  const installMenu = () => void loadSettings().then((s) => installGptMenu(browser.contextMenus, s, navigator.language)).catch(warn);
  browser.runtime.onInstalled.addListener(installMenu);
  browser.runtime.onStartup.addListener(installMenu);
  settingsItem.watch((raw) => void updateGptMenu(browser.contextMenus, normalizeSettings(raw), navigator.language));
  browser.contextMenus.onClicked.addListener((info, tab) => void onGptMenuClick(info, tab)?.catch(warn));

  // Sites the user opted into get the content script registered for them.
  browser.permissions.onAdded.addListener(() => void syncOptInScripts());
  browser.permissions.onRemoved.addListener(() => void syncOptInScripts());

  // Nothing outside this extension may talk to it.
  browser.runtime.onConnectExternal?.addListener((port) => {
    reject(`external connection from ${port.sender?.id ?? port.sender?.url ?? 'unknown'}`);
    port.disconnect();
  });
  browser.runtime.onMessageExternal?.addListener((_msg, sender, sendResponse) => {
    reject(`external message from ${sender.id ?? sender.url ?? 'unknown'}`);
    sendResponse({ ok: false, error: { code: 'forbidden', message: 'this extension accepts no external messages' } });
  });
} });
