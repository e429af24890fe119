// Validation of a digit network's shape and numbers: pure, so the model host
// (which has no storage API) and the protocol checks can use it too.
import { ACTIVATIONS, COSTS, DIGIT_CLASSES, DIGIT_PIXELS, type NetWeights } from '@/platform/protocol/training';
import { isOneOf } from '@/lib/one-of';

/** A network the learner trained (or imported), kept across browser restarts. */
export interface SavedNet extends NetWeights {
  id: string;
  name: string;
  createdAt: number;
  testAcc?: number;
}

const finiteArray = (v: unknown, n: number): v is number[] => Array.isArray(v) && v.length === n && v.every((x) => typeof x === 'number' && Number.isFinite(x));

/**
 * Checks a network from storage or from an imported file: shapes must fit a
 * DIGIT_PIXELS-input, DIGIT_CLASSES-output MLP and every number must be finite. Returns null when
 * anything is off, so a bad file can never reach the model host.
 */
export function parseNet(raw: unknown, fallbackName = 'imported'): SavedNet | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  const sizes = r.sizes;
  if (!Array.isArray(sizes) || sizes.length < 2 || sizes.length > 6) return null;
  if (!sizes.every((n) => Number.isInteger(n) && n >= 1 && n <= 1024) || sizes[0] !== DIGIT_PIXELS || sizes[sizes.length - 1] !== DIGIT_CLASSES) return null;
  if (!isOneOf(ACTIVATIONS, r.activation) || !isOneOf(COSTS, r.cost)) return null;
  const L = sizes.length - 1;
  if (!Array.isArray(r.W) || !Array.isArray(r.b) || r.W.length !== L || r.b.length !== L) return null;
  for (let l = 1; l <= L; l++) {
    if (!finiteArray(r.W[l - 1], sizes[l]! * sizes[l - 1]!) || !finiteArray(r.b[l - 1], sizes[l]!)) return null;
  }
  return {
    id: typeof r.id === 'string' && /^[\w-]{1,40}$/.test(r.id) ? r.id : `net-${Date.now().toString(36)}`,
    name: typeof r.name === 'string' ? r.name.slice(0, 80) : fallbackName.slice(0, 80),
    createdAt: typeof r.createdAt === 'number' ? r.createdAt : Date.now(),
    sizes: sizes as number[],
    activation: r.activation,
    cost: r.cost,
    W: r.W as number[][],
    b: r.b as number[][],
    testAcc: typeof r.testAcc === 'number' ? r.testAcc : undefined,
  };
}
