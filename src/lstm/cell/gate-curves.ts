/**
 * The activation curves of the one-unit cell's gates and where each gate stands on its curve,
 * as chapter 2's widget plots them: σ(z) for the forget, input and output gates, tanh(z) for the
 * candidate C~, and tfjs's default hardSigmoid beside each σ for comparison. Pure data: the
 * widget draws it.
 */
import { sampleCurve, sigmoid } from './activations';
import { CELL_GATES, hardSigmoid, type CellGate, type GateReading, type OneUnitReading } from './one-unit';

/** The curves' names, as the legend shows them. */
export const CURVE_NAMES = ['σ(z), logistic', 'tanh(z)', 'hardSigmoid(z), tfjs default'] as const;

/** The plots run over z in [−Z_MAX, Z_MAX]; pre-activations beyond are drawn at the edge. */
export const Z_MAX = 8;

// Operating-point labels are centred on their point, but no nearer the panel's edge than this
// (half as near for the longer label of a point beyond the chart).
const LABEL_Z = 4.5;

/** Below these slopes a gate is flat where it stands: weights barely move it, gradients vanish. */
export const SATURATED = { sigmoid: 0.01, tanh: 0.04 } as const;

/** A sample (z, y) of a gate's curve. */
export interface GateCurvePoint {
  z: number;
  y: number;
  gate: CellGate;
  curve: (typeof CURVE_NAMES)[number];
}

/** The curve a gate's activation follows: tanh for the candidate, σ otherwise. */
export function curveOf(gate: CellGate): (typeof CURVE_NAMES)[number] {
  return gate === 'c' ? CURVE_NAMES[1] : CURVE_NAMES[0];
}

/** Each gate's activation sampled at 161 values of z in [−Z_MAX, Z_MAX]. */
export function gateCurves(): GateCurvePoint[] {
  return CELL_GATES.flatMap((gate) =>
    sampleCurve(gate === 'c' ? Math.tanh : sigmoid, -Z_MAX, Z_MAX).map((p) => ({ ...p, gate, curve: curveOf(gate) })),
  );
}

/** hardSigmoid sampled at 81 values of z in [−Z_MAX, Z_MAX], once per sigmoid gate (f, i, o). */
export function hardSigmoidCurves(): GateCurvePoint[] {
  return (['f', 'i', 'o'] as const).flatMap((gate) =>
    sampleCurve(hardSigmoid, -Z_MAX, Z_MAX, 81).map((p) => ({ ...p, gate, curve: CURVE_NAMES[2] })),
  );
}

/** Whether a gate's slope at its pre-activation is below {@link SATURATED}'s threshold for its curve. */
export function isSaturated(gate: CellGate, slope: number): boolean {
  return slope < (gate === 'c' ? SATURATED.tanh : SATURATED.sigmoid);
}

/** Where a gate stands on its curve, as plotted. */
export interface OperatingPoint {
  gate: CellGate;
  /** The pre-activation, clamped into [−Z_MAX, Z_MAX]. */
  z: number;
  /** The gate's value (σ(z) or tanh(z) of the true z). */
  y: number;
  curve: (typeof CURVE_NAMES)[number];
  /** Where its label is centred: inwards of the point near an edge, so that it stays in the panel. */
  labelZ: number;
  /** Whether the true z lies beyond the plotted range. */
  beyond: boolean;
  /** The gate's reading. */
  reading: GateReading;
}

/** Clamps z into the plotted range [−Z_MAX, Z_MAX]. */
export function clampZ(z: number): number {
  return Math.max(-Z_MAX, Math.min(Z_MAX, z));
}

/** The operating point of every gate of a step, in the order f, i, c, o. */
export function operatingPoints(r: OneUnitReading): OperatingPoint[] {
  return CELL_GATES.map((gate) => {
    const reading = r[gate];
    const z = clampZ(reading.z);
    const beyond = z !== reading.z;
    return {
      gate,
      z,
      y: reading.value,
      curve: curveOf(gate),
      labelZ: Math.max(-LABEL_Z, Math.min(LABEL_Z, z)) * (beyond ? 0.5 : 1),
      beyond,
      reading,
    };
  });
}

/** Where each sigmoid gate (f, i, o) would stand with hardSigmoid instead, at the same (clamped) z. */
export function hardSigmoidPoints(r: OneUnitReading): { gate: CellGate; z: number; y: number }[] {
  return (['f', 'i', 'o'] as const).map((gate) => ({ gate, z: clampZ(r[gate].z), y: hardSigmoid(r[gate].z) }));
}
