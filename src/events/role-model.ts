import shipped from '../lexicon/event-role-model.json' with { type: 'json' };

/** The role scorer's weights file (src/lexicon/event-role-model.json, made by `npm run train:events`). */
export interface RoleModelData {
  about?: string;
  /** Weights are integers: divide by `scale`. */
  scale: number;
  weights: Record<string, number>;
  training?: Record<string, unknown>;
}

export interface RoleModel {
  weights: Map<string, number>;
}

export function compileRoleModel(d: RoleModelData): RoleModel {
  return { weights: new Map(Object.entries(d.weights).map(([k, v]) => [k, v / d.scale])) };
}

const SHIPPED = compileRoleModel(shipped as RoleModelData);
let active: RoleModel = SHIPPED;

/** The scorer in use; training swaps in its folds' models (undefined: the shipped one again). */
export function useRoleModel(m: RoleModel | undefined): void {
  active = m ?? SHIPPED;
}

export const roleModel = (): RoleModel => active;

/** Probability that a candidate fills its role: the logistic of its features' summed weights. */
export function roleProbability(features: readonly string[], m: RoleModel = active): number {
  let s = 0;
  for (const f of features) s += m.weights.get(f) ?? 0;
  return 1 / (1 + Math.exp(-s));
}
