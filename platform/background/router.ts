import { err, RpcFailure, type RequestMsg, type RequestType, type Result } from '@/platform/protocol/protocol';
import { settle, type HandlerContext } from '@/platform/messaging/serve';
import type { SenderKind } from '@/platform/messaging/sender';
import { CONTENT_SCRIPT_ALLOWED } from '@/platform/protocol/validate';
import type { HostLink } from '@/platform/background/host-link/types';
import type { ConceptDetails } from '@/platform/protocol/concept';
import type { MetEvent } from '@/platform/protocol/met';

/** What the router needs from the browser's tabs; faked in unit tests. */
export interface TabFeatures {
  targetTab(tabId?: number): Promise<number>;
  askPage: typeof import('@/platform/background/tabs').askPage;
  annotateTab: typeof import('@/platform/background/tabs').annotateTab;
  openDemo: typeof import('@/platform/background/tabs').openDemo;
}

export interface RouterDeps {
  backgroundStartedAt: number;
  /** A card's body, from the knowledge base (which platform code does not import); undefined for an unknown id. */
  concept: (id: string) => ConceptDetails | undefined;
  host: () => Promise<HostLink>;
  /** Stores what a tab's learner met (the review deck, which platform code does not import); answers how many were kept. */
  met: (events: MetEvent[], tabId: number | undefined) => Promise<number>;
  tabs: TabFeatures;
}

/** A request narrowed by its type, so each case sees its own payload. */
type ClientRequest = { [K in RequestType]: RequestMsg<K> }[RequestType];

/** The background's whole job: answer its own requests, pass model work to the host. */
export function createRouter(deps: RouterDeps) {
  const { tabs } = deps;
  return async (req: RequestMsg, ctx: HandlerContext, from: SenderKind, senderTab?: number): Promise<Result<unknown>> => {
    if (from === 'content-script' && !CONTENT_SCRIPT_ALLOWED.has(req.type)) {
      return err('forbidden', `${req.type} is not available to content scripts`);
    }
    if (req.type.startsWith('host.')) return (await deps.host())(req, ctx);
    const m = req as ClientRequest;
    return settle(async () => {
      switch (m.type) {
        case 'bg.ping':
          return { backgroundStartedAt: deps.backgroundStartedAt };
        case 'bg.concept': {
          const details = deps.concept(m.payload.id);
          if (!details) throw new RpcFailure('bad-request', `no concept ${m.payload.id}`);
          return details;
        }
        case 'bg.met':
          return { recorded: await deps.met(m.payload.events, senderTab) };
        case 'tab.concepts':
          return tabs.askPage(await tabs.targetTab(m.payload.tabId), 'page.concepts', {});
        case 'tab.scrollTo':
          return tabs.askPage(await tabs.targetTab(m.payload.tabId), 'page.scrollTo', { conceptId: m.payload.conceptId });
        case 'tab.video':
          return tabs.askPage(await tabs.targetTab(m.payload.tabId), 'page.video', {});
        case 'tab.seek':
          return tabs.askPage(await tabs.targetTab(m.payload.tabId), 'page.seek', { time: m.payload.time });
        case 'tab.loadCaptions':
          return tabs.askPage(await tabs.targetTab(m.payload.tabId), 'page.loadCaptions', { name: m.payload.name, text: m.payload.text });
        case 'tab.annotate':
          return tabs.annotateTab(await tabs.targetTab(m.payload.tabId));
        case 'ui.openDemo':
          return tabs.openDemo(m.payload.demo, m.payload.text, senderTab);
        default:
          throw new RpcFailure('bad-request', `no handler for ${m.type}`);
      }
    }, ctx.signal);
  };
}
