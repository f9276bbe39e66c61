/**
 * <kit-skipgram>: word vectors trained live with skip-gram in a Web Worker, on IMDB reviews when
 * the prepared data is on the site, else on a text the reader pastes. The loss falls on a plot,
 * the neighbours of probe words change epoch by epoch beside a 2-D PCA map of the words, and
 * the vectors download for the TensorFlow Embedding Projector. The run itself (its phases, its
 * snapshots, what the controls allow) is src/embedding/skipgram-session.ts; this element draws
 * it and wires the controls and the two workers to it.
 */
import { IMDB_MIN_COUNT, MAX_VOCABULARY, SkipGramSession, type SessionChange } from '../../embedding/skipgram-session';
import { mapView, probeColumns, probeWords } from '../../embedding/skipgram-view';
import { startWorker, type WorkerClient } from '../../workers/client';
import { imdbCorpusClient, type ImdbCorpusClient } from '../../workers/imdb-corpus-client';
import type { TrainReport, TrainRequest } from '../../workers/skipgram/protocol';
import { el, slider } from '../kit/dom';
import { fmtInt } from '../kit/format';
import { defineWidget, KitWidget } from '../kit/widget';
import * as draw from './skipgram-draw';
import { SAMPLE_TEXT } from './skipgram-sample';
import { publishTrainedVectors } from '../kit/trained';
import '../kit/embeddings.css';
import { pageLocale } from '../../i18n/words';
import { SKIPGRAM_WORDS } from './skipgram.words';

/** The words whose neighbours the cell follows, besides the reader's own. */
export const PROBES = ['excellent', 'awful', 'actor', 'boring'] as const;
const NEIGHBOURS = 5;
const MAP_WORDS = 250;
const MAX_TEXT = 200_000;
const REVIEW_CHOICES = ['1000', '3000', '10000', '25000'] as const;
const DIM_CHOICES = ['16', '32', '64'] as const;

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

class SkipGramWidget extends KitWidget<typeof schema> {
  protected readonly schema = schema;
  protected override engine = SKIPGRAM_WORDS.now().engine;
  private readonly ui = {} as draw.SkipGramParts;

  private dataWorker: ImdbCorpusClient | null = null;
  private trainWorker: WorkerClient<TrainRequest> | null = null;
  private readonly session = new SkipGramSession({
    loadImdb: (reviews, onProgress) =>
      this.dataWorker!.load(reviews, onProgress).then(({ corpus, reviews: taken }) => ({
        corpus,
        label: SKIPGRAM_WORDS.now().imdbLabel(fmtInt(taken)),
      })),
    train: (run) => {
      this.trainWorker ??= startWorker<TrainRequest, TrainReport>(
        () =>
          new Worker(new URL('../../workers/skipgram/worker.ts', import.meta.url), {
            type: 'module',
            name: 'skipgram',
          }),
        (report) => this.session.report(report),
        'training worker',
      );
      this.trainWorker.send({ type: 'train', ...run });
    },
    stop: () => this.trainWorker?.send({ type: 'stop' }),
    cancel: () => {
      this.trainWorker?.terminate();
      this.trainWorker = null;
    },
    publish: publishTrainedVectors,
    locale: pageLocale(),
  });

  protected build(): void {
    const w = SKIPGRAM_WORDS.now();
    const radio = (value: 'imdb' | 'text') => {
      const input = el('input', { type: 'radio', name: 'corpus', value });
      input.addEventListener('change', (e) => input.checked && this.set({ corpus: value }, e));
      return input;
    };
    this.ui.radios = { imdb: radio('imdb'), text: radio('text') };
    this.ui.reviewsSelect = el(
      'select',
      { name: 'reviews' },
      ...REVIEW_CHOICES.map((n) => el('option', { value: n }, fmtInt(Number(n)))),
    );
    this.ui.reviewsSelect.addEventListener('change', (e) => this.set({ reviews: this.ui.reviewsSelect.value }, e));
    this.ui.dataStatus = el('p', { className: 'kit-status', 'data-role': 'data-status', 'aria-live': 'polite' });
    this.ui.textArea = el('textarea', { name: 'text', rows: 7, maxlength: MAX_TEXT, spellcheck: false });
    this.ui.textArea.value = SAMPLE_TEXT;
    this.ui.textLabel = el('label', { className: 'wide' }, w.textLabel, this.ui.textArea);

    this.ui.dimSelect = el('select', { name: 'dim' }, ...DIM_CHOICES.map((d) => el('option', { value: d }, d)));
    this.ui.dimSelect.addEventListener('change', (e) => this.set({ dim: this.ui.dimSelect.value }, e));
    this.ui.epochsSlider = slider({
      label: w.epochs,
      name: 'epochs',
      min: 1,
      max: 20,
      step: 1,
      value: this.state.epochs,
      onInput: (epochs, e) => this.set(this.choice() === 'imdb' ? { epochs } : { textEpochs: epochs }, e),
    });
    this.ui.seedInput = el('input', {
      type: 'number',
      name: 'seed',
      min: 0,
      max: 99999,
      step: 1,
      value: this.state.seed,
    });
    this.ui.seedInput.addEventListener('input', (e) => {
      if (this.ui.seedInput.validity.valid && this.ui.seedInput.value !== '')
        this.set({ seed: Number(this.ui.seedInput.value) }, e);
    });
    this.ui.trainButton = el('button', { type: 'button' }, w.train);
    this.ui.trainButton.addEventListener('click', () => void this.train());
    this.ui.stopButton = el('button', { type: 'button', disabled: true }, w.stop);
    this.ui.stopButton.addEventListener('click', () => this.session.stop());
    this.ui.status = el('p', { className: 'kit-status', 'data-role': 'status', 'aria-live': 'polite' });

    this.ui.lossPlot = el('div', { className: 'plot', 'data-role': 'loss' });
    this.ui.viewSlider = slider({
      label: w.showEpoch,
      name: 'view-epoch',
      min: 0,
      max: 0,
      step: 1,
      value: 0,
      onInput: (v, e) => {
        this.session.view(v);
        this.set({}, e);
      },
    });
    this.ui.probeInput = el('input', {
      type: 'text',
      name: 'probe',
      value: this.state.probe,
      maxlength: 40,
      spellcheck: false,
      size: 12,
      className: 'kit-word',
    });
    this.ui.probeInput.addEventListener('input', (e) => this.set({ probe: this.ui.probeInput.value }, e));
    this.ui.neighbourGrid = el('div', {
      className: 'kit-neighbours',
      'data-role': 'neighbours',
      'aria-live': 'polite',
    });
    this.ui.searchInput = el('input', {
      type: 'search',
      name: 'search',
      value: this.state.search,
      maxlength: 40,
      spellcheck: false,
      size: 14,
      placeholder: w.searchPlaceholder,
      className: 'kit-word',
    });
    this.ui.searchInput.addEventListener('input', (e) => this.set({ search: this.ui.searchInput.value }, e));
    this.ui.mapPlot = el('div', { className: 'plot', 'data-role': 'map' });
    this.ui.mapReadout = el('p', { className: 'readout', 'data-role': 'map-readout', 'aria-live': 'polite' });
    this.ui.vectorsButton = el('button', { type: 'button', disabled: true }, w.downloadVectors);
    this.ui.vectorsButton.addEventListener('click', () => this.download('vectors'));
    this.ui.metadataButton = el('button', { type: 'button', disabled: true }, w.downloadMetadata);
    this.ui.metadataButton.addEventListener('click', () => this.download('metadata'));
    this.ui.downloadNote = el('span', { className: 'note', 'data-role': 'download-note' });

    this.append(...draw.skipGramLayout(this.ui));
    this.listen(this.session.subscribe((change) => this.onChange(change)));
    this.dataWorker = imdbCorpusClient(
      () =>
        new Worker(new URL('../../workers/imdb-corpus/worker.ts', import.meta.url), {
          type: 'module',
          name: 'imdb-corpus',
        }),
      {
        // Workers resolve URLs against their own script: give them the site's data as an absolute URL.
        baseUrl: new URL(`${import.meta.env.BASE_URL}data/imdb/`, location.href).href,
        maxVocabulary: MAX_VOCABULARY,
        minCount: IMDB_MIN_COUNT,
        onAvailability: (availability) => this.session.setData(availability),
      },
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.dataWorker?.terminate();
    this.trainWorker?.terminate();
  }

  protected override onReset(): void {
    this.session.reset();
    this.ui.textArea.value = SAMPLE_TEXT;
  }

  private choice(): 'imdb' | 'text' {
    return this.session.controls(this.state.corpus).choice;
  }

  private train(): Promise<void> {
    const { corpus, reviews, dim, epochs, textEpochs, seed } = this.state;
    const settings = { corpus, reviews: Number(reviews), dim: Number(dim), epochs, textEpochs, seed };
    return this.session.train({ ...settings, text: this.ui.textArea.value });
  }

  private onChange(change: SessionChange): void {
    if (change.type === 'backend') return this.showBackend(change.label, change.reason);
    if (change.type === 'error') this.showError(change.message);
    if (change.type !== 'progress') return this.update();
    this.drawStatus();
    draw.drawLoss(this.ui.lossPlot, this.session.losses, this.session.epochs, Math.min(this.columnWidth(), 520));
  }

  private drawStatus(): void {
    const { status, corpus, epochs } = this.session;
    this.ui.status.textContent = draw.statusText(status, corpus, epochs);
    if (status.kind === 'training' || status.kind === 'done')
      this.ui.status.dataset.wordsPerSecond = String(status.wordsPerSecond);
    if (status.kind === 'done') this.dataset.trained = String(status.epochs);
  }

  protected update(): void {
    const { corpus, reviews, dim, seed, probe, search } = this.state;
    const can = this.session.controls(corpus);
    const { choice, running } = can;
    this.ui.radios.imdb.checked = choice === 'imdb';
    this.ui.radios.text.checked = choice === 'text';
    this.ui.radios.imdb.disabled = !can.imdb;
    this.ui.radios.text.disabled = running;
    this.ui.reviewsSelect.value = reviews;
    this.ui.reviewsSelect.disabled = !can.reviews;
    this.ui.textLabel.hidden = choice !== 'text';
    this.ui.textArea.disabled = this.ui.dimSelect.disabled = this.ui.seedInput.disabled = running;
    this.ui.dimSelect.value = dim;
    this.ui.epochsSlider.input.max = String(choice === 'imdb' ? schema.epochs.max : schema.textEpochs.max);
    this.ui.epochsSlider.set(choice === 'imdb' ? this.state.epochs : this.state.textEpochs);
    this.ui.epochsSlider.input.disabled = running;
    if (Number(this.ui.seedInput.value) !== seed) this.ui.seedInput.value = String(seed);
    this.ui.trainButton.disabled = !can.train;
    this.ui.stopButton.disabled = !can.stop;
    // Progress changes several times a second: announce only where a run ends, not each report.
    const live = running ? 'off' : 'polite';
    this.ui.status.setAttribute('aria-live', live);
    this.ui.neighbourGrid.setAttribute('aria-live', live);
    if (this.ui.probeInput.value !== probe) this.ui.probeInput.value = probe;
    if (this.ui.searchInput.value !== search) this.ui.searchInput.value = search;
    this.ui.dataStatus.dataset.kind = this.session.data.kind;
    this.ui.dataStatus.textContent = draw.dataStatusText(this.session.data, corpus === 'imdb');
    this.drawStatus();

    const last = this.session.snapshots.length - 1;
    const shown = this.session.shown();
    this.ui.viewSlider.input.max = String(Math.max(0, last));
    this.ui.viewSlider.input.disabled = !can.view;
    this.ui.viewSlider.set(Math.max(0, shown));
    this.ui.viewSlider.output.textContent =
      last < 0 ? '–' : shown === 0 ? SKIPGRAM_WORDS.now().randomStart('0') : String(shown);
    this.ui.vectorsButton.disabled = this.ui.metadataButton.disabled = !can.download;
    this.ui.downloadNote.textContent = draw.downloadNoteText(can.download, shown, this.session);
    draw.drawLoss(this.ui.lossPlot, this.session.losses, this.session.epochs, Math.min(this.columnWidth(), 520));
    this.drawNeighbours(shown);
    this.drawMap(shown);
  }

  private drawNeighbours(shown: number): void {
    const corpus = this.session.corpus;
    const probes = probeWords(PROBES, this.state.probe);
    if (!corpus || shown < 0) {
      const note = SKIPGRAM_WORDS.now().beforeTraining(String(NEIGHBOURS), probes.join(', '));
      this.ui.neighbourGrid.replaceChildren(el('p', { className: 'note' }, note));
      return;
    }
    const before = shown > 0 ? this.session.unitOf(shown - 1) : null;
    const columns = probeColumns(this.session.unitOf(shown), before, corpus, probes, NEIGHBOURS);
    this.ui.neighbourGrid.replaceChildren(...columns.map(draw.neighbourColumn));
    this.ui.neighbourGrid.dataset.epoch = String(shown);
  }

  private drawMap(shown: number): void {
    const corpus = this.session.corpus;
    if (!corpus || shown < 0) {
      this.ui.mapPlot.replaceChildren(el('p', { className: 'note' }, SKIPGRAM_WORDS.now().mapLater));
      this.ui.mapReadout.textContent = '';
      return;
    }
    const { probe, search } = this.state;
    const unit = this.session.unitOf(shown);
    const view = mapView(unit, corpus, { probes: [...PROBES, probe], search, count: MAP_WORDS, near: 8 });
    // SVG attributes cannot use CSS variables, so the cell's background is read here for the labels' halo.
    const halo = getComputedStyle(this).getPropertyValue('--cell-bg').trim() || 'white';
    const description = SKIPGRAM_WORDS.now().mapDescription({
      words: fmtInt(Math.min(MAP_WORDS, corpus.words.length)),
      corpus: corpus.label,
      epochs: String(shown),
      one: shown === 1,
    });
    draw.drawWordMap(this.ui.mapPlot, view, Math.min(this.columnWidth(), 560), halo, description);
    this.ui.mapReadout.textContent = draw.mapReadoutText(view, corpus.words.length, corpus.label);
    this.ui.mapReadout.dataset.found = view.found === undefined ? '' : view.query;
  }

  private columnWidth(): number {
    const grid = this.querySelector('.kit-columns');
    const columns = grid ? getComputedStyle(grid).gridTemplateColumns.split(' ').length : 1;
    return Math.max(260, Math.floor((this.plotWidth() - (columns - 1) * 20) / columns));
  }

  private download(which: 'vectors' | 'metadata'): void {
    const text = this.session.projectorFile(which);
    if (text === null) return;
    const url = URL.createObjectURL(new Blob([text], { type: 'text/tab-separated-values' }));
    const link = el('a', { href: url, download: `${which}.tsv`, hidden: true });
    this.append(link);
    link.click();
    link.remove();
    // The download has its own copy once it starts; give the memory back a moment later.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

defineWidget('kit-skipgram', SkipGramWidget);
