/**
 * <kit-rnn-step>: a vanilla RNN cell reading a sentence the reader types, one word per step,
 * with every term of h_t = tanh(W_x x_t + W_h h_{t-1} + b) printed and h_t plotted per unit.
 */
import { textToWordSequence } from '../../data/tokenizer';
import { SENTENCE_RNN, sentenceRnn } from '../../lstm/cell/demos';
import { dataTable, el, type Slider, type TableCell } from '../kit/dom';
import { fmt } from '../kit/format';
import { stepper, type Stepper } from '../kit/stepper';
import { drawPlot, Plot } from '../kit/plot';
import { defineWidget, KitWidget } from '../kit/widget';
import { RNN_STEP_WORDS } from './rnn-step.words';

const UNITS = SENTENCE_RNN.units;
const MAX_WORDS = 40;
const PLAY_INTERVAL_MS = 700;

const schema = {
  text: { kind: 'string', default: 'the film was not good at all', maxLength: 300 },
  step: { kind: 'integer', default: 1, min: 1, max: MAX_WORDS },
  scale: { kind: 'number', default: 0.9, min: 0, max: 2, step: 0.05 },
} as const;

class RnnStepWidget extends KitWidget<typeof schema> {
  protected readonly schema = schema;
  private input!: HTMLInputElement;
  private steps!: Stepper;
  private scaleSlider!: Slider;
  private terms!: HTMLElement;
  private plot!: HTMLElement;
  private words: string[] = [];

  protected build(): void {
    this.steps = this.own(
      stepper({
        onStep: (step, e) => this.set({ step }, e),
        max: MAX_WORDS,
        interval: PLAY_INTERVAL_MS,
        text: this.state.text,
        onText: (text, e) => this.set({ text, step: 1 }, e),
      }),
    );
    this.input = this.steps.input;
    this.scaleSlider = this.sliderFor('scale', RNN_STEP_WORDS.now().scale, (x) => fmt(x, 2));
    this.terms = el('div', { className: 'readout', 'data-role': 'terms', 'aria-live': 'polite' });
    this.plot = el('div', { className: 'plot', 'data-role': 'plot' });
    this.append(
      this.steps.sentence,
      this.steps.words,
      el('div', { className: 'controls' }, ...this.steps.controls, this.scaleSlider.root),
      this.terms,
      this.plot,
    );
  }

  protected update(): void {
    const w = RNN_STEP_WORDS.now();
    const { text, scale } = this.state;
    if (this.input.value !== text) this.input.value = text;
    const all = textToWordSequence(text);
    this.words = all.slice(0, MAX_WORDS);
    const T = this.words.length;
    if (T === 0) {
      this.steps.show(1, []);
      this.terms.replaceChildren(el('p', { className: 'note' }, w.empty));
      this.plot.replaceChildren();
      return;
    }
    const step = Math.min(this.state.step, T);
    this.steps.show(step, this.words);
    this.scaleSlider.set(scale);

    const { weights, xs, steps } = sentenceRnn(this.words, scale);
    const current = steps[step - 1];
    const hPrev = step > 1 ? steps[step - 2].h : new Float64Array(UNITS);

    const row = (u: number): TableCell[] => [
      { head: w.unit(u + 1) },
      fmt(current.inputTerm[u]),
      fmt(hPrev[u]),
      fmt(current.recurrentTerm[u]),
      fmt(weights.bias[u]),
      fmt(current.z[u]),
      { cell: fmt(current.h[u]), role: `h${u + 1}` },
    ];
    this.terms.replaceChildren(
      el(
        'p',
        {},
        `t = ${step}, xₜ = “${this.words[step - 1]}” = [${Array.from(xs[step - 1], (v) => fmt(v, 2)).join(', ')}]`,
      ),
      dataTable({
        head: ['', 'Wₓxₜ', 'hₜ₋₁', 'Wₕhₜ₋₁', 'b', w.sum, 'hₜ = tanh(zₜ)'],
        rows: Array.from({ length: UNITS }, (_, u) => row(u)),
      }),
      ...(all.length > MAX_WORDS ? [el('p', { className: 'note' }, w.firstWords(MAX_WORDS, all.length))] : []),
    );

    const data = steps
      .slice(0, step)
      .flatMap((s, t) => Array.from(s.h, (h, u) => ({ t: t + 1, h, unit: w.unit(u + 1) })));
    drawPlot(this.plot, {
      width: this.plotWidth(),
      height: 260,
      marginLeft: 44,
      marginBottom: 48,
      x: {
        domain: [0.5, T + 0.5],
        ticks: Array.from({ length: T }, (_, t) => t + 1),
        tickFormat: (t: number) => this.words[t - 1] ?? '',
        tickRotate: T > 10 ? -35 : 0,
        label: w.xLabel,
      },
      y: { domain: [-1, 1], label: '↑ h_t', grid: true },
      color: { legend: true },
      marks: [
        Plot.ruleY([0], { strokeOpacity: 0.4 }),
        Plot.ruleX([step], { strokeDasharray: '3,3' }),
        Plot.line(data, { x: 't', y: 'h', z: 'unit', stroke: 'unit', strokeWidth: 2, marker: 'circle' }),
      ],
      ariaLabel: w.plotLabel,
      ariaDescription: w.plotDescription(step, T, Array.from(current.h, (v) => fmt(v, 2)).join(', ')),
    });
  }
}

defineWidget('kit-rnn-step', RnnStepWidget);
