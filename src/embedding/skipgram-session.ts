/**
 * A skip-gram training run as the chapter 4 page shows it, as a small state machine: whether the
 * prepared IMDB data is there, the corpus a run trains on, the run's phase (waiting for its
 * corpus, training, idle), the table after every epoch, the loss reports, the epoch the reader
 * looks at, and what the controls allow in each phase. It touches no DOM; how an IMDB corpus
 * is loaded and where the training runs are passed in, so that the same machine runs in unit
 * tests with a trainer in memory and in the page with Web Workers.
 *
 *     const session = new SkipGramSession({ loadImdb, train, stop, cancel });
 *     session.subscribe((change) => draw(change));
 *     void session.train(settings);     // loads the corpus, then sends the run to the trainer
 *     trainer.onReport = (event) => session.report(event);
 */
import { normaliseRows, type UnitVectorTable, type VectorTable } from './cosine.ts';
import { corpusFromTexts, corpusTokens, textLines, type Corpus } from './corpus.ts';
import { wordIds } from './probes.ts';
import { projectorMetadataTsv, projectorVectorsTsv } from './projector.ts';
import { countTokens } from './skipgram.ts';
import { subsampleFor, type SkipGramProgress, type SkipGramRunOptions, type SkipGramRunResult } from './training.ts';
import { errorMessage } from '../data/errors.ts';
import type { Locale } from '../i18n/locales.ts';
import { SKIPGRAM_SESSION_WORDS } from './skipgram-session.words.ts';

/** Most distinct words a corpus keeps, the most frequent first. */
export const MAX_VOCABULARY = 5000;
/** IMDB words seen fewer times than this in the chosen reviews get no vector: too few contexts. */
export const IMDB_MIN_COUNT = 5;

/**
 * What a training run reports, in this order: the backend it runs on, the untrained table
 * (epoch 0), progress within epochs, the table after each epoch, and how it ended; or an error.
 * Tables are `[vocabSize, dim]` row-major.
 */
export type SkipGramRunEvent =
  | { type: 'backend'; label: string; reason: string }
  | { type: 'start'; values: Float32Array; dim: number }
  | ({ type: 'progress' } & SkipGramProgress)
  | { type: 'epoch'; epoch: number; values: Float32Array; dim: number; loss: number }
  | ({ type: 'done' } & SkipGramRunResult)
  | { type: 'error'; message: string };

/** A run for the trainer: texts as word ids, `vocabSize` table rows, and its settings. */
export interface SkipGramRunRequest {
  sequences: Int32Array[];
  vocabSize: number;
  options: SkipGramRunOptions;
}

/** Whether the prepared IMDB data is there to train on. */
export type ImdbAvailability =
  | { kind: 'checking' }
  | { kind: 'available'; reviews: number }
  /** `message` says why not, in words. */
  | { kind: 'absent'; message: string };

/** The corpus a run trains on, with what the page shows about it. */
export interface SessionCorpus extends Corpus {
  /** In words, e.g. "3,000 IMDB training reviews". */
  label: string;
  /** Each word's row. */
  ids: Map<string, number>;
  /** Occurrences of each word, `[words.length]`. */
  counts: Float64Array;
  /** Words in all the texts. */
  tokens: number;
}

/** The table after one epoch (0: the random start), `[words, dim]`. */
export interface Snapshot {
  epoch: number;
  table: VectorTable;
  unit?: UnitVectorTable;
}

/** One epoch's vectors for the page's other cells (the same shape as the widgets' store). */
export interface EpochVectors {
  /** `[words.length, dim]`. */
  table: VectorTable;
  /** The same with unit rows. */
  unit: UnitVectorTable;
  words: readonly string[];
  ids: ReadonlyMap<string, number>;
  /** Epochs trained (0: the random start). */
  epoch: number;
  /** The corpus' label. */
  corpus: string;
}

/**
 * 'idle': nothing running; 'loading': a run waits for its corpus (nothing has gone to the
 * trainer yet); 'training': the trainer has the run, until it reports done or an error.
 */
export type SessionPhase = 'idle' | 'loading' | 'training';

/** The status line's content. */
export type SessionStatus =
  | { kind: 'none' }
  /** Loading the IMDB shards: bytes so far and in all. */
  | { kind: 'loading'; loaded: number; total: number }
  /** The corpus is ready and the run has gone to the trainer. */
  | { kind: 'starting' }
  /** `epoch` is the epoch under way, from 1; `loss` the mean loss per pair lately. */
  | { kind: 'training'; epoch: number; loss: number; wordsPerSecond: number }
  | { kind: 'stopping' }
  /** Stopped while the corpus loaded: nothing was trained. */
  | { kind: 'cancelled' }
  /** The run ended: `seconds` from sending it to the end, `stopped` when Stop ended it early. */
  | { kind: 'done'; epochs: number; steps: number; stopped: boolean; seconds: number; wordsPerSecond: number };

/** What changed: a progress report moves only the status line and the loss curve. */
export type SessionChange =
  | { type: 'state' }
  | { type: 'progress' }
  | { type: 'backend'; label: string; reason: string }
  /** An error to show ('' clears it), after which everything is redrawn. */
  | { type: 'error'; message: string };

/** What the reader set for the next run. */
export interface RunSettings {
  /** The corpus asked for, 'imdb' or 'text'; IMDB only counts where the data is available. */
  corpus: string;
  /** IMDB training reviews to train on. */
  reviews: number;
  /** The pasted text, one review or sentence per line. */
  text: string;
  /** Vector length d. */
  dim: number;
  /** Epochs on IMDB. */
  epochs: number;
  /** Epochs on a pasted text (which needs many more passes). */
  textEpochs: number;
  seed: number;
}

/** Which controls are usable, for the current phase and data. */
export interface SessionControls {
  /** The corpus Train uses. */
  choice: 'imdb' | 'text';
  /** A run is under way: every setting is locked. */
  running: boolean;
  /** The IMDB choice can be picked. */
  imdb: boolean;
  /** The number of reviews can be changed. */
  reviews: boolean;
  train: boolean;
  stop: boolean;
  /** The epoch slider can move (two snapshots or more). */
  view: boolean;
  /** The projector files can be downloaded (a trained epoch to download). */
  download: boolean;
}

/** What a session needs from its surroundings. */
export interface SkipGramSessionDeps {
  /**
   * Builds a corpus from `reviews` IMDB training reviews (in a Web Worker in browsers),
   * reporting the shards' bytes loaded so far and in all, and names it in words.
   */
  loadImdb(
    reviews: number,
    onProgress: (loaded: number, total: number) => void,
  ): Promise<{ corpus: Corpus; label: string }>;
  /**
   * Sends a run to the trainer (starting it if needed); its events come back through
   * {@link SkipGramSession.report}.
   */
  train(run: SkipGramRunRequest): void;
  /** Asks the trainer to stop after its current step. */
  stop(): void;
  /** Ends the trainer at once, whatever it was doing (a reset). */
  cancel(): void;
  /** Publishes each epoch's vectors, and null after a reset. */
  publish?(vectors: EpochVectors | null): void;
  /** A clock in milliseconds (default `performance.now`). */
  now?: () => number;
  /** The edition whose words name the pasted corpus and the errors (default 'en'). */
  locale?: Locale;
}

/**
 * What the page keeps about a corpus: its word ids, each word's count (`[words.length]`) and its
 * size in words, with `label` naming it.
 */
export function describeCorpus(corpus: Corpus, label: string): SessionCorpus {
  return {
    ...corpus,
    label,
    ids: wordIds(corpus.words),
    counts: countTokens(corpus.sequences, corpus.words.length),
    tokens: corpusTokens(corpus),
  };
}

/**
 * The corpus Train uses for a reader who wants `wanted` ('imdb' or 'text'): IMDB only where the
 * prepared data is there.
 */
export function corpusChoice(wanted: string, data: ImdbAvailability): 'imdb' | 'text' {
  return wanted === 'imdb' && data.kind === 'available' ? 'imdb' : 'text';
}

/** One training run after another, with the snapshots of the latest. */
export class SkipGramSession {
  #data: ImdbAvailability = { kind: 'checking' };
  #phase: SessionPhase = 'idle';
  #status: SessionStatus = { kind: 'none' };
  #corpus: SessionCorpus | null = null;
  #snapshots: Snapshot[] = [];
  #losses: { epoch: number; loss: number }[] = [];
  /** The epoch shown, or null to follow the latest. */
  #viewing: number | null = null;
  #epochs = 0;
  #started = 0;
  // Bumped by every run, by a stop while the corpus loads and by a reset, so that a run stopped
  // while its corpus loaded cannot start later.
  #run = 0;
  readonly #imdbCorpora = new Map<number, Promise<SessionCorpus>>();
  readonly #listeners = new Set<(change: SessionChange) => void>();
  readonly #deps: SkipGramSessionDeps;
  readonly #now: () => number;

  /** The words of the session's edition. */
  #words() {
    return SKIPGRAM_SESSION_WORDS[this.#deps.locale ?? 'en'];
  }

  constructor(deps: SkipGramSessionDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? (() => performance.now());
  }

  /** Whether the IMDB data is there. */
  get data(): ImdbAvailability {
    return this.#data;
  }
  /** Where the run stands: idle, waiting for its corpus, or training. */
  get phase(): SessionPhase {
    return this.#phase;
  }
  /** What the status line says. */
  get status(): SessionStatus {
    return this.#status;
  }
  /** The corpus of the latest run, once loaded. */
  get corpus(): SessionCorpus | null {
    return this.#corpus;
  }
  /** Snapshots of the latest run: the random start, then one per epoch. */
  get snapshots(): readonly Snapshot[] {
    return this.#snapshots;
  }
  /** Loss reports of the latest run: `epoch` with its fraction done (1.5: halfway through epoch 2). */
  get losses(): readonly { epoch: number; loss: number }[] {
    return this.#losses;
  }
  /** Epochs the latest run was asked for. */
  get epochs(): number {
    return this.#epochs;
  }

  /** Calls `listener` on every change; returns the function that stops it. */
  subscribe(listener: (change: SessionChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #emit(change: SessionChange): void {
    for (const listener of this.#listeners) listener(change);
  }

  /** Records whether the IMDB data is there (the data worker's answer). */
  setData(data: ImdbAvailability): void {
    this.#data = data;
    this.#emit({ type: 'state' });
  }

  /** The snapshot shown: the one viewed, else the latest; -1 before any. */
  shown(): number {
    const last = this.#snapshots.length - 1;
    return this.#viewing === null ? last : Math.min(this.#viewing, last);
  }

  /** Shows the table after `epoch` epochs (0: the random start); the last one follows the run as it goes on. */
  view(epoch: number): void {
    this.#viewing = epoch >= this.#snapshots.length - 1 ? null : epoch;
  }

  /** Snapshot `index`'s table with unit rows, `[words, dim]`, computed once. */
  unitOf(index: number): UnitVectorTable {
    const s = this.#snapshots[index]!;
    s.unit ??= normaliseRows(s.table);
    return s.unit;
  }

  /** What the controls allow now, for a reader who wants `wanted`. */
  controls(wanted: string): SessionControls {
    const running = this.#phase !== 'idle';
    const choice = corpusChoice(wanted, this.#data);
    const trained = this.#snapshots.length > 1;
    return {
      choice,
      running,
      imdb: this.#data.kind === 'available' && !running,
      reviews: choice === 'imdb' && !running,
      train: !running,
      stop: running,
      view: trained,
      download: trained && this.#corpus !== null,
    };
  }

  /**
   * A file for the Embedding Projector: the shown epoch's vectors (`[words, dim]`, one line per
   * word) or the words with their counts; null before an epoch is trained.
   */
  projectorFile(which: 'vectors' | 'metadata'): string | null {
    const corpus = this.#corpus;
    if (!corpus || this.#snapshots.length < 2) return null;
    return which === 'vectors'
      ? projectorVectorsTsv(this.#snapshots[this.shown()]!.table)
      : projectorMetadataTsv(corpus.words, { columns: { count: Array.from(corpus.counts) } });
  }

  /** The corpus for `settings`: IMDB reviews loaded once per size, or the pasted text. */
  #corpusFor(settings: RunSettings, choice: 'imdb' | 'text'): Promise<SessionCorpus> | SessionCorpus {
    if (choice === 'text')
      return describeCorpus(
        corpusFromTexts(textLines(settings.text), { maxVocabulary: MAX_VOCABULARY }),
        this.#words().yourText,
      );
    const { reviews } = settings;
    let loading = this.#imdbCorpora.get(reviews);
    if (loading) return loading;
    loading = this.#deps
      .loadImdb(reviews, (loaded, total) => {
        if (this.#phase !== 'loading') return;
        this.#status = { kind: 'loading', loaded, total };
        this.#emit({ type: 'progress' });
      })
      .then(({ corpus, label }) => describeCorpus(corpus, label));
    loading.catch(() => this.#imdbCorpora.delete(reviews)); // a failed load is tried again next time
    this.#imdbCorpora.set(reviews, loading);
    return loading;
  }

  /**
   * Starts a run: loads its corpus, then sends it to the trainer. Does nothing while a run is
   * under way. A corpus that cannot be had ends the run with an error.
   */
  async train(settings: RunSettings): Promise<void> {
    if (this.#phase !== 'idle') return;
    this.#phase = 'loading';
    const run = ++this.#run;
    const choice = corpusChoice(settings.corpus, this.#data);
    this.#emit({ type: 'error', message: '' });
    try {
      const corpus = await this.#corpusFor(settings, choice);
      if (run !== this.#run) return; // stopped or reset while the corpus loaded
      if (corpus.words.length < 2) throw new Error(this.#words().tooFewWords);
      this.#phase = 'training';
      this.#corpus = corpus;
      this.#epochs = choice === 'imdb' ? settings.epochs : settings.textEpochs;
      this.#snapshots = [];
      this.#losses = [];
      this.#viewing = null;
      this.#status = { kind: 'starting' };
      this.#started = this.#now();
      this.#deps.train({
        sequences: corpus.sequences,
        vocabSize: corpus.words.length,
        options: {
          dim: settings.dim,
          epochs: this.#epochs,
          seed: settings.seed,
          subsample: subsampleFor(corpus.tokens),
        },
      });
      this.#emit({ type: 'state' });
    } catch (error) {
      if (run !== this.#run) return;
      this.#phase = 'idle';
      this.#status = { kind: 'none' };
      this.#emit({ type: 'error', message: errorMessage(error) });
    }
  }

  /** Stops the run: at once while its corpus loads, else after the trainer's current step. */
  stop(): void {
    if (this.#phase === 'idle') return;
    if (this.#phase === 'loading') {
      // Nothing has gone to the trainer yet: forget the run; train() gives up when the corpus comes.
      this.#run++;
      this.#phase = 'idle';
      this.#status = { kind: 'cancelled' };
    } else {
      this.#deps.stop();
      this.#status = { kind: 'stopping' };
    }
    this.#emit({ type: 'state' });
  }

  /** Ends any run at once and forgets its corpus and snapshots (the IMDB data's answer stays). */
  reset(): void {
    this.#deps.cancel();
    this.#run++;
    this.#phase = 'idle';
    this.#status = { kind: 'none' };
    this.#corpus = null;
    this.#snapshots = [];
    this.#losses = [];
    this.#viewing = null;
    this.#deps.publish?.(null);
    this.#emit({ type: 'state' });
  }

  /** Takes in one event of the trainer's run (tables `[words, dim]`); events after a reset are ignored. */
  report(event: SkipGramRunEvent): void {
    const corpus = this.#corpus;
    if (!corpus) return;
    const rows = corpus.words.length;
    switch (event.type) {
      case 'backend':
        this.#emit({ type: 'backend', label: event.label, reason: event.reason });
        return;
      case 'start':
        this.#snapshots = [{ epoch: 0, table: { values: event.values, rows, dim: event.dim } }];
        this.#emit({ type: 'state' });
        return;
      case 'progress':
        this.#losses.push({ epoch: event.epoch, loss: event.loss });
        this.#status = {
          kind: 'training',
          epoch: Math.min(this.#epochs, Math.floor(event.epoch) + 1),
          loss: event.loss,
          wordsPerSecond: event.wordsPerSecond,
        };
        this.#emit({ type: 'progress' });
        return;
      case 'epoch': {
        const table = { values: event.values, rows, dim: event.dim };
        this.#snapshots.push({ epoch: event.epoch, table });
        const unit = this.unitOf(this.#snapshots.length - 1);
        this.#deps.publish?.({
          table,
          unit,
          words: corpus.words,
          ids: corpus.ids,
          epoch: event.epoch,
          corpus: corpus.label,
        });
        this.#emit({ type: 'state' });
        return;
      }
      case 'done':
        this.#phase = 'idle';
        this.#status = {
          kind: 'done',
          epochs: event.epochs,
          steps: event.steps,
          stopped: event.stopped,
          seconds: (this.#now() - this.#started) / 1000,
          wordsPerSecond: event.wordsPerSecond,
        };
        this.#emit({ type: 'state' });
        return;
      case 'error':
        this.#phase = 'idle';
        this.#emit({ type: 'error', message: this.#words().trainingFailed(event.message) });
        return;
    }
  }
}
