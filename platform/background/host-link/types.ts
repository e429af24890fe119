import type { HandlerContext } from '@/platform/messaging/serve';
import type { RequestMsg, Result } from '@/platform/protocol/protocol';

/** How the background reaches the model host's worker: through the offscreen document in Chrome, directly in Firefox. */
export type HostLink = (req: RequestMsg, ctx: HandlerContext) => Promise<Result<unknown>>;
