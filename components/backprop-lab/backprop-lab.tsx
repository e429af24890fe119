import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '@/platform/i18n';
import { preprocessStrokes } from '@/features/digits/preprocess';
import { PEN_WIDTH, type Stroke } from '@/features/digits/types';
import { loadSavedNets, saveNet, savedNetsItem, type SavedNet } from '@/features/digits/saved-nets';
import { Backprop, cloneNetwork, descend, float64Network, type BatchGradient } from '@/models/mnist-mlp/reference/backprop';
import type { Network } from '@/models/mnist-mlp/reference/network';
import { defaultDigitNet, savedDigitNet, type DigitNet } from '@/models/mnist-mlp/local-classifier';
import { digitImage, EVAL_COUNT, labDigits, type LabDigits } from '@/models/mnist-mlp/lab-digits';
import { SketchPad } from '@/components/digit-lab/sketch-pad';
import { ExportButton } from '@/components/gpt-lab/shared/export-button';
import { StageExample } from '@/components/backprop-lab/stage-example';
import { StageWant } from '@/components/backprop-lab/stage-want';
import { StageLevers } from '@/components/backprop-lab/stage-levers';
import { StageFlow } from '@/components/backprop-lab/stage-flow';
import { StageGradient } from '@/components/backprop-lab/stage-gradient';
import { StageChain } from '@/components/backprop-lab/stage-chain';
import { StageStep, type StepReport } from '@/components/backprop-lab/stage-step';
import { StageBatch } from '@/components/backprop-lab/stage-batch';
import { buildExport } from '@/components/backprop-lab/lab-json';
import { accuracyOf } from '@/components/backprop-lab/accuracy';
import { argmax } from '@/components/backprop-lab/format';
import type { Link } from '@/components/backprop-lab/net-geometry';
import { useColors } from '@/components/backprop-lab/use-colors';
import { useStaged } from '@/components/backprop-lab/use-staged';
import { Pure } from '@/components/backprop-lab/pure';

/** What opens the lab: a drawing (784 inputs) and a network ('default' or a saved network's id). */
export interface BackpropRequest {
  image: Float32Array | null;
  netId: string;
  /** Changes with every new request, so the same drawing sent twice still resets the pad. */
  seq: number;
}

/** Undo keeps this many earlier networks (13k float64 each). */
const MAX_UNDO = 50;

interface Loaded {
  bp: Backprop;
  original: Network;
  name: string;
}

const median = (xs: readonly number[]) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/**
 * The Backprop lab (lessons 3 and 4): backpropagation on the learner's own digit through the
 * real network, computed here in float64 (microseconds for 13k parameters), step by step.
 * The shipped and saved networks are never changed: the lab works on a copy until "Save".
 */
export function BackpropLab({ request }: { request: BackpropRequest }) {
  const [data, setData] = useState<LabDigits | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [nets, setNets] = useState<SavedNet[]>([]);
  const [netId, setNetId] = useState(request.netId);
  const [lab, setLab] = useState<Loaded | null>(null);
  const [version, setVersion] = useState(0);
  const undoStack = useRef<Network[]>([]);
  const [steps, setSteps] = useState(0);
  const [sample, setSample] = useState<{ image: Float32Array; index: number | null } | null>(request.image ? { image: request.image, index: null } : null);
  const [drawn, setDrawn] = useState<Float32Array | null>(null);
  const [padTouched, setPadTouched] = useState(false);
  const [padKey, setPadKey] = useState(0);
  const [target, setTarget] = useState<number | null>(null);
  const [eta, setEta] = useState(0.01);
  const [output, setOutput] = useState<number | null>(null);
  const [link, setLink] = useState<Link | null>(null);
  const [report, setReport] = useState<StepReport | null>(null);
  const [accs, setAccs] = useState<Record<number, number>>({});
  const [saved, setSaved] = useState('');
  const computeMs = useRef<number[]>([]);
  const batchMs = useRef<number[]>([]);
  const [, setTick] = useState(0);
  const colors = useColors();

  // A new request (the popup's drawing, a saved network from the training lab) replaces the example.
  const firstRequest = useRef(request.seq);
  useEffect(() => {
    if (request.seq === firstRequest.current) return;
    if (request.image) setSample({ image: request.image, index: null });
    setPadTouched(false);
    setPadKey((k) => k + 1);
    setTarget(null);
    setNetId(request.netId);
  }, [request]);

  useEffect(() => {
    let alive = true;
    labDigits().then(
      (d) => {
        if (!alive) return;
        setData(d);
        setSample((s) => s ?? { image: digitImage(d.test, 0), index: 0 });
      },
      (e: unknown) => alive && setError(e instanceof Error ? e.message : String(e)),
    );
    const refresh = () => void loadSavedNets().then((r) => alive && setNets(r.nets));
    refresh();
    const stop = savedNetsItem.watch(refresh);
    return () => {
      alive = false;
      stop();
    };
  }, []);

  // The network: a float64 copy of the shipped one or of a saved one.
  useEffect(() => {
    let alive = true;
    void (async () => {
      try {
        let source: DigitNet;
        let name = t('digitDefaultNet');
        if (netId === 'default') source = await defaultDigitNet();
        else {
          const found = (await loadSavedNets()).nets.find((n) => n.id === netId);
          if (!found) {
            if (alive) setNetId('default');
            return;
          }
          source = savedDigitNet(found);
          name = found.name;
        }
        const original = float64Network({ sizes: source.sizes, activation: source.activation, cost: source.cost }, source.W, source.b);
        if (!alive) return;
        undoStack.current = [];
        setLab({ bp: new Backprop(cloneNetwork(original)), original, name });
        setSteps(0);
        setReport(null);
        setLink(null);
        setOutput(null);
        setVersion((v) => v + 1);
        setError(null);
      } catch (e) {
        if (alive) setError(e instanceof Error ? e.message : String(e));
      }
    })();
    return () => {
      alive = false;
    };
  }, [netId]);

  // Accuracy on the fixed 1,000-image subset, once per network version, in slices.
  useEffect(() => {
    if (!lab || !data || accs[version] !== undefined) return;
    let cancelled = false;
    void accuracyOf(lab.bp.net, data.test, EVAL_COUNT, () => cancelled).then((acc) => {
      if (acc !== null) setAccs((a) => ({ ...a, [version]: acc }));
    });
    return () => {
      cancelled = true;
    };
  }, [lab, data, version]);

  const image = padTouched ? drawn : (sample?.image ?? null);
  const sizes = lab?.bp.net.config.sizes;
  const L = lab?.bp.net.L ?? 0;

  // Forward and backward for the example: a few hundred microseconds, on every change.
  const computed = useMemo(() => {
    if (!lab || !image) return null;
    const t0 = performance.now();
    const guess = lab.bp.guess(image);
    const tgt = target ?? guess;
    const trace = lab.bp.example(image, tgt);
    const ms = performance.now() - t0;
    computeMs.current.push(ms);
    if (computeMs.current.length > 1000) computeMs.current.shift();
    return { trace, guess, target: tgt, image };
  }, [lab, image, target, version]);

  const onStrokes = useCallback((strokes: readonly Stroke[]) => {
    setPadTouched(true);
    setDrawn(preprocessStrokes(strokes, PEN_WIDTH));
  }, []);

  const onBatchTiming = useCallback((ms: number) => {
    batchMs.current.push(ms);
    setTick((n) => n + 1);
  }, []);

  const push = () => {
    if (!lab) return;
    undoStack.current.push(cloneNetwork(lab.bp.net));
    if (undoStack.current.length > MAX_UNDO) undoStack.current.shift();
  };

  const applyStep = (grad: { grad_W: Float64Array[]; grad_b: Float64Array[] }, kind: StepReport['kind']) => {
    if (!lab || !computed || !image) return;
    const before = { probs: computed.trace.a[L]!, cost: computed.trace.cost_value };
    push();
    descend(lab.bp.net, grad, eta);
    const after = lab.bp.example(image, computed.target);
    setReport({ eta, target: computed.target, before, after: { probs: after.a[L]!, cost: after.cost_value }, from: version, to: version + 1, kind });
    setSteps((n) => n + 1);
    setSaved('');
    setVersion((v) => v + 1);
  };

  const restore = (net: Network) => {
    if (!lab) return;
    for (let l = 1; l <= lab.bp.net.L; l++) {
      lab.bp.net.W[l]!.set(net.W[l]!);
      lab.bp.net.b[l]!.set(net.b[l]!);
    }
    setVersion((v) => v + 1);
  };

  const undo = () => {
    const prev = undoStack.current.pop();
    if (!prev) return;
    restore(prev);
    setSteps((n) => Math.max(0, n - 1));
    setReport(null);
  };

  const reset = () => {
    if (!lab) return;
    undoStack.current = [];
    restore(lab.original);
    setSteps(0);
    setReport(null);
  };

  const save = () => {
    if (!lab) return;
    const { sizes: s, activation, cost } = lab.bp.net.config;
    const net = lab.bp.net;
    const id = `net-${Date.now().toString(36)}`;
    const name = `${lab.name} · ${t('bpSavedSuffix', { n: steps })}`.slice(0, 80);
    void saveNet({
      id,
      name,
      createdAt: Date.now(),
      sizes: [...s],
      activation,
      cost,
      W: net.W.slice(1).map((w) => Array.from(w)),
      b: net.b.slice(1).map((v) => Array.from(v)),
    }).then(
      () => setSaved(t('bpSavedAs', { name })),
      (e: unknown) => setSaved(e instanceof Error ? e.message : String(e)),
    );
  };

  const exportData = () => {
    if (!lab || !computed || !image) return null;
    const net = cloneNetwork(lab.bp.net);
    descend(net, computed.trace, eta);
    const after = new Backprop(net).example(image, computed.target);
    return buildExport(lab.name, lab.bp.net, image, computed.target, computed.trace, eta, { a_L: after.a[L]!, cost_value: after.cost_value }, steps);
  };

  const nextSample = () => {
    if (!data) return;
    const index = ((sample?.index ?? -1) + 1) % data.test.count;
    setSample({ image: digitImage(data.test, index), index });
    setPadTouched(false);
    setPadKey((k) => k + 1);
    setTarget(null);
  };

  // The deeper stages follow, one task each (use-staged.ts): one change of the drawing or the
  // target is then six short tasks of the panel's thread instead of one long one.
  const { staged, settled } = useStaged(computed, 6, 30);
  const [, leverStage, flowStage, lateStage, lastStage, batchStage] = staged;
  const trace = computed?.trace;
  const pickedOutput = output ?? leverStage?.target ?? 0;
  const defaultLink = (): Link => {
    if (!lateStage || !sizes) return { l: 1, j: 0, k: 0 };
    return { l: L, j: lateStage.target, k: argmax(lateStage.trace.a[L - 1]!) };
  };
  const pickedLink = link && sizes && link.l <= L ? link : defaultLink();
  const cm = median(computeMs.current);
  const bm = median(batchMs.current);

  return (
    <section
      class="stack backprop-lab"
      data-testid="backprop-lab"
      data-ready={lab && data && trace ? 'true' : 'false'}
      data-settled={settled ? 'true' : 'false'}
      data-version={version}
    >
      <p class="muted">{t('bpIntro')}</p>
      <div class="row">
        <label class="row">
          <span class="muted">{t('digitNetwork')}</span>
          <select data-testid="bp-network" value={netId} onChange={(e) => setNetId((e.currentTarget as HTMLSelectElement).value)}>
            <option value="default">{t('digitDefaultNet')}</option>
            {nets.map((n) => (
              <option key={n.id} value={n.id}>
                {n.name}
              </option>
            ))}
          </select>
        </label>
        {lab && <span class="muted small">{`${lab.bp.net.config.sizes.join('-')} · ${lab.bp.net.config.activation} · ${lab.bp.net.config.cost}`}</span>}
      </div>
      <div class="row" style={{ alignItems: 'flex-start' }}>
        <SketchPad
          key={padKey}
          onChange={onStrokes}
          background={padTouched ? null : (sample?.image ?? null)}
          labels={{ pad: t('digitPad'), undo: t('digitUndo'), clear: t('digitClear') }}
        />
      </div>
      <div class="row small">
        {!padTouched && sample && (
          <span class="muted" data-testid="bp-sample-note">
            {sample.index === null ? t('bpHandedOver') : t('bpSampleNote', { i: sample.index, label: data?.test.labels[sample.index] ?? '?' })}
          </span>
        )}
        <button data-testid="bp-next-sample" onClick={nextSample} disabled={!data}>
          {t('bpNextSample')}
        </button>
      </div>
      <div class="row" data-png="skip">
        <ExportButton name="backprop" data={() => exportData()} />
      </div>
      {error && (
        <div class="fail" role="alert" data-testid="bp-error">
          {error}
        </div>
      )}
      {!image && <p class="muted">{t('digitDrawPrompt')}</p>}
      {lab && sizes && image && computed && trace && leverStage && flowStage && lateStage && lastStage && batchStage && (
        <>
          <StageExample image={image} trace={trace} cost={lab.bp.net.config.cost} guess={computed.guess} target={computed.target} chosen={target} onTarget={setTarget} />
          <StageWant trace={trace} target={computed.target} />
          <Pure deps={[leverStage, pickedOutput]} render={() => <StageLevers net={lab.bp.net} trace={leverStage.trace} output={pickedOutput} onOutput={setOutput} />} />
          <Pure deps={[flowStage, colors]} render={() => <StageFlow net={lab.bp.net} trace={flowStage.trace} colors={colors} />} />
          <Pure
            deps={[lateStage, pickedLink.l, pickedLink.j, pickedLink.k, colors]}
            render={() => (
              <StageGradient
                sizes={sizes}
                image={lateStage.image}
                trace={lateStage.trace}
                target={lateStage.target}
                picked={pickedLink}
                onPick={setLink}
                onOutput={setOutput}
                colors={colors}
              />
            )}
          />
          <Pure
            deps={[lastStage, pickedLink.l, pickedLink.j, pickedLink.k]}
            render={() => <StageChain net={lab.bp.net} trace={lastStage.trace} target={lastStage.target} link={pickedLink} onLink={setLink} />}
          />
          <StageStep
            eta={eta}
            onEta={setEta}
            onStep={() => applyStep(trace, 'single')}
            onUndo={undo}
            onReset={reset}
            onSave={save}
            steps={steps}
            canUndo={undoStack.current.length > 0}
            report={report}
            accuracy={(v) => accs[v]}
            version={version}
            saved={saved}
            evalCount={EVAL_COUNT}
          />
          {data && (
            <Pure
              deps={[batchStage, eta, data]}
              render={() => (
                <StageBatch
                  bp={lab.bp}
                  image={batchStage.image}
                  target={batchStage.target}
                  trace={batchStage.trace}
                  eta={eta}
                  data={data}
                  onApply={(g: BatchGradient) => applyStep(g, 'batch')}
                  onTiming={onBatchTiming}
                />
              )}
            />
          )}
        </>
      )}
      <p
        class="muted small"
        data-testid="bp-timing"
        data-compute-median={Number.isFinite(cm) ? cm.toFixed(4) : ''}
        data-compute-n={computeMs.current.length}
        data-batch-median={Number.isFinite(bm) ? bm.toFixed(4) : ''}
        data-batch-n={batchMs.current.length}
      >
        {Number.isFinite(cm) ? t('bpTiming', { ms: cm.toFixed(2), n: computeMs.current.length }) : ''}
        {Number.isFinite(bm) ? ` · ${t('bpBatchTiming', { ms: bm.toFixed(2), n: batchMs.current.length })}` : ''}
      </p>
    </section>
  );
}
