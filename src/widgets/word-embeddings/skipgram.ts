/**
 * <kit-skipgram>: word vectors trained live with skip-gram in a Web Worker, on IMDB reviews when
 * the prepared data is on the site, else on a text the reader pastes. The loss falls on a plot,
 * the neighbours of probe words change epoch by epoch beside a 2-D PCA map of the words, and
 * the vectors download for the TensorFlow Embedding Projector.
 */
import { normaliseRows, type UnitVectorTable, type VectorTable } from '../../embedding/cosine';
import { corpusFromTexts, corpusTokens, textLines, type Corpus } from '../../embedding/corpus';
import { neighboursOf, newWords, normaliseWord, wordIds, type WordNeighbours } from '../../embedding/probes';
import { projectorMetadataTsv, projectorVectorsTsv } from '../../embedding/projector';
import { countTokens } from '../../embedding/skipgram';
import { subsampleFor } from '../../embedding/training';
import { wordMap, type MapPoint } from '../../embedding/word-map';
import type { ImdbReport, ImdbRequest, TrainReport, TrainRequest } from '../../workers/skipgram-protocol';
import { el, slider, type Slider } from '../kit/dom';
import { fmt, fmtInt } from '../kit/format';
import { drawPlot, Plot } from '../kit/plot';
import { defineWidget, KitWidget } from '../kit/widget';
import { SAMPLE_TEXT } from './skipgram-sample';
import { publishTrainedVectors } from '../kit/trained';
import '../kit/embeddings.css';

/** The words whose neighbours the cell follows, besides the reader's own. */
export const PROBES = ['excellent', 'awful', 'actor', 'boring'] as const;
const NEIGHBOURS = 5;
const MAP_WORDS = 250;
const MAX_VOCABULARY = 5000;
// IMDB words seen fewer times than this in the chosen reviews get no vector: too few contexts.
const IMDB_MIN_COUNT = 5;
const MAX_TEXT = 200_000;
const REVIEW_CHOICES = ['1000', '3000', '10000', '25000'] as const;
const DIM_CHOICES = ['16', '32', '64'] as const;
const LOSS = '#2f6fd6';
const PROBE_COLOR = '#2f6fd6';
const FOUND_COLOR = '#d9480f';

const schema = {
  corpus: { kind: 'enum', default: 'imdb', values: ['imdb', 'text'] },
  reviews: { kind: 'enum', default: '3000', values: REVIEW_CHOICES },
  dim: { kind: 'enum', default: '32', values: DIM_CHOICES },
  // A few epochs are enough for thousands of reviews; a pasted paragraph needs many passes.
  epochs: { kind: 'integer', default: 3, min: 1, max: 20 },
  textEpochs: { kind: 'integer', default: 40, min: 1, max: 100 },
  seed: { kind: 'integer', default: 1, min: 0, max: 99999 },
  probe: { kind: 'string', default: 'funny', maxLength: 40 },
  search: { kind: 'string', default: '', maxLength: 40 },
} as const;

/** The table after one epoch (0: before training). */
interface Snapshot {
  epoch: number;
  table: VectorTable;
  unit?: UnitVectorTable;
}

/** The corpus a run trains on, with what the page shows about it. */
interface LoadedCorpus extends Corpus {
  /** In words, e.g. "3,000 IMDB training reviews". */
  label: string;
  ids: Map<string, number>;
  counts: Float64Array;
  tokens: number;
}

type DataState = { kind: 'checking' } | { kind: 'available'; reviews: number } | { kind: 'absent'; message: string };

class SkipGramWidget extends KitWidget<typeof schema> {
  protected readonly schema = schema;
  protected override engine = 'tfjs in a Web Worker, loaded when you press Train';
  private radios!: Record<'imdb' | 'text', HTMLInputElement>;
  private reviewsSelect!: HTMLSelectElement;
  private textArea!: HTMLTextAreaElement;
  private textLabel!: HTMLElement;
  private dataStatus!: HTMLElement;
  private dimSelect!: HTMLSelectElement;
  private epochsSlider!: Slider;
  private seedInput!: HTMLInputElement;
  private trainButton!: HTMLButtonElement;
  private stopButton!: HTMLButtonElement;
  private status!: HTMLElement;
  private lossPlot!: HTMLElement;
  private viewSlider!: Slider;
  private probeInput!: HTMLInputElement;
  private neighbourGrid!: HTMLElement;
  private searchInput!: HTMLInputElement;
  private mapPlot!: HTMLElement;
  private mapReadout!: HTMLElement;
  private vectorsButton!: HTMLButtonElement;
  private metadataButton!: HTMLButtonElement;
  private downloadNote!: HTMLElement;

  private data: DataState = { kind: 'checking' };
  private dataWorker: Worker | null = null;
  private trainWorker: Worker | null = null;
  private imdbCorpus = new Map<string, Promise<LoadedCorpus>>();
  private corpus: LoadedCorpus | null = null;
  private snapshots: Snapshot[] = [];
  /** The epoch shown, or null to follow the latest. */
  private viewing: number | null = null;
  private losses: { epoch: number; loss: number }[] = [];
  /** A run was asked for: from Train until its worker reports it done. */
  private running = false;
  /** The run is still waiting for its corpus (nothing has gone to the training worker yet). */
  private loadingCorpus = false;
  /** Counts runs, so that a run stopped while its corpus loaded cannot start later. */
  private runId = 0;
  private trainingStarted = 0;
  /** The epochs of the current run. */
  private runEpochs = 0;

  protected build(): void {
    const radio = (value: 'imdb' | 'text') => {
      const input = el('input', { type: 'radio', name: 'corpus', value });
      input.addEventListener('change', (e) => input.checked && this.set({ corpus: value }, e));
      return input;
    };
    this.radios = { imdb: radio('imdb'), text: radio('text') };
    this.reviewsSelect = el(
      'select',
      { name: 'reviews' },
      ...REVIEW_CHOICES.map((n) => el('option', { value: n }, fmtInt(Number(n)))),
    );
    this.reviewsSelect.addEventListener('change', (e) => this.set({ reviews: this.reviewsSelect.value }, e));
    this.dataStatus = el('p', { className: 'kit-status', 'data-role': 'data-status', 'aria-live': 'polite' });
    this.textArea = el('textarea', { name: 'text', rows: 7, maxlength: MAX_TEXT, spellcheck: false });
    this.textArea.value = SAMPLE_TEXT;
    this.textLabel = el('label', { className: 'wide' }, 'Your text: one review or sentence per line', this.textArea);

    this.dimSelect = el('select', { name: 'dim' }, ...DIM_CHOICES.map((d) => el('option', { value: d }, d)));
    this.dimSelect.addEventListener('change', (e) => this.set({ dim: this.dimSelect.value }, e));
    this.epochsSlider = slider({
      label: 'Epochs',
      name: 'epochs',
      min: 1,
      max: 20,
      step: 1,
      value: this.state.epochs,
      onInput: (epochs, e) => this.set(this.corpusChoice() === 'imdb' ? { epochs } : { textEpochs: epochs }, e),
    });
    this.seedInput = el('input', { type: 'number', name: 'seed', min: 0, max: 99999, step: 1, value: this.state.seed });
    this.seedInput.addEventListener('input', (e) => {
      if (this.seedInput.validity.valid && this.seedInput.value !== '')
        this.set({ seed: Number(this.seedInput.value) }, e);
    });
    this.trainButton = el('button', { type: 'button' }, 'Train');
    this.trainButton.addEventListener('click', () => void this.train());
    this.stopButton = el('button', { type: 'button', disabled: true }, 'Stop');
    this.stopButton.addEventListener('click', () => this.stop());
    this.status = el('p', { className: 'kit-status', 'data-role': 'status', 'aria-live': 'polite' });

    this.lossPlot = el('div', { className: 'plot', 'data-role': 'loss' });
    this.viewSlider = slider({
      label: 'Show epoch',
      name: 'view-epoch',
      min: 0,
      max: 0,
      step: 1,
      value: 0,
      onInput: (v, e) => {
        this.viewing = v >= this.snapshots.length - 1 ? null : v;
        this.set({}, e);
      },
    });
    this.probeInput = el('input', {
      type: 'text',
      name: 'probe',
      value: this.state.probe,
      maxlength: 40,
      spellcheck: false,
      size: 12,
      className: 'kit-word',
    });
    this.probeInput.addEventListener('input', (e) => this.set({ probe: this.probeInput.value }, e));
    this.neighbourGrid = el('div', { className: 'kit-neighbours', 'data-role': 'neighbours', 'aria-live': 'polite' });
    this.searchInput = el('input', {
      type: 'search',
      name: 'search',
      value: this.state.search,
      maxlength: 40,
      spellcheck: false,
      size: 14,
      placeholder: 'a word',
      className: 'kit-word',
    });
    this.searchInput.addEventListener('input', (e) => this.set({ search: this.searchInput.value }, e));
    this.mapPlot = el('div', { className: 'plot', 'data-role': 'map' });
    this.mapReadout = el('p', { className: 'readout', 'data-role': 'map-readout', 'aria-live': 'polite' });
    this.vectorsButton = el('button', { type: 'button', disabled: true }, 'Download vectors.tsv');
    this.vectorsButton.addEventListener('click', () => this.download('vectors'));
    this.metadataButton = el('button', { type: 'button', disabled: true }, 'Download metadata.tsv');
    this.metadataButton.addEventListener('click', () => this.download('metadata'));
    this.downloadNote = el('span', { className: 'note', 'data-role': 'download-note' });

    this.append(
      el(
        'div',
        { className: 'kit-corpus' },
        el(
          'fieldset',
          {},
          el('legend', {}, 'Train on'),
          el(
            'div',
            { className: 'controls' },
            el('label', {}, this.radios.imdb, 'IMDB training reviews'),
            el('label', {}, 'how many', this.reviewsSelect),
            el('label', {}, this.radios.text, 'a text you paste'),
          ),
          this.dataStatus,
          this.textLabel,
        ),
      ),
      el(
        'div',
        { className: 'controls' },
        el('label', {}, 'Vector length d', this.dimSelect),
        this.epochsSlider.root,
        el('label', {}, 'Seed', this.seedInput),
        this.trainButton,
        this.stopButton,
      ),
      this.status,
      el(
        'div',
        { className: 'kit-columns' },
        el(
          'section',
          { 'aria-label': 'Loss and neighbours' },
          el('h3', {}, 'Loss per pair'),
          this.lossPlot,
          el('h3', {}, 'Nearest neighbours by cosine'),
          el('div', { className: 'controls' }, this.viewSlider.root, el('label', {}, 'Your word', this.probeInput)),
          this.neighbourGrid,
        ),
        el(
          'section',
          { 'aria-label': 'Map of the words' },
          el('h3', {}, 'Map: the two principal components'),
          el('div', { className: 'controls' }, el('label', {}, 'Find a word on the map', this.searchInput)),
          this.mapPlot,
          this.mapReadout,
        ),
      ),
      el('div', { className: 'controls' }, this.vectorsButton, this.metadataButton, this.downloadNote),
    );
    this.checkData();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.dataWorker?.terminate();
    this.trainWorker?.terminate();
  }

  protected override onReset(): void {
    this.trainWorker?.terminate();
    this.trainWorker = null;
    this.runId++;
    this.running = false;
    this.loadingCorpus = false;
    this.corpus = null;
    this.snapshots = [];
    this.losses = [];
    this.viewing = null;
    this.textArea.value = SAMPLE_TEXT;
    this.status.textContent = '';
    publishTrainedVectors(null);
  }

  /** The corpus that Train uses: IMDB only where the prepared data is there. */
  private corpusChoice(): 'imdb' | 'text' {
    return this.state.corpus === 'imdb' && this.data.kind === 'available' ? 'imdb' : 'text';
  }

  private checkData(): void {
    this.dataWorker = new Worker(new URL('../../workers/imdb-corpus.ts', import.meta.url), { type: 'module' });
    this.dataWorker.addEventListener('message', (event: MessageEvent<ImdbReport>) => {
      const report = event.data;
      if (report.type === 'available') this.data = { kind: 'available', reviews: report.reviews };
      else if (report.type === 'absent') this.data = { kind: 'absent', message: report.message };
      else return; // progress and corpora are handled by loadImdbCorpus
      this.update();
    });
    this.postData({ type: 'check', baseUrl: this.dataUrl() });
  }

  private dataUrl(): string {
    return new URL(`${import.meta.env.BASE_URL}data/imdb/`, location.href).href;
  }

  private postData(request: ImdbRequest): void {
    this.dataWorker?.postMessage(request);
  }

  /** A corpus from `reviews` IMDB training reviews, loaded and built in the data worker (once per size). */
  private loadImdbCorpus(reviews: number): Promise<LoadedCorpus> {
    const key = String(reviews);
    let loading = this.imdbCorpus.get(key);
    if (loading) return loading;
    loading = new Promise<LoadedCorpus>((resolve, reject) => {
      const worker = this.dataWorker!;
      const listen = (event: MessageEvent<ImdbReport>) => {
        const report = event.data;
        if (report.type === 'progress') {
          if (this.loadingCorpus)
            this.status.textContent = `Loading the IMDB training reviews: ${fmt(report.loaded / 1e6, 1)} of ${fmt(report.total / 1e6, 1)} MB…`;
        } else if (report.type === 'corpus') {
          worker.removeEventListener('message', listen);
          resolve(
            describe(
              { sequences: report.sequences, words: report.words },
              `${fmtInt(report.reviews)} IMDB training reviews`,
            ),
          );
        } else if (report.type === 'error') {
          worker.removeEventListener('message', listen);
          reject(new Error(report.message));
        }
      };
      worker.addEventListener('message', listen);
      this.postData({
        type: 'load',
        baseUrl: this.dataUrl(),
        reviews,
        maxVocabulary: MAX_VOCABULARY,
        minCount: IMDB_MIN_COUNT,
      });
    });
    loading.catch(() => this.imdbCorpus.delete(key));
    this.imdbCorpus.set(key, loading);
    return loading;
  }

  private async train(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.loadingCorpus = true;
    const run = ++this.runId;
    const choice = this.corpusChoice();
    this.showError('');
    this.update();
    try {
      const corpus =
        choice === 'imdb'
          ? await this.loadImdbCorpus(Number(this.state.reviews))
          : describe(corpusFromTexts(textLines(this.textArea.value), { maxVocabulary: MAX_VOCABULARY }), 'your text');
      if (run !== this.runId) return; // stopped or reset while the corpus loaded
      if (corpus.words.length < 2)
        throw new Error('The text needs at least two different words, on lines of two words or more.');
      this.loadingCorpus = false;
      this.corpus = corpus;
      this.runEpochs = choice === 'imdb' ? this.state.epochs : this.state.textEpochs;
      this.snapshots = [];
      this.losses = [];
      this.viewing = null;
      this.status.textContent = `Starting tfjs in a worker to train on ${corpus.label}: ${fmtInt(corpus.tokens)} words, ${fmtInt(corpus.words.length)} distinct…`;
      this.trainWorker ??= this.createTrainWorker();
      const request: TrainRequest = {
        type: 'train',
        sequences: corpus.sequences,
        vocabSize: corpus.words.length,
        options: {
          dim: Number(this.state.dim),
          epochs: this.runEpochs,
          seed: this.state.seed,
          subsample: subsampleFor(corpus.tokens),
        },
      };
      this.trainingStarted = performance.now();
      this.trainWorker.postMessage(request);
      this.update();
    } catch (error) {
      if (run !== this.runId) return;
      this.running = false;
      this.loadingCorpus = false;
      this.status.textContent = '';
      this.showError((error as Error).message);
      this.update();
    }
  }

  private stop(): void {
    if (!this.running) return;
    if (this.loadingCorpus) {
      // Nothing has gone to the worker yet: forget the run; train() gives up when the corpus comes.
      this.runId++;
      this.running = false;
      this.loadingCorpus = false;
      this.status.textContent = 'Stopped before training started.';
    } else {
      this.trainWorker?.postMessage({ type: 'stop' } satisfies TrainRequest);
      this.status.textContent = 'Stopping after the current step…';
    }
    this.update();
  }

  private createTrainWorker(): Worker {
    const worker = new Worker(new URL('../../workers/skipgram.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<TrainReport>) => this.onReport(event.data));
    worker.addEventListener('error', (event) => {
      this.showError(`The training worker failed: ${event.message}`);
      this.running = false;
      this.update();
    });
    return worker;
  }

  private onReport(report: TrainReport): void {
    const corpus = this.corpus;
    if (!corpus) return;
    switch (report.type) {
      case 'backend':
        this.showBackend(report.label, report.reason);
        return;
      case 'start':
        this.snapshots = [{ epoch: 0, table: { values: report.values, rows: corpus.words.length, dim: report.dim } }];
        this.update();
        return;
      case 'progress':
        this.losses.push({ epoch: report.epoch, loss: report.loss });
        this.status.textContent =
          `Epoch ${Math.min(this.runEpochs, Math.floor(report.epoch) + 1)} of ${this.runEpochs} · ` +
          `loss ${fmt(report.loss)} · ${fmtInt(report.wordsPerSecond)} words/s · ${fmtInt(corpus.tokens)} words of ${corpus.label}`;
        this.status.dataset.wordsPerSecond = String(report.wordsPerSecond);
        this.drawLoss();
        return;
      case 'epoch': {
        const table = { values: report.values, rows: corpus.words.length, dim: report.dim };
        this.snapshots.push({ epoch: report.epoch, table });
        const unit = this.unitOf(this.snapshots.length - 1);
        publishTrainedVectors({
          table,
          unit,
          words: corpus.words,
          ids: corpus.ids,
          epoch: report.epoch,
          corpus: corpus.label,
        });
        this.update();
        return;
      }
      case 'done': {
        this.running = false;
        const seconds = (performance.now() - this.trainingStarted) / 1000;
        this.status.textContent =
          `${report.stopped ? 'Stopped after' : 'Trained'} ${report.epochs} epoch${report.epochs === 1 ? '' : 's'} ` +
          `(${fmtInt(report.steps)} steps) on ${corpus.label} in ${fmt(seconds, 1)} s: ` +
          `${fmtInt(report.wordsPerSecond)} words/s while training.`;
        this.status.dataset.wordsPerSecond = String(report.wordsPerSecond);
        this.dataset.trained = String(report.epochs);
        this.update();
        return;
      }
      case 'error':
        this.running = false;
        this.showError(`Training failed: ${report.message}`);
        this.update();
        return;
    }
  }

  /** The snapshot's table with unit rows, computed once. */
  private unitOf(index: number): UnitVectorTable {
    const s = this.snapshots[index]!;
    s.unit ??= normaliseRows(s.table);
    return s.unit;
  }

  protected update(): void {
    const { corpus, reviews, dim, seed, probe, search } = this.state;
    const choice = this.corpusChoice();
    const epochs = choice === 'imdb' ? this.state.epochs : this.state.textEpochs;
    this.radios.imdb.checked = choice === 'imdb';
    this.radios.text.checked = choice === 'text';
    this.radios.imdb.disabled = this.data.kind !== 'available' || this.running;
    this.radios.text.disabled = this.running;
    this.reviewsSelect.value = reviews;
    this.reviewsSelect.disabled = choice !== 'imdb' || this.running;
    this.textLabel.hidden = choice !== 'text';
    this.textArea.disabled = this.running;
    this.dimSelect.value = dim;
    this.dimSelect.disabled = this.running;
    this.epochsSlider.input.max = String(choice === 'imdb' ? schema.epochs.max : schema.textEpochs.max);
    this.epochsSlider.set(epochs);
    this.epochsSlider.input.disabled = this.running;
    if (Number(this.seedInput.value) !== seed) this.seedInput.value = String(seed);
    this.seedInput.disabled = this.running;
    this.trainButton.disabled = this.running;
    this.stopButton.disabled = !this.running;
    // Progress changes several times a second: announce only where a run ends, not each report.
    const live = this.running ? 'off' : 'polite';
    this.status.setAttribute('aria-live', live);
    this.neighbourGrid.setAttribute('aria-live', live);
    if (this.probeInput.value !== probe) this.probeInput.value = probe;
    if (this.searchInput.value !== search) this.searchInput.value = search;
    this.drawDataStatus(corpus === 'imdb');

    const last = this.snapshots.length - 1;
    this.viewSlider.input.max = String(Math.max(0, last));
    this.viewSlider.input.disabled = last < 1;
    const shown = this.viewing === null ? last : Math.min(this.viewing, last);
    this.viewSlider.set(Math.max(0, shown));
    this.viewSlider.output.textContent = last < 0 ? '–' : shown === 0 ? '0 (random start)' : String(shown);
    this.vectorsButton.disabled = this.metadataButton.disabled = last < 1 || !this.corpus;
    this.downloadNote.textContent =
      last < 1 || !this.corpus
        ? 'Train first; then load both files at projector.tensorflow.org.'
        : `The vectors of epoch ${shown}${shown === 0 ? ' (the random start)' : ''}, one line per word (${fmtInt(this.corpus.words.length)} words, d = ${this.snapshots[0]!.table.dim}).`;
    this.drawLoss();
    this.drawNeighbours(shown);
    this.drawMap(shown);
  }

  private drawDataStatus(wantImdb: boolean): void {
    const d = this.data;
    this.dataStatus.dataset.kind = d.kind;
    if (d.kind === 'checking') this.dataStatus.textContent = 'Looking for the prepared IMDB data on this site…';
    else if (d.kind === 'available')
      this.dataStatus.textContent = `The prepared IMDB data is here: ${fmtInt(d.reviews)} training reviews. Training uses an even spread of them (negative and positive), the ${fmtInt(MAX_VOCABULARY)} most frequent words seen at least ${IMDB_MIN_COUNT} times.`;
    else
      this.dataStatus.textContent = `${d.message} Load an IMDB archive in chapter 5 (this browser keeps it, and this cell uses it when you come back), or, if you host the kit, prepare the data with npm run data and build the site again. ${wantImdb ? 'Meanwhile this cell trains on the text below: paste your own, one review or sentence per line.' : ''}`;
  }

  private drawLoss(): void {
    const epochs = this.runEpochs;
    const points = this.losses;
    if (points.length === 0) {
      this.lossPlot.replaceChildren(el('p', { className: 'note' }, 'Press Train: the loss appears here as it falls.'));
      delete this.lossPlot.dataset.points;
      return;
    }
    const first = points[0]!.loss;
    const latest = points[points.length - 1]!.loss;
    drawPlot(this.lossPlot, {
      width: Math.min(this.columnWidth(), 520),
      height: 200,
      marginLeft: 48,
      x: { domain: [0, Math.max(epochs, Math.ceil(points[points.length - 1]!.epoch))], label: 'epoch →' },
      y: { label: '↑ mean loss per pair', grid: true, zero: false },
      marks: [
        Plot.line(points, { x: 'epoch', y: 'loss', stroke: LOSS, strokeWidth: 2 }),
        Plot.dot(points.slice(-1), { x: 'epoch', y: 'loss', fill: LOSS, r: 3.5 }),
      ],
      ariaLabel: 'Training loss',
      ariaDescription: `${points.length} reports: the loss went from ${fmt(first)} to ${fmt(latest)}.`,
    });
    this.lossPlot.dataset.points = String(points.length);
    this.lossPlot.dataset.firstLoss = String(first);
    this.lossPlot.dataset.lastLoss = String(latest);
  }

  private drawNeighbours(shown: number): void {
    const corpus = this.corpus;
    const probes = [...PROBES, normaliseWord(this.state.probe)].filter((w, i, all) => w !== '' && all.indexOf(w) === i);
    if (!corpus || shown < 0) {
      this.neighbourGrid.replaceChildren(
        el(
          'p',
          { className: 'note' },
          `After training starts: the ${NEIGHBOURS} nearest words to ${probes.join(', ')}.`,
        ),
      );
      return;
    }
    const unit = this.unitOf(shown);
    const before = shown > 0 ? this.unitOf(shown - 1) : null;
    const columns = probes.map((word) => {
      const now = neighboursOf(unit, corpus.words, corpus.ids, word, NEIGHBOURS);
      const previous = before ? neighboursOf(before, corpus.words, corpus.ids, word, NEIGHBOURS) : undefined;
      return neighbourColumn(now, previous);
    });
    this.neighbourGrid.replaceChildren(...columns);
    this.neighbourGrid.dataset.epoch = String(shown);
  }

  private drawMap(shown: number): void {
    const corpus = this.corpus;
    const query = normaliseWord(this.state.search);
    if (!corpus || shown < 0) {
      this.mapPlot.replaceChildren(el('p', { className: 'note' }, 'The map appears when training starts.'));
      this.mapReadout.textContent = '';
      return;
    }
    const unit = this.unitOf(shown);
    const probeIds = [...PROBES, normaliseWord(this.state.probe)]
      .map((w) => corpus.ids.get(w))
      .filter((id): id is number => id !== undefined);
    const found = query === '' ? undefined : corpus.ids.get(query);
    const near = found === undefined ? null : neighboursOf(unit, corpus.words, corpus.ids, query, 8);
    const nearIds = near ? near.neighbours.map((n) => corpus.ids.get(n.word)!) : [];
    const map = wordMap(unit, corpus.words, {
      count: MAP_WORDS,
      include: [...probeIds, ...(found === undefined ? [] : [found]), ...nearIds],
    });
    // While searching, only the found word and its neighbours are named, or the labels pile up.
    const labelled = new Set(found === undefined ? probeIds : nearIds);
    const named = map.points.filter((p) => labelled.has(p.id) && p.id !== found);
    const foundPoint = found === undefined ? [] : [map.place(found)];
    const size = Math.min(this.columnWidth(), 560);
    // A halo in the cell's own background keeps labels readable over dots, in either theme (SVG
    // attributes cannot use CSS variables, so the colour is read here).
    const halo = getComputedStyle(this).getPropertyValue('--cell-bg').trim() || 'white';
    const label = { x: 'x', y: 'y', text: 'word', stroke: halo, strokeWidth: 3, paintOrder: 'stroke' } as const;
    drawPlot(this.mapPlot, {
      width: size,
      height: Math.round(size * 0.85),
      marginLeft: 44,
      marginRight: 24,
      inset: 12,
      x: { label: `PC 1 (${fmt(map.explained[0] * 100, 0)}% of the variance) →`, ticks: 4 },
      y: { label: `↑ PC 2 (${fmt(map.explained[1] * 100, 0)}%)`, ticks: 4 },
      marks: [
        Plot.dot(map.points, { x: 'x', y: 'y', r: 2.5, fill: 'currentColor', fillOpacity: 0.35 }),
        Plot.dot(named, { x: 'x', y: 'y', r: 4, fill: PROBE_COLOR }),
        Plot.text(named, { ...label, dy: -9, fill: PROBE_COLOR, fontWeight: 600 }),
        Plot.dot(foundPoint, { x: 'x', y: 'y', r: 6, fill: FOUND_COLOR, stroke: 'white', strokeWidth: 1.5 }),
        Plot.text(foundPoint, { ...label, dy: -12, fill: FOUND_COLOR, fontWeight: 700, fontSize: 14 }),
        Plot.tip(map.points, Plot.pointer({ x: 'x', y: 'y', title: (p: MapPoint) => p.word, fill: halo })),
      ],
      ariaLabel: 'Map of the most frequent words',
      ariaDescription: `The ${Math.min(MAP_WORDS, corpus.words.length)} most frequent words of ${corpus.label} after ${shown} epoch${shown === 1 ? '' : 's'}, projected on their two principal components.`,
    });
    if (query === '') {
      this.mapReadout.textContent = `The probe words are named. Hover over a dot to read its word, or find a word: it is marked with its 8 nearest neighbours.`;
    } else if (found === undefined) {
      this.mapReadout.textContent = `"${query}" is not among the ${fmtInt(corpus.words.length)} words of ${corpus.label}.`;
    } else {
      const p = foundPoint[0]!;
      this.mapReadout.textContent =
        `"${query}" (word ${fmtInt(found + 1)} by frequency) is at (${fmt(p.x, 2)}, ${fmt(p.y, 2)}). Nearest: ` +
        near!.neighbours.map((n) => `${n.word} ${fmt(n.similarity, 2)}`).join(', ') +
        '. The map keeps only two directions of the vectors: close in the list is not always close on the map.';
    }
    this.mapReadout.dataset.found = found === undefined ? '' : query;
  }

  private columnWidth(): number {
    const grid = this.querySelector('.kit-columns');
    const columns = grid ? getComputedStyle(grid).gridTemplateColumns.split(' ').length : 1;
    return Math.max(260, Math.floor((this.plotWidth() - (columns - 1) * 20) / columns));
  }

  private download(which: 'vectors' | 'metadata'): void {
    const corpus = this.corpus;
    const last = this.snapshots.length - 1;
    if (!corpus || last < 1) return;
    const shown = this.viewing === null ? last : Math.min(this.viewing, last);
    const text =
      which === 'vectors'
        ? projectorVectorsTsv(this.snapshots[shown]!.table)
        : projectorMetadataTsv(corpus.words, { columns: { count: Array.from(corpus.counts) } });
    const url = URL.createObjectURL(new Blob([text], { type: 'text/tab-separated-values' }));
    const link = el('a', { href: url, download: `${which}.tsv`, hidden: true });
    this.append(link);
    link.click();
    link.remove();
    // The download has its own copy once it starts; give the memory back a moment later.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

/** What the page keeps about a corpus: its word ids, counts and size. */
function describe(corpus: Corpus, label: string): LoadedCorpus {
  return {
    ...corpus,
    label,
    ids: wordIds(corpus.words),
    counts: countTokens(corpus.sequences, corpus.words.length),
    tokens: corpusTokens(corpus),
  };
}

/** One probe word's neighbours as a list, marking those that entered since the previous epoch. */
function neighbourColumn(now: WordNeighbours, previous: WordNeighbours | undefined): HTMLElement {
  const box = el('div', { 'data-word': now.word });
  box.append(el('div', { className: 'probe' }, now.word));
  if (now.id === null) {
    box.append(el('p', { className: 'note' }, 'not in this corpus'));
    return box;
  }
  const fresh = newWords(
    previous?.neighbours.map((n) => n.word),
    now.neighbours.map((n) => n.word),
  );
  box.append(
    el(
      'ol',
      {},
      ...now.neighbours.map((n) =>
        el(
          'li',
          { className: fresh.has(n.word) ? 'new' : '' },
          `${n.word} `,
          el('small', {}, fmt(n.similarity, 2)),
          ...(fresh.has(n.word) ? [el('span', { className: 'kit-sr-only' }, ' (new this epoch)')] : []),
        ),
      ),
    ),
  );
  return box;
}

defineWidget('kit-skipgram', SkipGramWidget);
