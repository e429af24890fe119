import type { Demo } from '@/platform/protocol/demo';

/**
 * The extension page and query that open a demo. The GPT lab, the training
 * lab and the Backprop lab live in the side panel; the digit lab is the popup, which a page cannot
 * open, so it opens as a page of its own.
 */
export function demoPath(demo: Demo, text: string): string {
  const q = new URLSearchParams();
  switch (demo.kind) {
    case 'gpt-lab':
      q.set('lab', 'gpt');
      q.set('view', demo.view);
      if (text) q.set('text', text);
      return `/sidepanel.html?${q}`;
    case 'training-lab':
      q.set('lab', 'training');
      if (demo.optimizer) q.set('optimizer', demo.optimizer);
      if (demo.activation) q.set('activation', demo.activation);
      if (demo.cost) q.set('cost', demo.cost);
      return `/sidepanel.html?${q}`;
    case 'digit-lab':
      return '/popup.html?lab=digits';
    case 'backprop-lab':
      return '/sidepanel.html?view=backprop';
  }
}
