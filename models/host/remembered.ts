// A small key-value memory in IndexedDB, which the host worker has (extension storage it has not).
// Everything here is best-effort: a failure means "not remembered", never an error.

const DB = 'dl-tutor-host';
const STORE = 'remembered';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function run<T>(mode: IDBTransactionMode, f: (s: IDBObjectStore) => IDBRequest<T>): Promise<T | undefined> {
  try {
    const db = await open();
    try {
      return await new Promise<T>((resolve, reject) => {
        const req = f(db.transaction(STORE, mode).objectStore(STORE));
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    } finally {
      db.close();
    }
  } catch {
    return undefined;
  }
}

export const recall = <T>(key: string): Promise<T | undefined> => run<T>('readonly', (s) => s.get(key) as IDBRequest<T>);

export async function remember(key: string, value: unknown): Promise<void> {
  await run('readwrite', (s) => s.put(value, key));
}
