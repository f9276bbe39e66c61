/**
 * <kit-imdb-baselines>: the two baselines of chapter 5 beside the trained LSTM, in one table of
 * scores on all 25,000 test reviews: the R article's random forest on the padded ids and a
 * bag-of-words logistic regression, fitted in a Web Worker (src/workers/baselines.ts), with a
 * sentence under the table, computed from the numbers, that says which model wins. Results are
 * kept in localStorage for the dataset they were fitted on, so a reload keeps them.
 */
import type { BagOfWordsBaseline, ForestBaseline } from '../../baselines/imdb';
import type { BinaryMetrics } from '../../baselines/metrics';
import { rankModels, verdict, type ScoredModel } from '../../baselines/verdict';
import { percent } from '../../data/format';
import type { ImdbData } from '../../data/loader';
import type { ImdbManifest } from '../../data/shards';
import { seedFromString } from '../../lstm/cell/random';
import type { BaselineModel, BaselinesReport, BaselinesRequest } from '../../workers/baselines';
import { imdbPanel, watchData } from '../kit/imdb-panel';
import { el } from '../kit/dom';
import { fmt, fmtInt } from '../kit/format';
import { readStored, writeStored } from '../kit/stored';
import { onTrainedChange, trainedSummary } from '../kit/trained';
import { defineWidget, KitWidget } from '../kit/widget';
import './imdb.css';

// The R article grows 1,000 trees; fewer give a quick try (the forest scores near chance anyway).
const TREE_CHOICES = ['10', '100', '1000'] as const;
const SEED = 1;
const STORAGE_PREFIX = 'kit-imdb-baselines:v1:';
// A stop that the worker has not answered in this time ends the worker.
const STOP_GRACE_MS = 3000;

const schema = {
  trees: { kind: 'enum', default: '1000', values: TREE_CHOICES },
} as const;

/** What the page keeps for one dataset. */
interface StoredResults {
  forest?: ForestBaseline;
  bagOfWords?: BagOfWordsBaseline;
}

const MODEL_NAMES: Record<BaselineModel, string> = {
  'bag-of-words': 'the bag-of-words logistic regression',
  forest: 'the random forest',
};

/** The storage key of a dataset: a checksum of the checksums of its vocabulary and shards. */
function resultsKey(manifest: ImdbManifest): string {
  const sums = [manifest.vocabulary, ...manifest.splits.train.shards, ...manifest.splits.test.shards].map(
    (ref) => ref.sha256,
  );
  return STORAGE_PREFIX + seedFromString(sums.join(',')).toString(16).padStart(8, '0');
}

function isMetrics(value: unknown): value is BinaryMetrics {
  const m = value as Partial<BinaryMetrics> | null;
  return (
    typeof m === 'object' &&
    m !== null &&
    [m.accuracy, m.precision, m.recall, m.f1, m.count].every((x) => typeof x === 'number' && Number.isFinite(x))
  );
}

/** Reads kept results, dropping anything that is not what this page wrote. */
function readResults(key: string): StoredResults {
  const value = (readStored(key) ?? {}) as Record<string, unknown>;
  const out: StoredResults = {};
  const forest = value.forest as ForestBaseline | undefined;
  if (forest?.model === 'forest' && isMetrics(forest.metrics) && typeof forest.seconds === 'number')
    out.forest = forest;
  const bow = value.bagOfWords as BagOfWordsBaseline | undefined;
  if (bow?.model === 'bag-of-words' && isMetrics(bow.metrics) && typeof bow.seconds === 'number') out.bagOfWords = bow;
  return out;
}

/** "about 12 s left" from the time spent and the share done. */
function timeLeft(elapsedMs: number, fraction: number): string {
  if (fraction < 0.02 || elapsedMs < 1500) return 'estimating the time left…';
  const seconds = (elapsedMs * (1 - fraction)) / fraction / 1000;
  return seconds < 90
    ? `about ${Math.max(1, Math.round(seconds))} s left`
    : `about ${Math.round(seconds / 60)} min left`;
}

/** One row of the table. */
interface Row {
  key: string;
  /** The model in the table. */
  label: string;
  /** The model in the verdict sentence. */
  name: string;
  metrics: Pick<BinaryMetrics, 'accuracy' | 'precision' | 'recall' | 'f1'> | null;
  /** How it was fitted, in words. */
  fit: string;
}

/** The run in progress. */
interface Run {
  worker: Worker;
  models: BaselineModel[];
  /** The model being fitted and when it started. */
  model: BaselineModel | null;
  modelStarted: number;
  started: number;
  stopping: boolean;
  stopTimer?: ReturnType<typeof setTimeout>;
}

class ImdbBaselinesWidget extends KitWidget<typeof schema> {
  protected readonly schema = schema;
  protected override engine = 'plain TypeScript in a Web Worker, no tfjs';
  private data: ImdbData | null = null;
  private storageKey = '';
  private results: StoredResults = {};
  private run: Run | null = null;
  private main!: HTMLElement;
  private treesSelect!: HTMLSelectElement;
  private fitButton!: HTMLButtonElement;
  private stopButton!: HTMLButtonElement;
  private progress!: HTMLProgressElement;
  private status!: HTMLElement;
  private table!: HTMLElement;
  private verdictLine!: HTMLElement;
  private details!: HTMLElement;

  protected build(): void {
    const panel = imdbPanel({ mode: 'compact', home: { id: 'data', title: 'The reviews in this page' } });
    this.treesSelect = el(
      'select',
      { name: 'trees' },
      ...TREE_CHOICES.map((n) =>
        el('option', { value: n }, `${fmtInt(Number(n))}${n === schema.trees.default ? ' (as the article)' : ''}`),
      ),
    );
    this.treesSelect.addEventListener('change', (e) => this.set({ trees: this.treesSelect.value }, e));
    this.fitButton = el('button', { type: 'button', 'data-role': 'fit' }, 'Fit the baselines');
    this.fitButton.addEventListener('click', () => this.fit());
    this.stopButton = el('button', { type: 'button', 'data-role': 'stop', disabled: true }, 'Stop');
    this.stopButton.addEventListener('click', () => this.stop());
    this.progress = el('progress', {
      className: 'imdb-progress',
      'data-role': 'progress',
      'aria-label': 'Progress of the fit',
      max: 1,
      value: 0,
      hidden: true,
    });
    this.status = el('p', { className: 'imdb-status', 'data-role': 'status', 'aria-live': 'polite' });
    this.table = el('div', { className: 'readout', 'data-role': 'results' });
    this.verdictLine = el('p', { 'data-role': 'verdict', 'aria-live': 'polite' });
    this.details = el('p', { className: 'note', 'data-role': 'details' });
    this.main = el(
      'div',
      {},
      el(
        'div',
        { className: 'controls' },
        el('label', {}, 'Trees in the forest', this.treesSelect),
        this.fitButton,
        this.stopButton,
      ),
      this.progress,
      this.status,
      this.table,
      this.verdictLine,
      this.details,
    );
    this.append(panel.root, this.main);
    this.own({ stop: () => this.stop() });
    this.listen(panel.dispose);
    this.listen(
      watchData(panel.loader, (data) => {
        this.data = data;
        this.storageKey = data ? resultsKey(data.dataset.manifest) : '';
        this.results = data ? readResults(this.storageKey) : {};
        this.update();
      }),
    );
    this.listen(onTrainedChange(() => this.update()));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.end();
  }

  private fit(): void {
    const data = this.data;
    if (!data || this.run) return;
    const { train, test } = data.dataset.splits;
    if (!train || !test) {
      this.showError('The baselines need both the training and the test reviews.');
      return;
    }
    this.showError('');
    const worker = new Worker(new URL('../../workers/baselines.ts', import.meta.url), {
      type: 'module',
      name: 'baselines',
    });
    worker.addEventListener('message', (event: MessageEvent<BaselinesReport>) => this.onReport(event.data));
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.showError(`The baselines worker failed: ${event.message || 'it could not start'}`);
      this.end();
      this.update();
    });
    const models: BaselineModel[] = ['bag-of-words', 'forest'];
    const now = performance.now();
    this.run = { worker, models, model: null, modelStarted: now, started: now, stopping: false };
    // Copies of the splits' arrays go to the worker (the page keeps its own for other cells).
    const reviews = (s: typeof train) => ({ offsets: s.offsets, tokens: s.tokens, labels: s.labels });
    worker.postMessage({
      type: 'fit',
      models,
      train: reviews(train),
      test: reviews(test),
      trees: Number(this.state.trees),
      seed: SEED,
    } satisfies BaselinesRequest);
    this.progress.hidden = false;
    this.progress.value = 0;
    this.status.textContent = 'Starting the worker…';
    this.update();
  }

  /** Asks the worker to stop; ends it if it does not answer. */
  private stop(): void {
    const run = this.run;
    if (!run || run.stopping) return;
    run.stopping = true;
    run.worker.postMessage({ type: 'stop' } satisfies BaselinesRequest);
    run.stopTimer = setTimeout(() => {
      this.end();
      this.status.textContent = 'Stopped.';
      this.update();
    }, STOP_GRACE_MS);
    this.status.textContent = 'Stopping…';
    this.update();
  }

  /** Ends the run's worker, whatever it is doing. */
  private end(): void {
    const run = this.run;
    if (!run) return;
    clearTimeout(run.stopTimer);
    run.worker.terminate();
    this.run = null;
    this.progress.hidden = true;
  }

  private onReport(report: BaselinesReport): void {
    const run = this.run;
    if (!run) return;
    const now = performance.now();
    switch (report.type) {
      case 'progress': {
        if (run.model !== report.model) {
          run.model = report.model;
          run.modelStarted = now;
        }
        if (run.stopping) return;
        const step = run.models.indexOf(report.model) + 1;
        this.progress.value = report.fraction;
        this.status.textContent =
          `Step ${step} of ${run.models.length}, ${MODEL_NAMES[report.model]}: ${report.stage}; ` +
          timeLeft(now - run.modelStarted, report.fraction);
        return;
      }
      case 'result': {
        if (report.result.model === 'forest') this.results.forest = report.result;
        else this.results.bagOfWords = report.result;
        const problem = writeStored(this.storageKey, this.results);
        if (problem) this.showError(`The results could not be kept for your next visit: ${problem}`);
        this.update();
        return;
      }
      case 'done': {
        const seconds = (now - run.started) / 1000;
        this.end();
        this.status.textContent = report.stopped
          ? 'Stopped. Results that were complete before the stop are in the table.'
          : `Fitted both baselines in ${fmt(seconds, 1)} s.`;
        this.update();
        return;
      }
      case 'error':
        this.end();
        this.status.textContent = '';
        this.showError(`The fit failed: ${report.message}`);
        this.update();
        return;
    }
  }

  private rows(): Row[] {
    const { forest, bagOfWords } = this.results;
    const rows: Row[] = [
      {
        key: 'forest',
        label: forest
          ? `Random forest, ${fmtInt(forest.trees)} trees, on the 80 padded ids`
          : 'Random forest on the 80 padded ids',
        name: MODEL_NAMES.forest,
        metrics: forest?.metrics ?? null,
        fit: forest ? `${fmt(forest.seconds, 1)} s` : 'not fitted yet',
      },
      {
        key: 'bag-of-words',
        label: 'Logistic regression on a bag of words and word pairs',
        name: MODEL_NAMES['bag-of-words'],
        metrics: bagOfWords?.metrics ?? null,
        fit: bagOfWords ? `${fmt(bagOfWords.seconds, 1)} s` : 'not fitted yet',
      },
    ];
    const lstm = trainedSummary();
    if (lstm) {
      rows.push({
        key: 'lstm',
        label: `LSTM, ${lstm.label}`,
        name: 'the LSTM',
        metrics: lstm.test,
        fit: lstm.test ? `${lstm.epochs} epoch${lstm.epochs === 1 ? '' : 's'}` : 'not yet scored on the test reviews',
      });
    }
    return rows;
  }

  protected update(): void {
    const running = this.run !== null;
    this.main.hidden = this.data === null;
    this.treesSelect.value = this.state.trees;
    this.treesSelect.disabled = running;
    this.fitButton.disabled = running || this.data === null;
    this.stopButton.disabled = !running || this.run!.stopping;
    // Progress changes many times a second: announce only where a run ends.
    this.status.setAttribute('aria-live', running ? 'off' : 'polite');
    if (!this.data) return;

    const count = this.data.dataset.manifest.splits.test.count;
    const rows = this.rows();
    const scored: (ScoredModel & { key: string })[] = rows
      .filter((r) => r.metrics !== null)
      .map((r) => ({ key: r.key, name: r.name, metrics: { ...r.metrics!, count } }));
    const best = scored.length > 1 ? rankModels(scored)[0]!.key : null;
    const th = (t: string) => el('th', { scope: 'col' }, t);
    const cell = (x: number | undefined) => el('td', {}, x === undefined ? '–' : percent(x));
    this.table.replaceChildren(
      el(
        'table',
        {},
        el('caption', {}, `Scores on all ${fmtInt(count)} test reviews (positive reviews are the class to find)`),
        el(
          'thead',
          {},
          el('tr', {}, th('model'), th('accuracy'), th('precision'), th('recall'), th('F1'), th('fitted in')),
        ),
        el(
          'tbody',
          {},
          ...rows.map((r) =>
            el(
              'tr',
              {
                'data-model': r.key,
                'data-accuracy': r.metrics ? String(r.metrics.accuracy) : undefined,
                'data-best': r.key === best ? 'true' : undefined,
              },
              el('th', { scope: 'row' }, r.label),
              cell(r.metrics?.accuracy),
              cell(r.metrics?.precision),
              cell(r.metrics?.recall),
              cell(r.metrics?.f1),
              el('td', {}, r.fit),
            ),
          ),
        ),
      ),
    );
    this.verdictLine.textContent =
      scored.length === 0
        ? 'Fit the baselines to fill the table; the sentence here then says which model wins.'
        : verdict(scored);
    this.details.textContent = this.detailText();
  }

  private detailText(): string {
    const { forest, bagOfWords } = this.results;
    const parts: string[] = [];
    if (bagOfWords)
      parts.push(
        `The logistic regression weighs ${fmtInt(bagOfWords.words)} words and ${fmtInt(bagOfWords.bigrams)} word pairs ` +
          `(tf-idf, each in at least 2 training reviews), penalty λ = ${bagOfWords.l2.toExponential(0)}, ` +
          `${bagOfWords.iterations} L-BFGS iterations.`,
      );
    if (forest)
      parts.push(
        `The forest's out-of-bag estimate on the training reviews is ${percent(forest.outOfBagAccuracy)}; ` +
          `its trees have ${fmtInt(forest.nodesPerTree)} nodes on average.`,
      );
    return parts.join(' ');
  }
}

defineWidget('kit-imdb-baselines', ImdbBaselinesWidget);
