/**
 * <kit-word-pairs>: the cosine similarity of word pairs the reader chooses, in the vectors the
 * training cell above has trained last; it updates after every epoch.
 */
import { pairSimilarities, parsePairs, type PairSimilarity } from '../../embedding/probes';
import { dataTable, el } from '../kit/dom';
import { fmt, fmtInt } from '../kit/format';
import { drawPlot, Plot } from '../kit/plot';
import { defineWidget, KitWidget } from '../kit/widget';
import { onTrainedVectors, trainedVectors } from '../kit/trained';
import '../kit/embeddings.css';
import { WORD_PAIRS_WORDS } from './word-pairs.words';

const schema = {
  pairs: {
    kind: 'string',
    default: 'excellent great, excellent awful, awful terrible, actor actress, boring dull, movie film',
    maxLength: 400,
  },
} as const;

interface Bar extends PairSimilarity {
  label: string;
}

class WordPairsWidget extends KitWidget<typeof schema> {
  protected readonly schema = schema;
  private input!: HTMLInputElement;
  private plot!: HTMLElement;
  private readout!: HTMLElement;

  protected build(): void {
    this.input = el('input', {
      type: 'text',
      name: 'pairs',
      value: this.state.pairs,
      maxlength: 400,
      spellcheck: false,
    });
    this.input.addEventListener('input', (e) => this.set({ pairs: this.input.value }, e));
    this.plot = el('div', { className: 'plot', 'data-role': 'plot' });
    this.readout = el('div', { className: 'readout', 'data-role': 'readout', 'aria-live': 'polite' });
    this.append(
      el(
        'div',
        { className: 'controls' },
        el('label', { className: 'wide' }, WORD_PAIRS_WORDS.now().pairsLabel, this.input),
      ),
      this.plot,
      this.readout,
    );
    this.listen(onTrainedVectors(() => this.update()));
  }

  protected update(): void {
    const w = WORD_PAIRS_WORDS.now();
    if (this.input.value !== this.state.pairs) this.input.value = this.state.pairs;
    const pairs = parsePairs(this.state.pairs);
    const trained = trainedVectors();
    if (!trained) {
      this.plot.replaceChildren(el('p', { className: 'note' }, w.trainFirst));
      this.readout.replaceChildren();
      delete this.dataset.epoch;
      return;
    }
    if (pairs.length === 0) {
      this.plot.replaceChildren(el('p', { className: 'note' }, w.writePairs));
      this.readout.replaceChildren();
      return;
    }
    const bars: Bar[] = pairSimilarities(trained.table, trained.ids, pairs).map((p) => ({
      ...p,
      label: `${p.a} · ${p.b}`,
    }));
    const known = bars.filter((b) => b.similarity !== null);
    drawPlot(this.plot, {
      width: this.plotWidth(),
      height: 40 + bars.length * 28,
      marginLeft: 150,
      x: { domain: [-1, 1], label: w.xLabel, grid: true },
      y: { domain: bars.map((b) => b.label), label: null },
      marks: [
        Plot.ruleX([0], { strokeOpacity: 0.6 }),
        Plot.barX(known, {
          x: 'similarity',
          y: 'label',
          fill: (b: Bar) => ((b.similarity ?? 0) >= 0 ? '#2f6fd6' : '#d9480f'),
        }),
        // dx is a constant per mark, so the labels right of positive bars and left of negative ones are two marks.
        ...[true, false].map((positive) =>
          Plot.text(
            known.filter((b) => (b.similarity ?? 0) >= 0 === positive),
            {
              x: 'similarity',
              y: 'label',
              text: (b: Bar) => fmt(b.similarity ?? 0),
              textAnchor: positive ? 'start' : 'end',
              dx: positive ? 4 : -4,
            },
          ),
        ),
        Plot.text(
          bars.filter((b) => b.similarity === null),
          {
            x: 0,
            y: 'label',
            text: (b: Bar) => w.notInCorpus(b.missing.join(', ')),
            textAnchor: 'start',
            dx: 4,
          },
        ),
      ],
      ariaLabel: w.plotLabel,
      ariaDescription:
        known.map((b) => w.pairSimilarity(b.a, b.b, fmt(b.similarity ?? 0))).join(w.pairSeparator) || w.noPair,
    });
    this.readout.replaceChildren(
      el(
        'p',
        {},
        w.fromVectors(String(trained.epoch), trained.corpus, fmtInt(trained.words.length), String(trained.table.dim)),
      ),
      dataTable({
        head: [...w.head],
        rows: bars.map((b) => ({
          attrs: { 'data-pair': `${b.a} ${b.b}` },
          cells: [
            { head: `${b.a}, ${b.b}` },
            b.similarity === null ? w.missingCell(b.missing.join(', ')) : fmt(b.similarity),
          ],
        })),
      }),
    );
    this.dataset.epoch = String(trained.epoch);
  }
}

defineWidget('kit-word-pairs', WordPairsWidget);
