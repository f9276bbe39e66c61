import { describe, expect, it } from 'vitest';
import { sampleCurve, sigmoid, sigmoidDerivative, tanhDerivative } from '../../src/lstm/cell/activations';

describe('activations', () => {
  it('sigmoid matches its definition and tanh = 2 sigma(2z) - 1', () => {
    for (const z of [-5, -1, 0, 0.3, 2, 7]) {
      expect(sigmoid(z)).toBeCloseTo(1 / (1 + Math.exp(-z)), 14);
      expect(Math.tanh(z)).toBeCloseTo(2 * sigmoid(2 * z) - 1, 14);
    }
    expect(sigmoid(0)).toBe(0.5);
  });

  it('does not overflow far from zero', () => {
    expect(sigmoid(-1000)).toBe(0);
    expect(sigmoid(1000)).toBe(1);
    expect(Number.isNaN(sigmoid(-800))).toBe(false);
  });

  it('derivatives equal central differences and peak at 1/4 and 1', () => {
    const h = 1e-5;
    for (const z of [-3, -0.5, 0, 1.2]) {
      expect(sigmoidDerivative(z)).toBeCloseTo((sigmoid(z + h) - sigmoid(z - h)) / (2 * h), 8);
      expect(tanhDerivative(z)).toBeCloseTo((Math.tanh(z + h) - Math.tanh(z - h)) / (2 * h), 8);
    }
    expect(sigmoidDerivative(0)).toBe(0.25);
    expect(tanhDerivative(0)).toBe(1);
  });

  it('samples a curve including both ends', () => {
    const pts = sampleCurve((z) => 2 * z, -1, 1, 5);
    expect(pts.map((p) => p.z)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(pts.map((p) => p.y)).toEqual([-2, -1, 0, 1, 2]);
  });
});
