import { err, type RequestMsg, type Result } from './protocol';
import type { HandlerContext } from './serve';
import type { SenderKind } from './sender';
import { CONTENT_SCRIPT_ALLOWED } from './validate';
import type { HostLink } from '../host-link/types';

export interface RouterDeps {
  backgroundStartedAt: number;
  host: () => Promise<HostLink>;
}

/** The background's whole job: answer its own requests, pass model work to the host. */
export function createRouter(deps: RouterDeps) {
  return async (req: RequestMsg, ctx: HandlerContext, from: SenderKind): Promise<Result<unknown>> => {
    if (from === 'content-script' && !CONTENT_SCRIPT_ALLOWED.has(req.type)) {
      return err('forbidden', `${req.type} is not available to content scripts`);
    }
    if (req.type === 'bg.ping') return { ok: true, value: { backgroundStartedAt: deps.backgroundStartedAt } };
    if (req.type.startsWith('host.')) return (await deps.host())(req, ctx);
    return err('bad-request', `no handler for ${req.type}`);
  };
}
