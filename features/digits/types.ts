// Shapes shared by the sketch pad (which records strokes) and the preprocessor
// (which turns them into an MNIST-style input). Coordinates are pad CSS pixels.

export interface Point {
  x: number;
  y: number;
  /** Event time in ms; kept for replay and speed-based effects, unused by the preprocessor. */
  t?: number;
  /** 0..1 from a pen or force touch; absent for mouse and plain touch. */
  pressure?: number;
}

export type Stroke = readonly Point[];

/** Side of the square pad in CSS pixels. */
export const PAD_SIZE = 280;

/**
 * Pen diameter in pad pixels. A digit drawn about 200 px tall with this pen comes
 * out with strokes about 2 px wide in the 28x28 input, close to MNIST's digits.
 */
export const PEN_WIDTH = 20;

/**
 * How pressure changes the pen: 0.5 (what browsers report when they cannot
 * measure it) keeps the nominal width, a hard press makes it 1.5x, a light one
 * thinner. Pad and preprocessor share it so the input matches what was drawn.
 */
export function pressureScale(pressure: number | undefined): number {
  if (pressure === undefined || !Number.isFinite(pressure) || pressure <= 0) return 1;
  return 0.5 + Math.min(pressure, 1);
}
