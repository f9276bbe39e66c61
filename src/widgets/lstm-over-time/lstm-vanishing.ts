/**
 * <kit-lstm-vanishing>: chapter 1's vanishing-gradient picture with an LSTM beside the vanilla
 * RNN. Both read the same random inputs; the loss at the last step is backpropagated with the
 * hand-derived passes (src/lstm/cell/rnn-backward.ts, src/lstm/cell/backward.ts) and the norm of the
 * gradient reaching each earlier step is drawn on one log-scale plot.
 */
import { sigmoid } from '../../lstm/cell/activations';
import { gradientReach } from '../../lstm/cell/demos-over-time';
import { el, type Slider } from '../kit/dom';
import { fmt, fmtSci } from '../kit/format';
import { drawPlot, gradientNormFrame, Plot } from '../kit/plot';
import { defineWidget, KitWidget } from '../kit/widget';
import './lstm-vanishing.css';

// Norms below this are drawn at this floor: a log axis cannot show zero.
const FLOOR = 1e-30;
const SERIES = ['vanilla RNN: ‖∂L/∂hₜ‖', 'LSTM: ‖∂L/∂Cₜ‖ (cell state)', 'LSTM: ‖∂L/∂hₜ‖'] as const;
const COLOURS = ['#d9480f', '#2f6fd6', '#0a9b77'];
const schema = {
  length: { kind: 'integer', default: 60, min: 5, max: 100 },
  scale: { kind: 'number', default: 1, min: 0.1, max: 2, step: 0.05 },
  bias: { kind: 'number', default: 1, min: -2, max: 6, step: 0.25 },
} as const;

class LstmVanishingWidget extends KitWidget<typeof schema> {
  protected readonly schema = schema;
  private lengthSlider!: Slider;
  private scaleSlider!: Slider;
  private biasSlider!: Slider;
  private plot!: HTMLElement;
  private readout!: HTMLElement;

  protected build(): void {
    this.lengthSlider = this.sliderFor('length', 'Sequence length T');
    this.scaleSlider = this.sliderFor('scale', 'RNN: size of W_h', (x) => fmt(x, 2));
    this.biasSlider = this.sliderFor(
      'bias',
      'LSTM: forget-gate bias b_f',
      (x) => `${fmt(x, 2)} (σ = ${fmt(sigmoid(x), 2)})`,
    );
    this.plot = el('div', { className: 'plot', 'data-role': 'plot' });
    this.readout = el('p', { className: 'readout', 'data-role': 'readout', 'aria-live': 'polite' });
    this.append(
      el('div', { className: 'controls' }, this.lengthSlider.root, this.scaleSlider.root, this.biasSlider.root),
      this.plot,
      this.readout,
    );
  }

  protected update(): void {
    const { length, scale, bias } = this.state;
    this.lengthSlider.set(length);
    this.scaleSlider.set(scale);
    this.biasSlider.set(bias);
    const reach = gradientReach({ length, rnnScale: scale, forgetBias: bias });
    const series = [reach.rnnH, reach.lstmC, reach.lstmH];
    const data = series.flatMap((norms, k) =>
      norms.map((n, t) => ({ t, value: Math.max(n, FLOOR), series: SERIES[k] })),
    );
    let lo = 1;
    let hi = 1;
    for (const d of data) {
      lo = Math.min(lo, d.value);
      hi = Math.max(hi, d.value);
    }
    drawPlot(this.plot, {
      ...gradientNormFrame(this.plotWidth(), length, [lo, hi], { decades: true }),
      color: { domain: [...SERIES], range: COLOURS, legend: true },
      marks: [
        Plot.ruleY([1], { strokeOpacity: 0.4 }),
        Plot.line(
          data.filter((d) => d.series === SERIES[2]),
          { x: 't', y: 'value', stroke: 'series', strokeDasharray: '5,4', strokeWidth: 1.5 },
        ),
        Plot.line(
          data.filter((d) => d.series !== SERIES[2]),
          { x: 't', y: 'value', z: 'series', stroke: 'series', strokeWidth: 2.5 },
        ),
      ],
      ariaLabel: 'Gradient norm reaching each step, RNN against LSTM',
      ariaDescription: `T = ${length}: at t = 0 the RNN's gradient is ${fmtSci(reach.rnnH[0])}, the LSTM's cell-state gradient ${fmtSci(reach.lstmC[0])}.`,
    });
    this.readout.textContent =
      `Gradient reaching t = 0 from the loss at T = ${length}: ` +
      `RNN ${fmtSci(reach.rnnH[0])}, LSTM cell state ${fmtSci(reach.lstmC[0])}, LSTM hidden state ${fmtSci(reach.lstmH[0])}. ` +
      `The LSTM's forget gates average ${fmt(reach.meanForget)}; ${fmt(reach.meanForget)}^${length} = ${fmtSci(reach.meanForget ** length)}.`;
  }
}

defineWidget('kit-lstm-vanishing', LstmVanishingWidget);
