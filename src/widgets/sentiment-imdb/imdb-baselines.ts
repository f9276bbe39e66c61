/**
 * <kit-imdb-baselines>: the two baselines of chapter 5 beside the trained LSTM, in one table of
 * scores on all 25,000 test reviews: the R article's random forest on the padded ids and a
 * bag-of-words logistic regression, fitted in a Web Worker (src/workers/baselines/worker.ts; its state in src/baselines/fit-run.ts), with a
 * sentence under the table, computed from the numbers, that says which model wins. Results are
 * kept in localStorage for the dataset they were fitted on, so a reload keeps them.
 */
import {
  abandonFit,
  checkResults,
  fitStep,
  idleFit,
  modelNames,
  resultsKey,
  startFit,
  stopFit,
  type FitState,
} from '../../baselines/fit-run';
import type { BinaryMetrics } from '../../baselines/metrics';
import { rankModels, verdict, type ScoredModel } from '../../baselines/verdict';
import { percent } from '../../data/format';
import type { ImdbData } from '../../data/loader';
import type { BaselineModel, BaselinesReport, BaselinesRequest } from '../../workers/baselines/protocol';
import { startWorker, type WorkerClient } from '../../workers/client';
import { imdbPanel, watchData } from '../kit/imdb-panel';
import { dataTable, el } from '../kit/dom';
import { fmt, fmtInt } from '../kit/format';
import { readStored, writeStored } from '../kit/stored';
import { onTrainedChange, trainedSummary } from '../kit/trained';
import { defineWidget, KitWidget } from '../kit/widget';
import { pageLocale } from '../../i18n/words';
import { IMDB_BASELINES_WORDS } from './imdb-baselines.words';
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

class ImdbBaselinesWidget extends KitWidget<typeof schema> {
  protected readonly schema = schema;
  protected override engine = IMDB_BASELINES_WORDS.now().engine;
  private data: ImdbData | null = null;
  private storageKey = '';
  private fitState: FitState = idleFit({});
  private worker: WorkerClient<BaselinesRequest> | null = null;
  private stopTimer: ReturnType<typeof setTimeout> | undefined;
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
    const w = IMDB_BASELINES_WORDS.now();
    this.fitState = { ...this.fitState, locale: pageLocale() };
    const panel = imdbPanel({ mode: 'compact', home: { id: 'data', title: w.home } });
    this.treesSelect = el(
      'select',
      { name: 'trees' },
      ...TREE_CHOICES.map((n) =>
        el('option', { value: n }, w.treesOption(fmtInt(Number(n)), n === schema.trees.default)),
      ),
    );
    this.treesSelect.addEventListener('change', (e) => this.set({ trees: this.treesSelect.value }, e));
    this.fitButton = el('button', { type: 'button', 'data-role': 'fit' }, w.fit);
    this.fitButton.addEventListener('click', () => this.fit());
    this.stopButton = el('button', { type: 'button', 'data-role': 'stop', disabled: true }, w.stop);
    this.stopButton.addEventListener('click', () => this.stop());
    this.progress = el('progress', {
      className: 'imdb-progress',
      'data-role': 'progress',
      'aria-label': w.progressLabel,
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
      el('div', { className: 'controls' }, el('label', {}, w.trees, this.treesSelect), this.fitButton, this.stopButton),
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
        this.storageKey = data ? resultsKey(data.dataset.manifest, STORAGE_PREFIX) : '';
        this.fitState = { ...this.fitState, results: data ? checkResults(readStored(this.storageKey)) : {} };
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
    if (!data || this.fitState.run) return;
    const { train, test } = data.dataset.splits;
    if (!train || !test) {
      this.showError(IMDB_BASELINES_WORDS.now().needBoth);
      return;
    }
    this.showError('');
    const models: BaselineModel[] = ['bag-of-words', 'forest'];
    this.fitState = startFit(this.fitState, models, performance.now());
    this.worker = startWorker<BaselinesRequest, BaselinesReport>(
      () =>
        new Worker(new URL('../../workers/baselines/worker.ts', import.meta.url), {
          type: 'module',
          name: 'baselines',
        }),
      (report) => this.onReport(report),
      'baselines worker',
    );
    // Copies of the splits' arrays go to the worker (the page keeps its own for other cells).
    const reviews = (s: typeof train) => ({ offsets: s.offsets, tokens: s.tokens, labels: s.labels });
    const trees = Number(this.state.trees);
    this.worker.send({ type: 'fit', models, train: reviews(train), test: reviews(test), trees, seed: SEED });
    this.update();
  }

  /** Asks the worker to stop; ends it if it does not answer. */
  private stop(): void {
    const run = this.fitState.run;
    if (!run || run.stopping) return;
    this.fitState = stopFit(this.fitState);
    this.worker?.send({ type: 'stop' });
    this.stopTimer = setTimeout(() => {
      this.fitState = abandonFit(this.fitState);
      this.end();
      this.update();
    }, STOP_GRACE_MS);
    this.update();
  }

  /** Ends the run's worker, whatever it is doing. */
  private end(): void {
    clearTimeout(this.stopTimer);
    this.worker?.terminate();
    this.worker = null;
    if (this.fitState.run) this.fitState = { ...this.fitState, run: null };
  }

  private onReport(report: BaselinesReport): void {
    if (!this.fitState.run) return;
    this.fitState = fitStep(this.fitState, report, performance.now());
    if (report.type === 'progress') return this.showRun(); // many a second: the table stays as it is
    if (report.type === 'result') {
      const problem = writeStored(this.storageKey, this.fitState.results);
      if (problem) this.showError(IMDB_BASELINES_WORDS.now().notKept(problem));
    }
    if (report.type === 'error') this.showError(IMDB_BASELINES_WORDS.now().failed(report.message));
    if (!this.fitState.run) this.end();
    this.update();
  }

  /** The controls, progress bar and status line of the run. */
  private showRun(): void {
    const { run, fraction, status } = this.fitState;
    const running = run !== null;
    this.treesSelect.disabled = running;
    this.fitButton.disabled = running || this.data === null;
    this.stopButton.disabled = !running || run.stopping;
    this.progress.hidden = !running;
    this.progress.value = fraction;
    this.status.textContent = status;
    // Progress changes many times a second: announce only where a run ends.
    this.status.setAttribute('aria-live', running ? 'off' : 'polite');
  }

  private rows(): Row[] {
    const { forest, bagOfWords } = this.fitState.results;
    const w = IMDB_BASELINES_WORDS.now();
    const names = modelNames(pageLocale());
    const rows: Row[] = [
      {
        key: 'forest',
        label: forest ? w.forestTrees(fmtInt(forest.trees)) : w.forest,
        name: names.forest,
        metrics: forest?.metrics ?? null,
        fit: forest ? w.seconds(fmt(forest.seconds, 1)) : w.notFitted,
      },
      {
        key: 'bag-of-words',
        label: w.bagOfWords,
        name: names['bag-of-words'],
        metrics: bagOfWords?.metrics ?? null,
        fit: bagOfWords ? w.seconds(fmt(bagOfWords.seconds, 1)) : w.notFitted,
      },
    ];
    const lstm = trainedSummary();
    if (lstm) {
      rows.push({
        key: 'lstm',
        label: w.lstm(lstm.label),
        name: names.lstm,
        metrics: lstm.test,
        fit: lstm.test ? w.lstmEpochs(lstm.epochs, fmtInt(lstm.epochs)) : w.lstmUnscored,
      });
    }
    return rows;
  }

  protected update(): void {
    this.main.hidden = this.data === null;
    this.treesSelect.value = this.state.trees;
    this.showRun();
    if (!this.data) return;

    const count = this.data.dataset.manifest.splits.test.count;
    const w = IMDB_BASELINES_WORDS.now();
    const rows = this.rows();
    const scored: (ScoredModel & { key: string })[] = rows
      .filter((r) => r.metrics !== null)
      .map((r) => ({ key: r.key, name: r.name, metrics: { ...r.metrics!, count } }));
    const best = scored.length > 1 ? rankModels(scored)[0]!.key : null;
    const cell = (x: number | undefined) => (x === undefined ? '–' : percent(x));
    this.table.replaceChildren(
      dataTable({
        caption: w.caption(fmtInt(count)),
        head: [...w.head],
        rows: rows.map((r) => ({
          attrs: {
            'data-model': r.key,
            ...(r.metrics ? { 'data-accuracy': String(r.metrics.accuracy) } : {}),
            ...(r.key === best ? { 'data-best': 'true' } : {}),
          },
          cells: [
            { head: r.label },
            cell(r.metrics?.accuracy),
            cell(r.metrics?.precision),
            cell(r.metrics?.recall),
            cell(r.metrics?.f1),
            r.fit,
          ],
        })),
      }),
    );
    this.verdictLine.textContent = scored.length === 0 ? w.empty : verdict(scored, pageLocale());
    this.details.textContent = this.detailText();
  }

  private detailText(): string {
    const { forest, bagOfWords } = this.fitState.results;
    const w = IMDB_BASELINES_WORDS.now();
    const parts: string[] = [];
    if (bagOfWords)
      parts.push(
        w.bagOfWordsDetails({
          words: fmtInt(bagOfWords.words),
          bigrams: fmtInt(bagOfWords.bigrams),
          l2: bagOfWords.l2.toExponential(0),
          iterations: fmtInt(bagOfWords.iterations),
        }),
      );
    if (forest) parts.push(w.forestDetails(percent(forest.outOfBagAccuracy), fmtInt(forest.nodesPerTree)));
    // Chinese sentences follow one another without a space.
    return parts.join(pageLocale() === 'zh' ? '' : ' ');
  }
}

defineWidget('kit-imdb-baselines', ImdbBaselinesWidget);
