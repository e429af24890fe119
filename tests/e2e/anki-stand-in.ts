import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

// A stand-in for AnkiConnect: Anki itself cannot run on the build machines (no package, no
// display), so the e2e tests talk to this server, which implements the documented actions the
// extension uses ({action, version: 6, params} → {result, error}) over a notes table in memory.
// Like AnkiConnect it answers on loopback and sends no CORS header for an unknown origin: only a
// page holding the host permission may read its answers.

export interface StandInNote {
  id: number;
  deckName: string;
  modelName: string;
  fields: Record<string, string>;
  tags: string[];
}

export interface AnkiStandIn {
  url: string;
  notes: StandInNote[];
  decks: Set<string>;
  models: Map<string, string[]>;
  actions: string[];
  close(): Promise<void>;
}

export async function ankiStandIn(): Promise<AnkiStandIn> {
  const notes: StandInNote[] = [];
  const decks = new Set<string>(['Default']);
  const models = new Map<string, string[]>([['Basic', ['Front', 'Back']]]);
  const actions: string[] = [];
  let nextId = 1_700_000_000_000;
  const handle = (action: string, p: Record<string, unknown>): unknown => {
    switch (action) {
      case 'version':
        return 6;
      case 'modelNames':
        return [...models.keys()];
      case 'createModel': {
        if (models.has(p.modelName as string)) throw new Error('Model name already exists');
        models.set(p.modelName as string, p.inOrderFields as string[]);
        return { name: p.modelName };
      }
      case 'createDeck':
        decks.add(p.deck as string);
        return 1;
      case 'findNotes': {
        // The queries the extension sends: "note:<type>" "<field>:<value>".
        const terms = [...(p.query as string).matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
        return notes
          .filter((n) =>
            terms.every((t) => {
              const i = t.indexOf(':');
              const [k, v] = [t.slice(0, i), t.slice(i + 1)];
              return k === 'note' ? n.modelName === v : n.fields[k] === v;
            }),
          )
          .map((n) => n.id);
      }
      case 'addNote': {
        const note = p.note as Omit<StandInNote, 'id'>;
        const fields = models.get(note.modelName);
        if (!fields) throw new Error(`model was not found: ${note.modelName}`);
        if (!decks.has(note.deckName)) throw new Error(`deck was not found: ${note.deckName}`);
        const first = note.fields[fields[0]!];
        if (notes.some((n) => n.modelName === note.modelName && n.fields[fields[0]!] === first)) throw new Error('cannot create note because it is a duplicate');
        const id = nextId++;
        notes.push({ id, deckName: note.deckName, modelName: note.modelName, fields: { ...note.fields }, tags: [...note.tags] });
        return id;
      }
      case 'updateNoteFields': {
        const u = p.note as { id: number; fields: Record<string, string> };
        const n = notes.find((x) => x.id === u.id);
        if (!n) throw new Error('Note was not found');
        Object.assign(n.fields, u.fields);
        return null;
      }
      default:
        throw new Error('unsupported action');
    }
  };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      let out: { result: unknown; error: string | null };
      try {
        const msg = JSON.parse(body) as { action: string; version: number; params?: Record<string, unknown> };
        actions.push(msg.action);
        out = { result: handle(msg.action, msg.params ?? {}), error: null };
      } catch (e) {
        out = { result: null, error: e instanceof Error ? e.message : String(e) };
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(out));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    notes,
    decks,
    models,
    actions,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
