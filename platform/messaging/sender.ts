import type { Browser } from 'wxt/browser';

export type SenderKind = 'extension-page' | 'content-script';

/**
 * Who is on the other end of a port. Only this extension's own pages and its
 * content scripts count; anything else (another extension, a web page that got
 * hold of a port somehow, a sender without an id) is null and gets rejected.
 */
export function classifySender(
  sender: Browser.runtime.MessageSender | undefined,
  extensionId: string,
  extensionOrigin: string,
): SenderKind | null {
  if (!sender || sender.id !== extensionId) return null;
  const url = sender.url ?? '';
  if (url.startsWith(extensionOrigin)) return 'extension-page';
  if (sender.tab && typeof sender.tab.id === 'number') return 'content-script';
  return null;
}
