/**
 * The chapter 4 training run as a state machine: its phases, the snapshots it keeps per epoch,
 * what the controls allow in each phase, and the IMDB corpora it loads once per size; with a
 * trainer played by the test, and once with the real trainSkipGram in this process.
 */
import { describe, expect, it } from 'vitest';
import { normaliseRows } from '../../src/embedding/cosine';
import { corpusFromTexts, type Corpus } from '../../src/embedding/corpus';
import { projectorVectorsTsv } from '../../src/embedding/projector';
import {
  corpusChoice,
  describeCorpus,
  SkipGramSession,
  type EpochVectors,
  type RunSettings,
  type SessionChange,
  type SkipGramRunRequest,
} from '../../src/embedding/skipgram-session';
import { subsampleFor, trainSkipGram } from '../../src/embedding/training';
import { deferred } from '../fixtures/deferred';

const TEXT = 'the film was good\nthe film was bad\na good actor\na bad actor';

const settings = (patch: Partial<RunSettings> = {}): RunSettings => ({
  corpus: 'text',
  reviews: 1000,
  text: TEXT,
  dim: 4,
  epochs: 3,
  textEpochs: 7,
  seed: 5,
  ...patch,
});

const imdbCorpus: Corpus = corpusFromTexts(['great film great actor', 'awful film awful plot']);

/** A session whose trainer and data are played by the test, with a clock it moves. */
function harness() {
  const runs: SkipGramRunRequest[] = [];
  const calls: string[] = [];
  const published: (EpochVectors | null)[] = [];
  const loads: {
    reviews: number;
    onProgress: (loaded: number, total: number) => void;
    answer: ReturnType<typeof deferred<{ corpus: Corpus; label: string }>>;
  }[] = [];
  const clock = { now: 1000 };
  const session = new SkipGramSession({
    loadImdb: (reviews, onProgress) => {
      const answer = deferred<{ corpus: Corpus; label: string }>();
      loads.push({ reviews, onProgress, answer });
      return answer.promise;
    },
    train: (run) => {
      runs.push(run);
      calls.push('train');
    },
    stop: () => calls.push('stop'),
    cancel: () => calls.push('cancel'),
    publish: (v) => published.push(v),
    now: () => clock.now,
  });
  const changes: SessionChange[] = [];
  session.subscribe((c) => changes.push(c));
  return { session, runs, calls, published, loads, clock, changes };
}

const table = (rows: number, dim: number, fill: (i: number) => number) =>
  Float32Array.from({ length: rows * dim }, (_, i) => fill(i));

describe('skip-gram session: a run on a pasted text', () => {
  it('builds the corpus, sends the run with its settings, and locks the controls until done', async () => {
    const { session, runs, changes } = harness();
    expect(session.controls('text')).toMatchObject({ choice: 'text', running: false, train: true, stop: false });
    await session.train(settings());
    const corpus = describeCorpus(corpusFromTexts(TEXT.split('\n'), { maxVocabulary: 5000 }), 'your text');
    expect(session.phase).toBe('training');
    expect(session.corpus).toEqual(corpus);
    expect(session.epochs).toBe(7); // a pasted text trains for textEpochs
    expect(runs).toEqual([
      {
        sequences: corpus.sequences,
        vocabSize: corpus.words.length,
        options: { dim: 4, epochs: 7, seed: 5, subsample: subsampleFor(corpus.tokens) },
      },
    ]);
    expect(session.status).toEqual({ kind: 'starting' });
    expect(session.controls('text')).toMatchObject({
      running: true,
      imdb: false,
      reviews: false,
      train: false,
      stop: true,
      view: false,
      download: false,
    });
    // The error line is cleared when a run starts, then everything is redrawn.
    expect(changes).toEqual([{ type: 'error', message: '' }, { type: 'state' }]);
  });

  it('keeps the random start and one snapshot per epoch, publishes each epoch, and reports progress apart', async () => {
    const { session, published, changes, clock } = harness();
    await session.train(settings());
    const rows = session.corpus!.words.length;
    changes.length = 0;
    session.report({ type: 'backend', label: 'tfjs · WASM', reason: 'worker' });
    session.report({ type: 'start', values: table(rows, 4, (i) => (i % 5) - 2), dim: 4 });
    expect(session.snapshots.map((s) => s.epoch)).toEqual([0]);
    expect(session.controls('text')).toMatchObject({ view: false, download: false });
    session.report({ type: 'progress', epoch: 0.5, loss: 2.5, wordsPerSecond: 900, steps: 3 });
    expect(session.status).toEqual({ kind: 'training', epoch: 1, loss: 2.5, wordsPerSecond: 900 });
    session.report({ type: 'epoch', epoch: 1, values: table(rows, 4, (i) => (i % 3) - 1), dim: 4, loss: 2.2 });
    session.report({ type: 'progress', epoch: 6.99, loss: 1.5, wordsPerSecond: 1000, steps: 40 });
    // The epoch under way never reads past the run's last.
    session.report({ type: 'progress', epoch: 7, loss: 1.4, wordsPerSecond: 1000, steps: 42 });
    expect(session.status).toMatchObject({ kind: 'training', epoch: 7 });
    expect(session.losses).toEqual([
      { epoch: 0.5, loss: 2.5 },
      { epoch: 6.99, loss: 1.5 },
      { epoch: 7, loss: 1.4 },
    ]);
    expect(changes.map((c) => c.type)).toEqual(['backend', 'state', 'progress', 'state', 'progress', 'progress']);
    expect(changes[0]).toEqual({ type: 'backend', label: 'tfjs · WASM', reason: 'worker' });

    const [vectors] = published;
    expect(vectors).toMatchObject({ epoch: 1, corpus: 'your text', words: session.corpus!.words });
    expect(vectors!.unit).toEqual(normaliseRows(vectors!.table));
    expect(session.unitOf(1)).toBe(vectors!.unit); // computed once
    expect(session.controls('text')).toMatchObject({ view: true, download: true, running: true });

    clock.now += 2500;
    session.report({ type: 'done', epochs: 1, steps: 42, stopped: true, wordsPerSecond: 1000 });
    expect(session.phase).toBe('idle');
    expect(session.status).toEqual({
      kind: 'done',
      epochs: 1,
      steps: 42,
      stopped: true,
      seconds: 2.5,
      wordsPerSecond: 1000,
    });
    expect(session.controls('text')).toMatchObject({ running: false, train: true, stop: false });
  });

  it('follows the latest epoch unless the reader picks an earlier one, and downloads the one shown', async () => {
    const { session } = harness();
    expect(session.shown()).toBe(-1);
    expect(session.projectorFile('vectors')).toBeNull();
    await session.train(settings());
    const rows = session.corpus!.words.length;
    for (let epoch = 0; epoch <= 2; epoch++) {
      const values = table(rows, 4, (i) => i * (epoch + 1));
      session.report(
        epoch === 0 ? { type: 'start', values, dim: 4 } : { type: 'epoch', epoch, values, dim: 4, loss: 1 },
      );
    }
    expect(session.shown()).toBe(2);
    session.view(1);
    expect(session.shown()).toBe(1);
    expect(session.projectorFile('vectors')).toBe(projectorVectorsTsv(session.snapshots[1]!.table));
    session.report({ type: 'epoch', epoch: 3, values: table(rows, 4, () => 1), dim: 4, loss: 1 });
    expect(session.shown()).toBe(1); // pinned
    session.view(3);
    session.report({ type: 'epoch', epoch: 4, values: table(rows, 4, () => 2), dim: 4, loss: 1 });
    expect(session.shown()).toBe(4); // following again
    const metadata = session.projectorFile('metadata')!.trimEnd().split('\n');
    expect(metadata[0]).toBe('word\tcount');
    expect(metadata[1]).toBe('the\t2'); // the most frequent word first, with its count
    expect(metadata).toHaveLength(rows + 1);
  });

  it('asks the trainer to stop after its step, and a second Train does nothing while a run goes on', async () => {
    const { session, calls } = harness();
    await session.train(settings());
    await session.train(settings());
    session.stop();
    expect(calls).toEqual(['train', 'stop']);
    expect(session.status).toEqual({ kind: 'stopping' });
    expect(session.phase).toBe('training'); // until the trainer says done
  });

  it('refuses a text of fewer than two words, with a message, and stays idle', async () => {
    const { session, runs, changes } = harness();
    await session.train(settings({ text: 'word word word' }));
    expect(runs).toEqual([]);
    expect(session.phase).toBe('idle');
    expect(changes.at(-1)).toEqual({
      type: 'error',
      message: 'The text needs at least two different words, on lines of two words or more.',
    });
  });

  it('ends a run with a message when the trainer fails', async () => {
    const { session, changes } = harness();
    await session.train(settings());
    session.report({ type: 'error', message: 'out of memory' });
    expect(session.phase).toBe('idle');
    expect(changes.at(-1)).toEqual({ type: 'error', message: 'Training failed: out of memory' });
  });

  it('a reset ends the trainer at once, forgets the run and publishes nothing trained; later reports are ignored', async () => {
    const { session, calls, published } = harness();
    await session.train(settings());
    const rows = session.corpus!.words.length;
    session.report({ type: 'start', values: table(rows, 4, () => 1), dim: 4 });
    session.reset();
    expect(calls).toEqual(['train', 'cancel']);
    expect(published).toEqual([null]);
    expect(session).toMatchObject({ phase: 'idle', corpus: null, snapshots: [], losses: [], status: { kind: 'none' } });
    session.report({ type: 'start', values: table(rows, 4, () => 1), dim: 4 });
    expect(session.snapshots).toEqual([]);
  });
});

describe('skip-gram session: IMDB reviews', () => {
  it('trains on IMDB only where the data is there', () => {
    expect(corpusChoice('imdb', { kind: 'checking' })).toBe('text');
    expect(corpusChoice('imdb', { kind: 'absent', message: 'no' })).toBe('text');
    expect(corpusChoice('imdb', { kind: 'available', reviews: 25000 })).toBe('imdb');
    expect(corpusChoice('text', { kind: 'available', reviews: 25000 })).toBe('text');
    const { session, changes } = harness();
    expect(session.controls('imdb')).toMatchObject({ choice: 'text', imdb: false, reviews: false });
    session.setData({ kind: 'available', reviews: 25000 });
    expect(changes).toEqual([{ type: 'state' }]);
    expect(session.controls('imdb')).toMatchObject({ choice: 'imdb', imdb: true, reviews: true });
  });

  it('shows the loading progress, trains for the IMDB epochs, and loads each size once', async () => {
    const { session, loads, runs, changes } = harness();
    session.setData({ kind: 'available', reviews: 25000 });
    const training = session.train(settings({ corpus: 'imdb', reviews: 3000 }));
    expect(session.phase).toBe('loading');
    expect(session.controls('imdb')).toMatchObject({ running: true, train: false, stop: true });
    expect(loads.map((l) => l.reviews)).toEqual([3000]);
    loads[0]!.onProgress(2e6, 8e6);
    expect(session.status).toEqual({ kind: 'loading', loaded: 2e6, total: 8e6 });
    expect(changes.at(-1)).toEqual({ type: 'progress' });
    loads[0]!.answer.resolve({ corpus: imdbCorpus, label: '3,000 IMDB training reviews' });
    await training;
    expect(session.corpus?.label).toBe('3,000 IMDB training reviews');
    expect(runs[0]!.options.epochs).toBe(3);
    // Progress of the shards no longer shows once training started.
    loads[0]!.onProgress(8e6, 8e6);
    expect(session.status).toEqual({ kind: 'starting' });

    session.report({ type: 'done', epochs: 3, steps: 10, stopped: false, wordsPerSecond: 1 });
    await session.train(settings({ corpus: 'imdb', reviews: 3000 }));
    expect(loads).toHaveLength(1); // the same size again: the corpus is kept
    expect(runs).toHaveLength(2);
  });

  it('stopped while its corpus loads, a run never starts, and the status says so', async () => {
    const { session, loads, runs, calls } = harness();
    session.setData({ kind: 'available', reviews: 25000 });
    const training = session.train(settings({ corpus: 'imdb' }));
    session.stop();
    expect(session.phase).toBe('idle');
    expect(session.status).toEqual({ kind: 'cancelled' });
    expect(calls).toEqual([]); // nothing had gone to the trainer
    loads[0]!.answer.resolve({ corpus: imdbCorpus, label: '1,000 IMDB training reviews' });
    await training;
    expect(runs).toEqual([]);
    expect(session.corpus).toBeNull();
  });

  it('a failed load ends the run with its message and is tried again next time', async () => {
    const { session, loads, changes } = harness();
    session.setData({ kind: 'available', reviews: 25000 });
    const training = session.train(settings({ corpus: 'imdb' }));
    loads[0]!.answer.reject(new Error('checksum mismatch'));
    await training;
    expect(session.phase).toBe('idle');
    expect(session.status).toEqual({ kind: 'none' });
    expect(changes.at(-1)).toEqual({ type: 'error', message: 'checksum mismatch' });
    void session.train(settings({ corpus: 'imdb' }));
    expect(loads).toHaveLength(2);
  });
});

describe('skip-gram session with the real trainer', () => {
  it('takes in the events of trainSkipGram run in this process', async () => {
    const finished = deferred<void>();
    const session: SkipGramSession = new SkipGramSession({
      loadImdb: () => Promise.reject(new Error('not used')),
      train: (run) => {
        const words = Array.from({ length: run.vocabSize }, (_, i) => String(i));
        void trainSkipGram({ sequences: run.sequences, words }, run.options, {
          onStart: (t) => session.report({ type: 'start', values: t.values, dim: t.dim }),
          onProgress: (p) => session.report({ type: 'progress', ...p }),
          onEpoch: (epoch, t, loss) => session.report({ type: 'epoch', epoch, values: t.values, dim: t.dim, loss }),
        }).then((result) => {
          session.report({ type: 'done', ...result });
          finished.resolve();
        });
      },
      stop: () => undefined,
      cancel: () => undefined,
    });
    await session.train(settings({ textEpochs: 2 }));
    await finished.promise;
    expect(session.snapshots.map((s) => s.epoch)).toEqual([0, 1, 2]);
    expect(session.snapshots[2]!.table).toMatchObject({ rows: session.corpus!.words.length, dim: 4 });
    expect(session.status).toMatchObject({ kind: 'done', epochs: 2, stopped: false });
    expect(session.controls('text')).toMatchObject({ running: false, view: true, download: true });
  });
});
