import type { ClientMsg, RequestType, Result } from '@/platform/protocol/protocol';
import { err, ok } from '@/platform/protocol/protocol';
import { BACKEND_PREFERENCES } from '@/platform/protocol/backend';
import { GPT_VIEWS } from '@/platform/protocol/demo';
import { MAX_NEW_TOKENS } from '@/platform/protocol/gpt';
import { ACTIVATIONS, COSTS, DIGIT_CLASSES, DIGIT_PIXELS, INITS, OPTIMIZERS } from '@/platform/protocol/training';
import { isOneOf } from '@/lib/one-of';
import { isMetEvent, MAX_MET_BATCH } from '@/platform/protocol/met';

// Everything that arrives on a port is untrusted until these checks pass:
// the shape of the envelope and the payload of each request type.

type Check = (payload: unknown) => string | null;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const empty: Check = (p) => (isRecord(p) && Object.keys(p).length === 0 ? null : 'expected an empty object');

const optionalTab = (p: Record<string, unknown>) =>
  p.tabId === undefined || (Number.isInteger(p.tabId) && (p.tabId as number) >= 0);

const onlyKeys = (p: Record<string, unknown>, keys: string[]) => Object.keys(p).every((k) => keys.includes(k));

/** A caption file larger than this is not a caption file. */
export const MAX_CAPTION_CHARS = 5_000_000;

const CONCEPT_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function isDemo(d: unknown): boolean {
  if (!isRecord(d)) return false;
  switch (d.kind) {
    case 'digit-lab':
    case 'backprop-lab':
      return onlyKeys(d, ['kind']);
    case 'training-lab':
      return (
        onlyKeys(d, ['kind', 'optimizer', 'activation', 'cost']) &&
        (d.optimizer === undefined || isOneOf(OPTIMIZERS, d.optimizer)) &&
        (d.activation === undefined || isOneOf(ACTIVATIONS, d.activation)) &&
        (d.cost === undefined || isOneOf(COSTS, d.cost))
      );
    case 'gpt-lab':
      return onlyKeys(d, ['kind', 'view']) && isOneOf(GPT_VIEWS, d.view);
    default:
      return false;
  }
}

const BACKEND_EXPECTED = `expected { backend: ${BACKEND_PREFERENCES.map((b) => `'${b}'`).join(' | ')} }`;

const RUN_ID = /^[A-Za-z0-9_-]{1,40}$/;
const num = (v: unknown, lo: number, hi: number) => typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi;
const int = (v: unknown, lo: number, hi: number) => num(v, lo, hi) && Number.isInteger(v);

function isExtra(e: unknown): boolean {
  if (!isRecord(e) || !onlyKeys(e, ['pixels', 'labels']) || !Array.isArray(e.pixels) || !Array.isArray(e.labels)) return false;
  return (
    e.labels.length <= 1000 &&
    e.pixels.length === e.labels.length * DIGIT_PIXELS &&
    e.labels.every((l) => int(l, 0, DIGIT_CLASSES - 1)) &&
    e.pixels.every((v) => int(v, 0, 255))
  );
}

function isTrainConfig(c: unknown): boolean {
  return (
    isRecord(c) &&
    onlyKeys(c, ['hidden', 'activation', 'cost', 'optimizer', 'eta', 'batch', 'epochs', 'l1', 'l2', 'dropout', 'init', 'seed', 'extra']) &&
    (c.extra === undefined || isExtra(c.extra)) &&
    Array.isArray(c.hidden) &&
    c.hidden.length >= 1 &&
    c.hidden.length <= 4 &&
    c.hidden.every((h) => int(h, 1, 512)) &&
    isOneOf(ACTIVATIONS, c.activation) &&
    isOneOf(COSTS, c.cost) &&
    isOneOf(OPTIMIZERS, c.optimizer) &&
    num(c.eta, 0, 1e6) &&
    int(c.batch, 1, 10_000) &&
    int(c.epochs, 1, 1000) &&
    num(c.l1, 0, 10) &&
    num(c.l2, 0, 10) &&
    num(c.dropout, 0, 0.95) &&
    isOneOf(INITS, c.init) &&
    int(c.seed, 0, 2 ** 32 - 1)
  );
}

/** The most text a demo is opened with (ui.openDemo), in UTF-16 code units: a sentence or a selection. */
export const MAX_DEMO_TEXT = 4000;

/** Longer selections are accepted and cut by the engine; beyond this a payload is not text for the lab. */
export const MAX_GPT_TEXT = 200_000;
const gptText = (v: unknown) => typeof v === 'string' && v.length <= MAX_GPT_TEXT;
const isSampling = (s: unknown, extra: string[] = []) =>
  isRecord(s) &&
  onlyKeys(s, ['temperature', 'topK', 'topP', ...extra]) &&
  num(s.temperature, 0, 10) &&
  int(s.topK, 0, 1_000_000) &&
  num(s.topP, 1e-6, 1);
const isGenerate = (s: unknown) => isSampling(s, ['seed', 'maxTokens']) && isRecord(s) && int(s.seed, 0, 2 ** 32 - 1) && int(s.maxTokens, 1, MAX_NEW_TOKENS);
const optionalK = (p: Record<string, unknown>) => p.k === undefined || int(p.k, 1, 50);

const PAYLOAD_CHECKS: Record<RequestType, Check> = {
  'host.gpt.load': (p) =>
    isRecord(p) && onlyKeys(p, ['backend']) && isOneOf(BACKEND_PREFERENCES, p.backend) ? null : BACKEND_EXPECTED,
  'host.gpt.tokenize': (p) => (isRecord(p) && onlyKeys(p, ['text']) && gptText(p.text) ? null : 'expected { text: string }'),
  'host.gpt.attend': (p) => (isRecord(p) && onlyKeys(p, ['text']) && gptText(p.text) ? null : 'expected { text: string }'),
  'host.gpt.lens': (p) => (isRecord(p) && onlyKeys(p, ['text']) && gptText(p.text) ? null : 'expected { text: string }'),
  'host.gpt.neurons': (p) => (isRecord(p) && onlyKeys(p, ['text']) && gptText(p.text) ? null : 'expected { text: string }'),
  'host.gpt.heads': (p) => (isRecord(p) && onlyKeys(p, ['text']) && gptText(p.text) ? null : 'expected { text: string }'),
  // Ranges are the model's; the engine checks them against its config.
  'host.gpt.neuron': (p) =>
    isRecord(p) && onlyKeys(p, ['layer', 'index']) && int(p.layer, 0, 1023) && int(p.index, 0, 1_000_000) ? null : 'expected { layer: integer ≥ 0, index: integer ≥ 0 }',
  'host.gpt.embed': (p) => (isRecord(p) && onlyKeys(p, ['text', 'k']) && gptText(p.text) && optionalK(p) ? null : 'expected { text: string, k?: 1..50 }'),
  'host.gpt.analogy': (p) =>
    isRecord(p) && onlyKeys(p, ['a', 'b', 'c', 'k']) && [p.a, p.b, p.c].every((w) => typeof w === 'string' && w.length <= 100) && optionalK(p)
      ? null
      : 'expected { a, b, c: strings of at most 100 characters, k?: 1..50 }',
  'host.gpt.next': (p) =>
    isRecord(p) &&
    onlyKeys(p, ['text', 'settings', 'appendIds']) &&
    gptText(p.text) &&
    isSampling(p.settings) &&
    (p.appendIds === undefined || (Array.isArray(p.appendIds) && p.appendIds.length <= MAX_NEW_TOKENS && p.appendIds.every((id) => int(id, 0, 1_000_000))))
      ? null
      : 'expected { text: string, settings: { temperature: 0..10, topK: integer ≥ 0, topP: (0, 1] }, appendIds?: token ids }',
  'host.gpt.generate': (p) =>
    isRecord(p) && onlyKeys(p, ['text', 'settings', 'cache']) && gptText(p.text) && isGenerate(p.settings) && [undefined, true, false].includes(p.cache as boolean)
      ? null
      : `expected { text: string, settings: { temperature, topK, topP, seed: uint32, maxTokens: 1..${MAX_NEW_TOKENS} }, cache?: boolean }`,
  'host.train.start': (p) =>
    isRecord(p) &&
    onlyKeys(p, ['runId', 'config', 'backend']) &&
    typeof p.runId === 'string' &&
    RUN_ID.test(p.runId) &&
    isOneOf(BACKEND_PREFERENCES, p.backend) &&
    isTrainConfig(p.config)
      ? null
      : 'expected { runId, config: TrainConfig (sizes, activation, cost, optimizer, eta, batch, epochs, l1, l2, dropout, init, seed), backend }',
  'host.selftest.train': (p) =>
    isRecord(p) && onlyKeys(p, ['backend']) && isOneOf(BACKEND_PREFERENCES, p.backend)
      ? null
      : BACKEND_EXPECTED,
  'host.train.reset': (p) => (isRecord(p) && onlyKeys(p, ['runId']) && typeof p.runId === 'string' && RUN_ID.test(p.runId) ? null : 'expected { runId }'),
  'tab.concepts': (p) => (isRecord(p) && onlyKeys(p, ['tabId']) && optionalTab(p) ? null : 'expected { tabId?: number }'),
  'tab.annotate': (p) => (isRecord(p) && onlyKeys(p, ['tabId']) && optionalTab(p) ? null : 'expected { tabId?: number }'),
  'tab.scrollTo': (p) =>
    isRecord(p) && onlyKeys(p, ['tabId', 'conceptId']) && optionalTab(p) && typeof p.conceptId === 'string' && CONCEPT_ID.test(p.conceptId)
      ? null
      : 'expected { tabId?: number, conceptId: string }',
  'tab.video': (p) => (isRecord(p) && onlyKeys(p, ['tabId']) && optionalTab(p) ? null : 'expected { tabId?: number }'),
  'tab.seek': (p) =>
    isRecord(p) && onlyKeys(p, ['tabId', 'time']) && optionalTab(p) && typeof p.time === 'number' && Number.isFinite(p.time) && p.time >= 0
      ? null
      : 'expected { tabId?: number, time: seconds }',
  'tab.loadCaptions': (p) =>
    isRecord(p) &&
    onlyKeys(p, ['tabId', 'name', 'text']) &&
    optionalTab(p) &&
    typeof p.name === 'string' &&
    p.name.length <= 300 &&
    typeof p.text === 'string' &&
    p.text.length <= MAX_CAPTION_CHARS
      ? null
      : 'expected { tabId?: number, name: string, text: string (at most 5 MB) }',
  'ui.openDemo': (p) =>
    isRecord(p) && onlyKeys(p, ['demo', 'text']) && isDemo(p.demo) && typeof p.text === 'string' && p.text.length <= MAX_DEMO_TEXT
      ? null
      : `expected { demo: Demo, text: string (at most ${MAX_DEMO_TEXT} characters) }`,
  'bg.ping': empty,
  'bg.concept': (p) => (isRecord(p) && onlyKeys(p, ['id']) && typeof p.id === 'string' && p.id.length <= 80 && CONCEPT_ID.test(p.id) ? null : 'expected { id: concept id }'),
  'bg.met': (p) =>
    isRecord(p) && onlyKeys(p, ['events']) && Array.isArray(p.events) && p.events.length >= 1 && p.events.length <= MAX_MET_BATCH && p.events.every(isMetEvent)
      ? null
      : `expected { events: 1..${MAX_MET_BATCH} met events }`,
  'host.status': empty,
  'host.memory': empty,
  'host.selftest': (p) =>
    isRecord(p) && isOneOf(BACKEND_PREFERENCES, p.backend) && Object.keys(p).length === 1
      ? null
      : BACKEND_EXPECTED,
};

/** Request types a content script may send; the rest are for extension pages only. */
export const CONTENT_SCRIPT_ALLOWED: ReadonlySet<RequestType> = new Set<RequestType>(['bg.ping', 'bg.concept', 'bg.met', 'ui.openDemo']);

export function isRequestType(t: unknown): t is RequestType {
  return typeof t === 'string' && Object.prototype.hasOwnProperty.call(PAYLOAD_CHECKS, t);
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * A few characters of an untrusted value, for an error message. Never throws: String() would on
 * an object that carries its own non-function toString and valueOf ({ toString: [] }), which
 * arrives as such from JSON; a throw here would leave the port's listener with no answer to send.
 */
function describeValue(v: unknown): string {
  if (typeof v === 'string') return v.slice(0, 40);
  if (typeof v === 'object' && v !== null) return Array.isArray(v) ? 'an array' : 'an object';
  return typeof v === 'function' ? 'a function' : String(v);
}

export function parseClientMsg(raw: unknown): Result<ClientMsg> {
  if (!isRecord(raw)) return err('bad-request', 'message is not an object');
  if (typeof raw.id !== 'string' || !ID.test(raw.id)) return err('bad-request', 'missing or malformed id');
  if (raw.kind === 'cancel') return ok({ kind: 'cancel', id: raw.id });
  if (raw.kind !== 'request') return err('bad-request', `unknown message kind: ${describeValue(raw.kind)}`);
  if (!isRequestType(raw.type)) return err('bad-request', `unknown request type: ${describeValue(raw.type)}`);
  const problem = PAYLOAD_CHECKS[raw.type](raw.payload);
  if (problem) return err('bad-request', `${raw.type}: ${problem}`);
  return ok({ kind: 'request', id: raw.id, type: raw.type, payload: raw.payload } as ClientMsg);
}
