import type { Demo } from '@/platform/protocol/demo';

/**
 * Where the ways into the GPT lab from a page (the selection button, the
 * context menu, the shortcut) lead: the first view, on the selected text.
 */
export const LOOK_INSIDE_GPT: Demo = { kind: 'gpt-lab', view: 'tokens' };
