import { err, type RequestMsg, type Result } from '@/platform/protocol/protocol';
import { settle, type Dispatch, type HandlerContext } from '@/platform/messaging/serve';
import type { HandlerSet, HostType } from '@/models/host/handlers';

// The model host dispatches by a registry: the host worker's entrypoint builds it from the
// handlers each model contributes, so the host itself knows no model.

/** The registry must cover every host request of the protocol, each exactly once. */
export type HostRegistry = HandlerSet<HostType>;

export function createDispatch(registry: HostRegistry): Dispatch {
  const has = (t: string): t is HostType => Object.prototype.hasOwnProperty.call(registry, t);
  return (req: RequestMsg, ctx: HandlerContext): Promise<Result<unknown>> => {
    if (!has(req.type)) return Promise.resolve(err('bad-request', `not a model-host request: ${req.type}`));
    const handler = registry[req.type] as (p: unknown, c: HandlerContext) => Promise<unknown>;
    return settle(() => handler(req.payload, ctx), ctx.signal);
  };
}
