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
import { LSTM_VANISHING_WORDS } from './lstm-vanishing.words';

// Norms below this are drawn at this floor: a log axis cannot show zero.
const FLOOR = 1e-30;
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
    const w = LSTM_VANISHING_WORDS.now();
    this.lengthSlider = this.sliderFor('length', w.length);
    this.scaleSlider = this.sliderFor('scale', w.scale, (x) => fmt(x, 2));
    this.biasSlider = this.sliderFor('bias', w.bias, (x) => `${fmt(x, 2)} (σ = ${fmt(sigmoid(x), 2)})`);
    this.plot = el('div', { className: 'plot', 'data-role': 'plot' });
    this.readout = el('p', { className: 'readout', 'data-role': 'readout', 'aria-live': 'polite' });
    this.append(
      el('div', { className: 'controls' }, this.lengthSlider.root, this.scaleSlider.root, this.biasSlider.root),
      this.plot,
      this.readout,
    );
  }

  protected update(): void {
    const w = LSTM_VANISHING_WORDS.now();
    const names = w.series;
    const { length, scale, bias } = this.state;
    this.lengthSlider.set(length);
    this.scaleSlider.set(scale);
    this.biasSlider.set(bias);
    const reach = gradientReach({ length, rnnScale: scale, forgetBias: bias });
    const series = [reach.rnnH, reach.lstmC, reach.lstmH];
    const data = series.flatMap((norms, k) =>
      norms.map((n, t) => ({ t, value: Math.max(n, FLOOR), series: names[k] })),
    );
    let lo = 1;
    let hi = 1;
    for (const d of data) {
      lo = Math.min(lo, d.value);
      hi = Math.max(hi, d.value);
    }
    drawPlot(this.plot, {
      ...gradientNormFrame(this.plotWidth(), length, [lo, hi], { decades: true }),
      color: { domain: [...names], range: COLOURS, legend: true },
      marks: [
        Plot.ruleY([1], { strokeOpacity: 0.4 }),
        Plot.line(
          data.filter((d) => d.series === names[2]),
          { x: 't', y: 'value', stroke: 'series', strokeDasharray: '5,4', strokeWidth: 1.5 },
        ),
        Plot.line(
          data.filter((d) => d.series !== names[2]),
          { x: 't', y: 'value', z: 'series', stroke: 'series', strokeWidth: 2.5 },
        ),
      ],
      ariaLabel: w.plotLabel,
      ariaDescription: w.plotDescription(length, fmtSci(reach.rnnH[0]), fmtSci(reach.lstmC[0])),
    });
    this.readout.textContent = w.readout({
      length,
      rnn: fmtSci(reach.rnnH[0]),
      cell: fmtSci(reach.lstmC[0]),
      hidden: fmtSci(reach.lstmH[0]),
      forget: fmt(reach.meanForget),
      power: fmtSci(reach.meanForget ** length),
    });
  }
}

defineWidget('kit-lstm-vanishing', LstmVanishingWidget);
