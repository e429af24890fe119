import { gptHandlers } from '@/models/gpt/host/handlers';
import { coreHandlers } from '@/models/host/core-handlers';
import { createDispatch } from '@/models/host/dispatch';
import type { HostContext } from '@/models/host/handlers';
import { SessionStore } from '@/models/host/sessions';
import { mnistHandlers } from '@/models/mnist-mlp/host/handlers';

// The model host's registry: each model contributes its handlers. It runs in the host worker
// (host-worker.ts), which Chrome's offscreen document and Firefox's background page start.
const context: HostContext = { store: new SessionStore(), hostStartedAt: Date.now() };

export const dispatchHost = createDispatch({
  ...coreHandlers(context),
  ...gptHandlers(context),
  ...mnistHandlers(context),
});
