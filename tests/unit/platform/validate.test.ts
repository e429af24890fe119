import { describe, expect, it } from 'vitest';
import { parseClientMsg } from '@/platform/protocol/validate';

describe('parseClientMsg', () => {
  it('accepts well-formed requests and cancels', () => {
    expect(parseClientMsg({ kind: 'request', id: 'a1', type: 'host.selftest', payload: { backend: 'wasm' } })).toEqual({
      ok: true,
      value: { kind: 'request', id: 'a1', type: 'host.selftest', payload: { backend: 'wasm' } },
    });
    expect(parseClientMsg({ kind: 'cancel', id: 'a1' })).toEqual({ ok: true, value: { kind: 'cancel', id: 'a1' } });
  });

  it.each([
    ['null', null],
    ['a string', 'host.selftest'],
    ['an array', [1, 2]],
    ['no id', { kind: 'request', type: 'bg.ping', payload: {} }],
    ['an id with markup', { kind: 'request', id: '<img src=x>', type: 'bg.ping', payload: {} }],
    ['a huge id', { kind: 'request', id: 'x'.repeat(100_000), type: 'bg.ping', payload: {} }],
    ['an unknown kind', { kind: 'eval', id: 'a', type: 'bg.ping', payload: {} }],
    ['an unknown type', { kind: 'request', id: 'a', type: 'host.exec', payload: {} }],
    ['an inherited type', { kind: 'request', id: 'a', type: 'toString', payload: {} }],
    ['a bad payload', { kind: 'request', id: 'a', type: 'host.selftest', payload: { backend: 'cuda' } }],
    ['extra payload keys', { kind: 'request', id: 'a', type: 'host.selftest', payload: { backend: 'wasm', x: 1 } }],
    ['a payload for an empty request', { kind: 'request', id: 'a', type: 'bg.ping', payload: { a: 1 } }],
    // Found by the message fuzz: String() throws on these (no callable toString or valueOf), and
    // the port's listener threw instead of answering. As they arrive over JSON.
    ['a type with its own toString', JSON.parse('{"kind":"request","id":"a","type":{"toString":[],"valueOf":1},"payload":{}}')],
    ['a kind with its own toString', JSON.parse('{"kind":{"toString":false},"id":"a","type":"bg.ping","payload":{}}')],
  ])('rejects %s', (_name, raw) => {
    const r = parseClientMsg(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('bad-request');
  });
});
