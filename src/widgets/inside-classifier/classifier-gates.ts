/**
 * <kit-classifier-gates>: inside the trained LSTM while it reads the review of the cell above:
 * the gates i_t, f_t, o_t, the candidate C~_t, the cell state C_t and the hidden state h_t of the
 * units the reader chooses, step by step, for any layer of the model; and, for the last layer,
 * what each chosen unit adds to the output's logit at the end.
 */
import { notableUnits, TRACED, unitTrace, type TracedQuantity } from '../../lstm/sentiment/trace';
import { dataTable, el } from '../kit/dom';
import { fmt, fmtInt } from '../kit/format';
import { drawPlot, Plot } from '../kit/plot';
import { defineWidget, KitWidget } from '../kit/widget';
import { currentReview, onReview, trainingHref } from '../kit/trained';
import { stepTicks } from './classifier-colours';
import { CLASSIFIER_GATES_WORDS } from './classifier-gates.words';
import '../kit/classifier.css';

/** How many units the plots follow at most. */
const MAX_UNITS = 6;
// Observable's ten categorical colours, one per chosen unit in order.
const UNIT_COLOURS = ['#4269d0', '#efb118', '#ff725c', '#6cc5b0', '#3ca951', '#ff8ab7'];

const schema = {
  layer: { kind: 'integer', default: 1, min: 1, max: 3 },
  units: { kind: 'string', default: '', maxLength: 60 },
  padding: { kind: 'boolean', default: false },
} as const;

/** The units written in a list such as "3, 17 40" (1-based), valid and distinct, in the order written. */
export function parseUnitList(list: string, units: number): { picked: number[]; rejected: string[] } {
  const picked: number[] = [];
  const rejected: string[] = [];
  for (const part of list.split(/[\s,;]+/).filter(Boolean)) {
    const u = Number(part);
    if (!Number.isInteger(u) || u < 1 || u > units) rejected.push(part);
    else if (!picked.includes(u - 1)) picked.push(u - 1);
  }
  return { picked: picked.slice(0, MAX_UNITS), rejected };
}

class ClassifierGatesWidget extends KitWidget<typeof schema> {
  protected readonly schema = schema;
  private note!: HTMLElement;
  private layerSelect!: HTMLSelectElement;
  private unitsInput!: HTMLInputElement;
  private autoButton!: HTMLButtonElement;
  private paddingBox!: HTMLInputElement;
  private unitsNote!: HTMLElement;
  private legend!: HTMLElement;
  private grid!: HTMLElement;
  private plots = new Map<TracedQuantity, HTMLElement>();
  private table!: HTMLElement;

  protected build(): void {
    const w = CLASSIFIER_GATES_WORDS.now();
    this.note = el('p', { className: 'kit-status', 'data-role': 'review-note', 'aria-live': 'polite' });
    this.layerSelect = el('select', { name: 'layer', 'aria-label': w.layerLabel });
    this.layerSelect.addEventListener('change', (e) => this.set({ layer: Number(this.layerSelect.value) }, e));
    this.unitsInput = el('input', {
      type: 'text',
      name: 'units',
      value: this.state.units,
      maxlength: 60,
      size: 14,
      spellcheck: false,
      placeholder: w.placeholder,
    });
    this.unitsInput.addEventListener('input', (e) => this.set({ units: this.unitsInput.value }, e));
    this.autoButton = el('button', { type: 'button', 'data-role': 'auto-units' }, w.auto);
    this.autoButton.addEventListener('click', (e) => this.set({ units: '' }, e));
    this.paddingBox = el('input', { type: 'checkbox', name: 'padding' });
    this.paddingBox.addEventListener('change', (e) => this.set({ padding: this.paddingBox.checked }, e));
    this.unitsNote = el('p', { className: 'readout', 'data-role': 'units-note', 'aria-live': 'polite' });
    this.legend = el('div', { className: 'plot', 'data-role': 'unit-legend' });
    this.grid = el('div', { className: 'classifier-grid' });
    for (const q of TRACED) {
      const plot = el('div', { className: 'plot', 'data-role': `trace-${q}` });
      this.plots.set(q, plot);
      this.grid.append(plot);
    }
    // A region the keyboard can reach, as the table may scroll sideways on a narrow screen.
    this.table = el('div', {
      className: 'readout',
      'data-role': 'final-table',
      tabindex: 0,
      role: 'region',
      'aria-label': w.tableLabel,
    });
    this.append(
      this.note,
      el(
        'div',
        { className: 'controls' },
        el('label', {}, w.layer, this.layerSelect),
        el('label', {}, w.units, this.unitsInput),
        this.autoButton,
        el('label', {}, this.paddingBox, w.showPadding),
      ),
      this.unitsNote,
      this.legend,
      this.grid,
      this.table,
    );
    this.listen(onReview(() => this.update()));
  }

  protected update(): void {
    const w = CLASSIFIER_GATES_WORDS.now();
    const available = Math.min(this.plotWidth(), 860);
    const { units, padding } = this.state;
    if (this.unitsInput.value !== units) this.unitsInput.value = units;
    this.paddingBox.checked = padding;
    const review = currentReview();
    if (!review) {
      this.note.hidden = false;
      this.note.replaceChildren(
        w.noReviewBefore,
        el('a', { href: trainingHref() }, w.trainLink),
        w.orLoad,
        el('a', { href: '#cell-model' }, w.firstCell),
        w.noReviewAfter,
      );
      for (const part of [this.unitsNote, this.legend, this.table, ...this.plots.values()]) part.replaceChildren();
      this.layerSelect.replaceChildren();
      this.layerSelect.disabled = true;
      delete this.dataset.units;
      return;
    }
    this.note.hidden = true;
    const { trace, steps, classifier } = review;
    const layers = trace.layers.length;
    const layer = Math.min(this.state.layer, layers) - 1;
    if (this.layerSelect.options.length !== layers) {
      this.layerSelect.replaceChildren(
        ...trace.layers.map((run, k) =>
          el('option', { value: String(k + 1) }, w.layerOption(String(k + 1), String(layers), fmtInt(run.units))),
        ),
      );
    }
    this.layerSelect.value = String(layer + 1);
    this.layerSelect.disabled = layers === 1;
    const run = trace.layers[layer]!;
    const last = layer === layers - 1;
    const { picked: typed, rejected } = parseUnitList(units, run.units);
    const auto = typed.length === 0;
    const picked = auto ? notableUnits(trace, classifier.weights.readout, layer, 3, steps.padding) : typed;
    this.dataset.units = picked.map((u) => u + 1).join(',');
    const list = picked.map((u) => u + 1).join(w.listSeparator);
    const total = fmtInt(run.units);
    this.unitsNote.textContent =
      (auto ? w.following(list, total, last ? w.whyLast : w.whyRange) : w.followingTyped(picked.length, list, total)) +
      (rejected.length ? w.rejected(total, rejected.join(w.listSeparator)) : '') +
      (typed.length === MAX_UNITS ? w.atMost(String(MAX_UNITS)) : '');

    const L = steps.steps.length;
    const first = padding ? 0 : steps.padding;
    const names = picked.map((u) => w.unit(String(u + 1)));
    const colours = { domain: names, range: UNIT_COLOURS.slice(0, names.length) };
    this.legend.replaceChildren(
      Plot.legend({
        color: { type: 'categorical', ...colours },
        style: { background: 'transparent', color: 'currentColor' },
      }),
    );
    const columns = available >= 620 ? 2 : 1;
    const width = Math.floor((available - (columns - 1) * 16) / columns);
    this.grid.style.gridTemplateColumns = columns === 2 ? 'minmax(0, 1fr) minmax(0, 1fr)' : 'minmax(0, 1fr)';
    const ticks = stepTicks(
      Array.from({ length: L - first }, (_, k) => first + k + 1),
      width,
    );
    const words = steps.steps.map((s) => s.word);
    let cLimit = 1;
    for (const u of picked)
      for (const v of unitTrace(trace, layer, 'c', u).subarray(first)) cLimit = Math.max(cLimit, Math.abs(v));
    cLimit = Math.ceil(cLimit);
    for (const q of TRACED) {
      const rows = picked.flatMap((u) =>
        Array.from(unitTrace(trace, layer, q, u).subarray(first), (value, k) => ({
          t: first + k + 1,
          value,
          unit: w.unit(String(u + 1)),
        })),
      );
      const domain = q === 'i' || q === 'f' || q === 'o' ? [0, 1] : q === 'c' ? [-cLimit, cLimit] : [-1, 1];
      const lastValues = picked
        .map((u) => `${w.unit(String(u + 1))} ${fmt(run.steps[L - 1]![q][u]!, 2)}`)
        .join(w.listSeparator);
      drawPlot(this.plots.get(q)!, {
        width,
        height: 190 + (ticks.rotate ? 66 : 0),
        marginLeft: 44,
        marginBottom: ticks.rotate ? 98 : 32,
        x: {
          domain: [first + 0.5, L + 0.5],
          ticks: ticks.values,
          tickFormat: (t: number) => words[t - 1] ?? '',
          tickRotate: ticks.rotate,
          label: padding ? w.stepAxis : w.wordAxis,
          labelAnchor: 'center',
          labelOffset: ticks.rotate ? 86 : 28,
        },
        y: { domain, label: `↑ ${w.names[q]}`, grid: true },
        color: colours,
        marks: [
          ...(padding && steps.padding > 0
            ? [
                Plot.rect([{ x1: 0.5, x2: steps.padding + 0.5 }], {
                  x1: 'x1',
                  x2: 'x2',
                  fill: 'currentColor',
                  fillOpacity: 0.08,
                }),
              ]
            : []),
          Plot.ruleY([domain[0] === 0 ? 0.5 : 0], { strokeOpacity: 0.4, strokeDasharray: '3,3' }),
          Plot.line(rows, { x: 't', y: 'value', z: 'unit', stroke: 'unit', strokeWidth: 1.8 }),
          Plot.dot(
            rows.filter((r) => r.t === L),
            { x: 't', y: 'value', fill: 'unit', r: 3 },
          ),
        ],
        ariaLabel: w.plotLabel(w.names[q], String(layer + 1)),
        ariaDescription: picked.length ? w.plotAfter(lastValues) : w.noUnit,
      });
    }

    const readout = classifier.weights.readout.w;
    const header = [w.unitHead, 'i_T', 'f_T', 'C̃_T', 'o_T', 'C_T', 'h_T', ...(last ? ['w_j', 'w_j h_T,j'] : [])];
    this.table.replaceChildren(
      el('p', {}, w.lastStep(String(L), words[L - 1] ?? '')),
      dataTable({
        head: header,
        rows: picked.map((u) => {
          const s = run.steps[L - 1]!;
          const cells = [s.i[u]!, s.f[u]!, s.cTilde[u]!, s.o[u]!, s.c[u]!, s.h[u]!];
          if (last) cells.push(readout[u]!, readout[u]! * s.h[u]!);
          return {
            cells: [{ head: String(u + 1) }, ...cells.map((v) => fmt(v))],
            attrs: { 'data-unit': String(u + 1) },
          };
        }),
      }),
      ...(last
        ? [el('p', { className: 'note' }, w.logit(fmt(trace.logits[L - 1]!), total, fmt(trace.p[L - 1]!)))]
        : []),
    );
  }
}

defineWidget('kit-classifier-gates', ClassifierGatesWidget);
