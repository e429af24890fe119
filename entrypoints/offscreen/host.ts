import { gptHandlers } from '@/models/gpt/host/handlers';
import { coreHandlers } from '@/models/host/core-handlers';
import { createDispatch } from '@/models/host/dispatch';
import type { HostContext } from '@/models/host/handlers';
import { SessionStore } from '@/models/host/sessions';
import { mnistHandlers } from '@/models/mnist-mlp/host/handlers';

// The model host's registry: each model contributes its handlers. Chrome runs it in the offscreen
// document (main.ts); Firefox has no offscreen documents and runs it in the background page.
const context: HostContext = { store: new SessionStore(), hostStartedAt: Date.now() };

export const dispatchHost = createDispatch({
  ...coreHandlers(context),
  ...gptHandlers(context),
  ...mnistHandlers(context),
});
