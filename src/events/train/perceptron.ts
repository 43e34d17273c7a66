/**
 * A small multi-class averaged perceptron (Collins 2002) over string features: deterministic for a
 * given seed (the order of examples in each epoch is a seeded shuffle).
 */

export interface Example {
  features: readonly string[];
  /** Index into the labels. */
  label: number;
}

/** mulberry32: a small seeded generator, so that training is reproducible. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Train and return the averaged weights per feature (features seen fewer than `minCount` times are left out). */
export function trainPerceptron(examples: readonly Example[], labels: number, opts: { epochs: number; seed: number; minCount: number }): Map<string, Float64Array> {
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of new Set(e.features)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const w = new Map<string, Float64Array>();
  const total = new Map<string, Float64Array>();
  const stamp = new Map<string, Float64Array>();
  let step = 0;
  const kept = examples.map((e) => ({ label: e.label, features: [...new Set(e.features)].filter((f) => (counts.get(f) ?? 0) >= opts.minCount) }));
  const order = kept.map((_, i) => i);
  const rand = seeded(opts.seed);
  const update = (f: string, k: number, by: number): void => {
    let wf = w.get(f);
    if (!wf) {
      wf = new Float64Array(labels);
      w.set(f, wf);
      total.set(f, new Float64Array(labels));
      stamp.set(f, new Float64Array(labels));
    }
    const tf = total.get(f)!;
    const sf = stamp.get(f)!;
    tf[k] += (step - sf[k]) * wf[k];
    sf[k] = step;
    wf[k] += by;
  };
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const idx of order) {
      const e = kept[idx];
      const scores = new Float64Array(labels);
      for (const f of e.features) {
        const wf = w.get(f);
        if (wf) for (let k = 0; k < labels; k++) scores[k] += wf[k];
      }
      let best = 0;
      for (let k = 1; k < labels; k++) if (scores[k] > scores[best]) best = k;
      step++;
      if (best !== e.label) {
        for (const f of e.features) {
          update(f, e.label, 1);
          update(f, best, -1);
        }
      }
    }
  }
  const avg = new Map<string, Float64Array>();
  for (const [f, wf] of w) {
    const tf = total.get(f)!;
    const sf = stamp.get(f)!;
    const a = new Float64Array(labels);
    for (let k = 0; k < labels; k++) a[k] = (tf[k] + (step - sf[k]) * wf[k]) / Math.max(1, step);
    avg.set(f, a);
  }
  return avg;
}
