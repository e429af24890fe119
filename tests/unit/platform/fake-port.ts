import type { Browser } from 'wxt/browser';

type Listener<T extends unknown[]> = (...args: T) => void;

class Event<T extends unknown[]> {
  private listeners: Listener<T>[] = [];
  addListener(l: Listener<T>) {
    this.listeners.push(l);
  }
  removeListener(l: Listener<T>) {
    this.listeners = this.listeners.filter((x) => x !== l);
  }
  hasListener(l: Listener<T>) {
    return this.listeners.includes(l);
  }
  emit(...args: T) {
    for (const l of [...this.listeners]) l(...args);
  }
}

/** Two connected ends of a runtime port, delivering messages asynchronously like the browser does. */
interface FakePort {
  name: string;
  onMessage: Event<[unknown]>;
  onDisconnect: Event<[]>;
  other: FakePort;
  closed: boolean;
  postMessage(m: unknown): void;
  disconnect(): void;
}

export function portPair(): [Browser.runtime.Port, Browser.runtime.Port] {
  const make = (): FakePort => ({
    name: 'test',
    onMessage: new Event<[unknown]>(),
    onDisconnect: new Event<[]>(),
    other: null as unknown as FakePort,
    closed: false,
    postMessage(m: unknown) {
      if (this.closed) throw new Error('port closed');
      const copy = structuredClone(m);
      queueMicrotask(() => !this.other.closed && this.other.onMessage.emit(copy));
    },
    disconnect() {
      if (this.closed) return;
      this.closed = true;
      this.other.closed = true;
      queueMicrotask(() => this.other.onDisconnect.emit());
    },
  });
  const a = make();
  const b = make();
  a.other = b;
  b.other = a;
  return [a as unknown as Browser.runtime.Port, b as unknown as Browser.runtime.Port];
}
