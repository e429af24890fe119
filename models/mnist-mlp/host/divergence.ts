/** How many times above its start a run's cost must stay, and for how many steps in a row, to count as diverged. */
export const DIVERGED_FACTOR = 10;
export const DIVERGED_STEPS = 20;

/**
 * Tells a run that has diverged from one that is merely noisy. A non-finite cost is the obvious
 * case, but too large a learning rate more often ends finite: the first steps blow the weights up,
 * the softmax saturates, the ReLUs die, and the cost sits far above where it started for good
 * (cross-entropy in the tens or hundreds, accuracy at chance). A cost that stays more than
 * `DIVERGED_FACTOR` times its starting value (never less than `floor`, the cost of guessing, so a
 * saved network resumed at a low cost may still wobble) for `DIVERGED_STEPS` steps is that.
 * The quadratic cost is bounded, so for it mostly the non-finite case applies.
 */
export class DivergenceWatch {
  private base: number | null = null;
  private high = 0;

  constructor(private readonly floor: number) {}

  /** Sees one step's cost; true once the run has diverged. */
  see(cost: number): boolean {
    if (!Number.isFinite(cost)) return true;
    this.base ??= Math.max(cost, this.floor);
    this.high = cost > DIVERGED_FACTOR * this.base ? this.high + 1 : 0;
    return this.high >= DIVERGED_STEPS;
  }
}
