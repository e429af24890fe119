import { dispatchHost } from '../../models/runtime/host';
import type { HostLink } from './types';

// Firefox has no offscreen documents; its MV3 background is an event page with
// a DOM and WebAssembly, so the model host runs right there.
export const inProcessLink: HostLink = (req, ctx) => dispatchHost(req, ctx);
