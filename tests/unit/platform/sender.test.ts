import { describe, expect, it } from 'vitest';
import { classifySender } from '@/platform/messaging/sender';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;

describe('classifySender', () => {
  it('knows its own pages and content scripts', () => {
    expect(classifySender({ id: ID, url: `${ORIGIN}/popup.html` }, ID, ORIGIN)).toBe('extension-page');
    expect(classifySender({ id: ID, url: `${ORIGIN}/diagnostics.html`, tab: { id: 3 } as never }, ID, ORIGIN)).toBe(
      'extension-page',
    );
    expect(classifySender({ id: ID, url: 'https://www.3blue1brown.com/lessons/gpt', tab: { id: 7 } as never }, ID, ORIGIN)).toBe(
      'content-script',
    );
  });

  it('rejects everything else', () => {
    expect(classifySender(undefined, ID, ORIGIN)).toBeNull();
    expect(classifySender({ url: `${ORIGIN}/popup.html` }, ID, ORIGIN)).toBeNull();
    expect(classifySender({ id: 'another-extension', url: 'chrome-extension://another-extension/x.html' }, ID, ORIGIN)).toBeNull();
    expect(classifySender({ id: 'another-extension', url: 'https://example.com', tab: { id: 1 } as never }, ID, ORIGIN)).toBeNull();
    // Our id but neither our origin nor a tab: not a context we create.
    expect(classifySender({ id: ID, url: 'https://example.com' }, ID, ORIGIN)).toBeNull();
  });
});
