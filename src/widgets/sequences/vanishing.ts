/**
 * <kit-vanishing>: how the gradient reaching h_t from the last state h_T shrinks (or grows) with
 * the distance T - t, for a chosen size of the recurrent matrix. The Jacobians come from the
 * hand-derived chain rule in src/lstm/cell/rnn.ts; a button checks them with tfjs's autodiff.
 */
import { VANISHING_RNN, vanishingRun } from '../../lstm/cell/demos';
import { gaussianArray, mulberry32 } from '../../lstm/cell/random';
import { vectorJacobianProduct } from '../../lstm/cell/rnn';
import { rnnStateGradientsTf } from '../../lstm/cell/rnn-tf';
import { el, type Slider } from '../kit/dom';
import { fmt, fmtSci } from '../kit/format';
import { drawPlot, gradientNormFrame, Plot } from '../kit/plot';
import { loadTf } from '../kit/tf';
import { defineWidget, KitWidget } from '../kit/widget';
import { VANISHING_WORDS } from './vanishing.words';

const UNITS = VANISHING_RNN.units;
// Norms below this are plotted at this floor: a log axis cannot show zero.
const FLOOR = 1e-30;

const schema = {
  scale: { kind: 'number', default: 1, min: 0.1, max: 3, step: 0.05 },
  length: { kind: 'integer', default: 40, min: 5, max: 100 },
} as const;

type Run = ReturnType<typeof vanishingRun>;

class VanishingWidget extends KitWidget<typeof schema> {
  protected readonly schema = schema;
  private scaleSlider!: Slider;
  private lengthSlider!: Slider;
  private plot!: HTMLElement;
  private readout!: HTMLElement;
  private checkButton!: HTMLButtonElement;
  private checkResult!: HTMLElement;
  private run!: Run;

  protected build(): void {
    const w = VANISHING_WORDS.now();
    this.scaleSlider = this.sliderFor('scale', w.scale, (x) => fmt(x, 2));
    this.lengthSlider = this.sliderFor('length', w.length);
    this.plot = el('div', { className: 'plot', 'data-role': 'plot' });
    this.readout = el('p', { className: 'readout', 'data-role': 'readout', 'aria-live': 'polite' });
    this.checkButton = el('button', { type: 'button' }, w.check);
    this.checkButton.addEventListener('click', () => void this.checkWithTf());
    this.checkResult = el('span', { className: 'note', 'data-role': 'check', 'aria-live': 'polite' });
    this.append(
      el('div', { className: 'controls' }, this.scaleSlider.root, this.lengthSlider.root),
      this.plot,
      this.readout,
      el('div', { className: 'controls' }, this.checkButton, this.checkResult),
    );
  }

  protected update(): void {
    const w = VANISHING_WORDS.now();
    const { scale, length } = this.state;
    this.scaleSlider.set(scale);
    this.lengthSlider.set(length);
    this.checkResult.textContent = '';
    this.run = vanishingRun(scale, length);
    const { norms } = this.run;
    const data = norms.map((n, t) => ({ t, value: Math.max(n, FLOOR), series: w.measured }));
    const bound = norms.map((_, t) => ({
      t,
      value: Math.max(scale ** (length - t), FLOOR),
      series: w.bound,
    }));
    const yMin = Math.max(FLOOR, Math.min(...data.map((d) => d.value), ...bound.map((d) => d.value)));
    const yMax = Math.max(1, ...data.map((d) => d.value), ...bound.map((d) => d.value));
    drawPlot(this.plot, {
      ...gradientNormFrame(this.plotWidth(), length, [yMin, yMax]),
      color: { domain: [w.measured, w.bound], range: ['#2f6fd6', '#8a8f98'], legend: true },
      marks: [
        Plot.ruleY([1], { strokeOpacity: 0.4 }),
        Plot.line(bound, { x: 't', y: 'value', z: 'series', stroke: 'series', strokeDasharray: '5,4' }),
        Plot.line(data, { x: 't', y: 'value', z: 'series', stroke: 'series', strokeWidth: 2.5 }),
        Plot.dot(data, { x: 't', y: 'value', fill: 'series', r: 2 }),
      ],
      ariaLabel: w.plotLabel,
      ariaDescription: w.plotDescription(fmt(scale, 2), length, fmtSci(norms[0])),
    });
    const halfway = Math.floor(length / 2);
    this.readout.textContent = w.readout({
      last: length - 1,
      lastNorm: fmtSci(norms[length - 1]),
      half: halfway,
      halfNorm: fmtSci(norms[halfway]),
      length,
      firstNorm: fmtSci(norms[0]),
    });
  }

  private async checkWithTf(): Promise<void> {
    const w = VANISHING_WORDS.now();
    this.checkButton.disabled = true;
    this.checkResult.textContent = w.loading;
    try {
      const { tf, backend } = await loadTf();
      this.showBackend(backend.label, backend.reason);
      const { weights, xs, jacobians } = this.run;
      // dL/dh_t for L = u · h_T with a fixed direction u: one row combination of each Jacobian.
      const u = gaussianArray(UNITS, mulberry32(5));
      const fromTf = rnnStateGradientsTf(tf, weights, xs, u);
      let worst = 0;
      jacobians.forEach((J, t) => {
        const ref = vectorJacobianProduct(u, J, UNITS);
        const scale = Math.max(...Array.from(ref, Math.abs));
        if (scale < 1e-30) return; // Both are zero to float32 precision; nothing to compare.
        const diff = Math.max(...Array.from(ref, (r, k) => Math.abs(r - fromTf[t][k])));
        worst = Math.max(worst, diff / scale);
      });
      this.checkResult.textContent = w.checked(worst < 1e-3, jacobians.length, fmtSci(worst));
      this.checkResult.dataset.relativeError = String(worst);
    } catch (e) {
      this.showError(w.failed((e as Error).message));
      this.checkResult.textContent = '';
    } finally {
      this.checkButton.disabled = false;
    }
  }
}

defineWidget('kit-vanishing', VanishingWidget);
