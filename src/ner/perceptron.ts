import { LABELS } from './labels.js';
import type { Scorer } from './decode.js';

const L = LABELS.length;

/**
 * An averaged multiclass perceptron over string features, for training: a growing feature
 * dictionary, weights per (feature, label) in flat arrays, and the running sums that give the
 * averaged weights (Daumé's trick: average = w − u / c).
 */
export class AveragedPerceptron implements Scorer {
  readonly ids = new Map<string, number>();
  readonly names: string[] = [];
  private w = new Float64Array(L * 1024);
  private u = new Float64Array(L * 1024);
  /** How often each feature occurred in the first epoch (features seen once are dropped on export). */
  private seen = new Uint32Array(1024);
  private c = 1;
  counting = true;

  get size(): number {
    return this.names.length;
  }

  /** The id of a feature, added when new. */
  id(feature: string): number {
    let id = this.ids.get(feature);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(feature, id);
      this.names.push(feature);
      if (id >= this.seen.length) this.grow();
    }
    return id;
  }

  private grow(): void {
    const n = this.seen.length * 2;
    const w = new Float64Array(L * n);
    w.set(this.w);
    const u = new Float64Array(L * n);
    u.set(this.u);
    const s = new Uint32Array(n);
    s.set(this.seen);
    this.w = w;
    this.u = u;
    this.seen = s;
  }

  add(ids: ArrayLike<number>, out: Float64Array): void {
    const w = this.w;
    for (let k = 0; k < ids.length; k++) {
      const base = ids[k] * L;
      for (let l = 0; l < L; l++) out[l] += w[base + l];
    }
  }

  /** One training step for a token: count its features; on a mistake, move weight from the predicted to the gold label. */
  step(ids: readonly number[], gold: number, predicted: number): void {
    if (this.counting) for (const id of ids) this.seen[id]++;
    if (gold !== predicted) {
      const c = this.c;
      for (const id of ids) {
        const b = id * L;
        this.w[b + gold] += 1;
        this.u[b + gold] += c;
        this.w[b + predicted] -= 1;
        this.u[b + predicted] -= c;
      }
    }
    this.c++;
  }

  /** The averaged weights of the features seen at least `minCount` times, as (feature, weights) pairs in id order. */
  averaged(minCount: number): { names: string[]; weights: Float64Array } {
    const keep: number[] = [];
    for (let id = 0; id < this.names.length; id++) if (this.seen[id] >= minCount) keep.push(id);
    const weights = new Float64Array(keep.length * L);
    keep.forEach((id, k) => {
      for (let l = 0; l < L; l++) weights[k * L + l] = this.w[id * L + l] - this.u[id * L + l] / this.c;
    });
    return { names: keep.map((id) => this.names[id]), weights };
  }
}
