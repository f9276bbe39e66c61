/**
 * The one-unit LSTM cell of chapter 2: two input features, one unit, so that every weight is a
 * single number a reader can set. The cell's parameters are a flat record (the widget keeps it
 * in the URL); this module turns it into {@link LstmWeights} in the Keras/tfjs layout, runs the
 * kit's {@link lstmStep}, and spells out every term of every equation.
 */
import { sigmoidDerivative, tanhDerivative } from './activations';
import { lstmStep } from './cell';
import type { LstmWeights } from './weights';

/**
 * Everything that decides one step of the one-unit cell. Gate names follow the chapter: `f`
 * forget, `i` input, `c` the candidate C~, `o` output; `w<gate>1`, `w<gate>2` weigh x_1 and x_2,
 * `u<gate>` weighs h_{t-1}, `b<gate>` is the bias.
 */
export interface OneUnitCell {
  /** First input feature x_1. */
  x1: number;
  /** Second input feature x_2. */
  x2: number;
  /** Previous hidden state h_{t-1}. */
  hPrev: number;
  /** Previous cell state C_{t-1}. */
  cPrev: number;
  wf1: number;
  wf2: number;
  uf: number;
  bf: number;
  wi1: number;
  wi2: number;
  ui: number;
  bi: number;
  wc1: number;
  wc2: number;
  uc: number;
  bc: number;
  wo1: number;
  wo2: number;
  uo: number;
  bo: number;
}

/** The four gates of the cell in the order the chapter explains them. */
export const CELL_GATES = ['f', 'i', 'c', 'o'] as const;

/** A gate of the one-unit cell: forget, input, candidate, output. */
export type CellGate = (typeof CELL_GATES)[number];

/** The keys of a gate's four parameters, e.g. `['wf1', 'wf2', 'uf', 'bf']` for the forget gate. */
export function gateKeys(gate: CellGate): [keyof OneUnitCell, keyof OneUnitCell, keyof OneUnitCell, keyof OneUnitCell] {
  return [`w${gate}1`, `w${gate}2`, `u${gate}`, `b${gate}`];
}

/** Allowed range and step of each kind of parameter: what the sliders offer and the URL accepts. */
export const CELL_LIMITS = {
  /** Input features x_1, x_2. */
  x: { min: -2, max: 2, step: 0.05 },
  /** h_{t-1}: a previous h_t = o_t tanh(C_t) lies in (-1, 1). */
  h: { min: -1, max: 1, step: 0.05 },
  /** C_{t-1}: the cell state is not squashed, so it may exceed 1. */
  c: { min: -3, max: 3, step: 0.05 },
  /** Input and recurrent weights and biases: wide enough to saturate any gate. */
  weight: { min: -10, max: 10, step: 0.1 },
} as const;

/** Which entry of {@link CELL_LIMITS} applies to a parameter. */
export function limitsOf(key: keyof OneUnitCell): (typeof CELL_LIMITS)[keyof typeof CELL_LIMITS] {
  if (key === 'x1' || key === 'x2') return CELL_LIMITS.x;
  if (key === 'hPrev') return CELL_LIMITS.h;
  if (key === 'cPrev') return CELL_LIMITS.c;
  return CELL_LIMITS.weight;
}

/**
 * The cell's weights in the `tf.layers.lstm` layout, gate blocks i, f, c, o: kernel `[2, 4]`
 * (row k holds the weights of x_k), recurrent kernel `[1, 4]`, bias `[4]`.
 */
export function oneUnitWeights(p: OneUnitCell): LstmWeights {
  return {
    inputDim: 2,
    units: 1,
    kernel: Float64Array.of(p.wi1, p.wf1, p.wc1, p.wo1, p.wi2, p.wf2, p.wc2, p.wo2),
    recurrentKernel: Float64Array.of(p.ui, p.uf, p.uc, p.uo),
    bias: Float64Array.of(p.bi, p.bf, p.bc, p.bo),
  };
}

/** One gate's equation with numbers: value = act(w_1 x_1 + w_2 x_2 + u h_{t-1} + b). */
export interface GateReading {
  /** The four terms w_1 x_1, w_2 x_2, u h_{t-1}, b, in that order. */
  terms: [number, number, number, number];
  /** Their sum, the pre-activation z. */
  z: number;
  /** The gate's value: σ(z) for f, i, o; tanh(z) for the candidate. */
  value: number;
  /** The slope of the activation at z, σ'(z) or tanh'(z): how much a small change of z moves the value. */
  slope: number;
}

/** Every number of one step of the one-unit cell. */
export interface OneUnitReading {
  /** Forget gate f_t. */
  f: GateReading;
  /** Input gate i_t. */
  i: GateReading;
  /** Candidate C~_t. */
  c: GateReading;
  /** Output gate o_t. */
  o: GateReading;
  /** f_t C_{t-1}: what the belt keeps of the old memory. */
  kept: number;
  /** i_t C~_t: what the input gate writes onto the belt. */
  written: number;
  /** The new cell state C_t = f_t C_{t-1} + i_t C~_t. */
  cNew: number;
  /** tanh(C_t). */
  tanhC: number;
  /** The new hidden state h_t = o_t tanh(C_t). */
  h: number;
}

function gateReading(p: OneUnitCell, gate: CellGate, z: number, value: number): GateReading {
  const [k1, k2, ku, kb] = gateKeys(gate);
  return {
    terms: [p[k1] * p.x1, p[k2] * p.x2, p[ku] * p.hPrev, p[kb]],
    z,
    value,
    slope: gate === 'c' ? tanhDerivative(z) : sigmoidDerivative(z),
  };
}

/** One step of the one-unit cell, computed by the kit's {@link lstmStep}, with every term spelled out. */
export function oneUnitStep(p: OneUnitCell): OneUnitReading {
  const s = lstmStep(
    oneUnitWeights(p),
    Float64Array.of(p.x1, p.x2),
    Float64Array.of(p.hPrev),
    Float64Array.of(p.cPrev),
  );
  const f = s.f[0];
  const i = s.i[0];
  const cTilde = s.cTilde[0];
  return {
    f: gateReading(p, 'f', s.zF[0], f),
    i: gateReading(p, 'i', s.zI[0], i),
    c: gateReading(p, 'c', s.zCTilde[0], cTilde),
    o: gateReading(p, 'o', s.zO[0], s.o[0]),
    kept: f * p.cPrev,
    written: i * cTilde,
    cNew: s.c[0],
    tanhC: s.tanhC[0],
    h: s.h[0],
  };
}

/** tfjs's `hardSigmoid`, the default `recurrentActivation` of its LSTM layer: clip(0.2 z + 0.5, 0, 1). */
export function hardSigmoid(z: number): number {
  return Math.min(1, Math.max(0, 0.2 * z + 0.5));
}

/** The gates and states a tfjs LSTM layer left at its default `recurrentActivation: 'hardSigmoid'` would compute. */
export interface HardSigmoidReading {
  f: number;
  i: number;
  o: number;
  /** The candidate is unchanged: tfjs keeps tanh for it. */
  cTilde: number;
  cNew: number;
  h: number;
}

/**
 * The same step with hardSigmoid gates, from the pre-activations of `reading` (which do not
 * depend on the gate activation): what an LSTM built with tfjs's defaults would compute.
 */
export function hardSigmoidStep(p: OneUnitCell, reading: OneUnitReading = oneUnitStep(p)): HardSigmoidReading {
  const f = hardSigmoid(reading.f.z);
  const i = hardSigmoid(reading.i.z);
  const o = hardSigmoid(reading.o.z);
  const cTilde = reading.c.value;
  const cNew = f * p.cPrev + i * cTilde;
  return { f, i, o, cTilde, cNew, h: o * Math.tanh(cNew) };
}

/**
 * The gradient that the belt alone carries back over `steps` steps with the same forget gate:
 * ∂C_t/∂C_{t-1} = f_t for one step (the gates do not depend on C_{t-1}), f_t^steps for many.
 */
export function beltGradient(f: number, steps = 1): number {
  return f ** steps;
}
