/** The tab a side-panel view describes: ?tab=<id> (tests, deep links), else undefined for "the active tab". */
export function tabFromUrl(search = location.search): number | undefined {
  const q = new URLSearchParams(search);
  if (!q.has('tab')) return undefined;
  const v = Number(q.get('tab'));
  return Number.isInteger(v) && v >= 0 ? v : undefined;
}

/** Adds the tab id to a request payload when there is one. */
export const withTab = <T extends object>(tabId: number | undefined, payload: T): T & { tabId?: number } =>
  tabId === undefined ? payload : { ...payload, tabId };
