import type { Api } from '@/platform/protocol/protocol';
import type { HandlerContext } from '@/platform/messaging/serve';
import type { SessionStore } from '@/models/host/sessions';

/** Every request the model host answers ('host.*' in the protocol). */
export type HostType = Extract<keyof Api, `host.${string}`>;

export type Handler<K extends HostType> = (payload: Api[K]['req'], ctx: HandlerContext) => Promise<Api[K]['res']>;

/** A part of the registry: the handlers one model (or the host itself) contributes. */
export type HandlerSet<K extends HostType> = { [T in K]: Handler<T> };

/** What the host gives each model's handlers: the one session store and when the host started. */
export interface HostContext {
  store: SessionStore;
  hostStartedAt: number;
}
