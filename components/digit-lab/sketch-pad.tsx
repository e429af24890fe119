import { useStrokes } from '@/components/digit-lab/use-strokes';
import { PAD_SIZE, PEN_WIDTH, type Stroke } from '@/features/digits/types';

export interface SketchPadLabels {
  /** Accessible name of the drawing surface. */
  pad: string;
  undo: string;
  clear: string;
}

export interface SketchPadProps {
  /**
   * Every stroke so far, on every pointer event (and after undo or clear), with
   * the time of the event that caused it (performance.now() clock), so callers
   * can measure input-to-update latency from the real event.
   */
  onChange: (strokes: readonly Stroke[], eventTime: number) => void;
  /** Side in CSS pixels; at least 280 so a finger can draw. */
  size?: number;
  /** Pen diameter in CSS pixels; give the preprocessor the same value. */
  penWidth?: number;
  labels?: Partial<SketchPadLabels>;
  /**
   * A 28x28 input (values in [0, 1]) shown enlarged while nothing is drawn: a digit that came from
   * elsewhere (an MNIST image, the popup's drawing). The first stroke replaces it.
   */
  background?: Float32Array | null;
}

const DEFAULT_LABELS: SketchPadLabels = { pad: 'Drawing pad: draw a digit', undo: 'Undo', clear: 'Clear' };

/** Square drawing pad for mouse, touch and pen; strokes in CSS pixels of the pad. */
export function SketchPad({ onChange, size = PAD_SIZE, penWidth = PEN_WIDTH, labels, background = null }: SketchPadProps) {
  const side = Math.max(PAD_SIZE, size);
  const text = { ...DEFAULT_LABELS, ...labels };
  const { canvasRef, count, onPointerDown, onPointerMove, end, undo, clear, onKeyDown } = useStrokes({
    onChange,
    side,
    penWidth,
    background,
  });

  // aria-disabled rather than disabled: a disabled button drops keyboard focus right after it is used.
  const idle = count === 0;
  const dim = idle ? { opacity: 0.6, cursor: 'default' } : undefined;
  return (
    <div class="stack" style={{ width: `${side}px` }}>
      <canvas
        ref={canvasRef}
        data-testid="digit-pad"
        role="img"
        aria-label={text.pad}
        aria-keyshortcuts="Control+Z Backspace Delete"
        tabIndex={0}
        style={{
          width: `${side}px`,
          height: `${side}px`,
          display: 'block',
          touchAction: 'none',
          cursor: 'crosshair',
          background: 'var(--panel)',
          border: '1px solid var(--border)',
          borderRadius: '8px',
        }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={end}
        onPointerCancel={end}
        onLostPointerCapture={end}
        onKeyDown={onKeyDown}
      />
      <div class="row">
        <button type="button" data-testid="digit-undo" aria-disabled={idle} style={dim} onClick={undo} title="Ctrl+Z">
          {text.undo}
        </button>
        <button type="button" data-testid="digit-clear" aria-disabled={idle} style={dim} onClick={clear} title="Delete">
          {text.clear}
        </button>
      </div>
    </div>
  );
}
