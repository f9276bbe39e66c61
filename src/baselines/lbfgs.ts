/**
 * L-BFGS (Nocedal 1980; Liu and Nocedal 1989): minimises a smooth function from its value and
 * gradient, approximating the inverse Hessian from the last few steps and gradient changes.
 * Deterministic: the same start gives the same iterates. Each step backtracks until the
 * Armijo condition holds, and a pair whose curvature is not positive is left out of the memory.
 */
import { checkpoint, type FitControl } from './fit.ts';

/** The function to minimise: writes its gradient at `x` into `gradient` and returns its value. */
export type Objective = (x: Float64Array, gradient: Float64Array) => number;

/** Options of {@link minimiseLbfgs}. */
export interface LbfgsOptions extends FitControl {
  /** Step and gradient-change pairs remembered (default 7). */
  memory?: number;
  /** Iterations at most (default 200). Progress counts iterations against this number. */
  maxIterations?: number;
  /** Stop when the largest gradient component is below this (default 1e-6). */
  gradientTolerance?: number;
  /** Stop when an iteration lowers the value by no more than this share of it (default 1e-14: no progress left). */
  valueTolerance?: number;
  /** Called after each iteration with the value and the largest gradient component reached. */
  onIteration?: (iteration: number, value: number, gradientNorm: number) => void;
}

/** Where the minimisation ended. */
export interface LbfgsResult {
  x: Float64Array;
  value: number;
  /** The largest gradient component at `x`. */
  gradientNorm: number;
  iterations: number;
  /** Function and gradient evaluations. */
  evaluations: number;
  /** Why it stopped. */
  reason: 'gradient' | 'value' | 'iterations' | 'line search';
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k]! * b[k]!;
  return s;
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let k = 0; k < a.length; k++) m = Math.max(m, Math.abs(a[k]!));
  return m;
}

/** Minimises `f` over vectors `[n]` from `x0` (which is not changed). */
export async function minimiseLbfgs(f: Objective, x0: Float64Array, options: LbfgsOptions = {}): Promise<LbfgsResult> {
  const {
    memory = 7,
    maxIterations = 200,
    gradientTolerance = 1e-6,
    valueTolerance = 1e-14,
    onProgress,
    onIteration,
  } = options;
  const d = x0.length;
  if (d === 0) throw new RangeError('nothing to minimise: x0 is empty');
  let x = Float64Array.from(x0);
  let g = new Float64Array(d);
  let value = f(x, g);
  let evaluations = 1;
  if (!Number.isFinite(value)) throw new RangeError(`the objective is ${value} at the start`);
  const s: Float64Array[] = [];
  const y: Float64Array[] = [];
  const rho: number[] = [];
  const alpha = new Float64Array(memory + 1);
  const direction = new Float64Array(d);
  let xNew = new Float64Array(d);
  let gNew = new Float64Array(d);
  let spareS: Float64Array = new Float64Array(d);
  let spareY: Float64Array = new Float64Array(d);
  let iterations = 0;
  let reason: LbfgsResult['reason'] = 'iterations';
  while (iterations < maxIterations) {
    if (maxAbs(g) < gradientTolerance) {
      reason = 'gradient';
      break;
    }
    await checkpoint(options);
    // Two-loop recursion: direction = -H g, with H from the remembered pairs.
    for (let k = 0; k < d; k++) direction[k] = -g[k]!;
    for (let j = s.length - 1; j >= 0; j--) {
      alpha[j] = rho[j]! * dot(s[j]!, direction);
      const yj = y[j]!;
      for (let k = 0; k < d; k++) direction[k] -= alpha[j]! * yj[k]!;
    }
    if (s.length > 0) {
      const last = s.length - 1;
      const gamma = dot(s[last]!, y[last]!) / dot(y[last]!, y[last]!);
      for (let k = 0; k < d; k++) direction[k] *= gamma;
    }
    for (let j = 0; j < s.length; j++) {
      const beta = rho[j]! * dot(y[j]!, direction);
      const sj = s[j]!;
      for (let k = 0; k < d; k++) direction[k] += (alpha[j]! - beta) * sj[k]!;
    }
    let slope = dot(g, direction);
    if (!(slope < 0)) {
      // Not a descent direction (the memory misleads): restart from steepest descent.
      s.length = y.length = rho.length = 0;
      for (let k = 0; k < d; k++) direction[k] = -g[k]!;
      slope = dot(g, direction);
    }
    // Backtracking: the first step has no curvature to go by, so it moves by at most 1.
    let step = s.length === 0 ? Math.min(1, 1 / Math.sqrt(-slope)) : 1;
    let valueNew: number;
    for (;;) {
      for (let k = 0; k < d; k++) xNew[k] = x[k]! + step * direction[k]!;
      valueNew = f(xNew, gNew);
      evaluations++;
      if (valueNew <= value + 1e-4 * step * slope) break;
      step /= 2;
      if (step < 1e-20) break;
    }
    iterations++;
    if (!(valueNew <= value)) {
      reason = 'line search';
      break;
    }
    for (let k = 0; k < d; k++) {
      spareS[k] = xNew[k]! - x[k]!;
      spareY[k] = gNew[k]! - g[k]!;
    }
    const sy = dot(spareS, spareY);
    if (sy > 1e-12 * dot(spareY, spareY)) {
      s.push(spareS);
      y.push(spareY);
      rho.push(1 / sy);
      // The oldest pair's arrays, once forgotten, hold the next pair.
      if (s.length > memory) {
        spareS = s.shift()!;
        spareY = y.shift()!;
        rho.shift();
      } else {
        spareS = new Float64Array(d);
        spareY = new Float64Array(d);
      }
    }
    const decrease = value - valueNew;
    [x, xNew] = [xNew, x];
    [g, gNew] = [gNew, g];
    value = valueNew;
    onProgress?.(iterations, maxIterations);
    onIteration?.(iterations, value, maxAbs(g));
    if (decrease <= valueTolerance * Math.abs(value)) {
      reason = 'value';
      break;
    }
  }
  if (reason === 'iterations' && maxAbs(g) < gradientTolerance) reason = 'gradient';
  return { x, value, gradientNorm: maxAbs(g), iterations, evaluations, reason };
}
