// The pure pieces of chapter 5's training page and command: the run's metadata at each epoch,
// the form-to-settings mapping, progress and time estimates, and the reducer over the
// sentiment worker's reports that <kit-sentiment-train> renders.
import { describe, expect, it } from 'vitest';
import { runMetadata, KIT_MODEL_FORMAT, type KitModelMetadata } from '../../src/lstm/sentiment/model-files';
import { PRESETS } from '../../src/lstm/sentiment/presets';
import { batchPoint, runProgress, thinPoints } from '../../src/lstm/sentiment/progress';
import {
  formRun,
  formSettings,
  presetFields,
  runForm,
  SHORT_RUN_EPOCHS,
  settingsFields,
  type RunChoice,
  type TrainingForm,
} from '../../src/lstm/sentiment/settings-form';
import type { BatchLog, EpochLog } from '../../src/lstm/sentiment/train';
import {
  fmtClock,
  idleRun,
  progressLine,
  startRun,
  trainingStep,
  type CheckpointInfo,
  type TrainingReport,
} from '../../src/widgets/sentiment-imdb/training-run';

const epoch = (n: number, valAccuracy: number | null = 0.8): EpochLog => ({
  epoch: n,
  loss: 0.5 - n / 100,
  accuracy: 0.7,
  valLoss: valAccuracy === null ? null : 0.55,
  valAccuracy,
  seconds: 12.34,
});

const batch = (over: Partial<BatchLog> = {}): BatchLog => ({
  epoch: 1,
  batch: 9,
  batchesPerEpoch: 40,
  loss: 0.6,
  accuracy: 0.625,
  meanLoss: 0.65,
  meanAccuracy: 0.6,
  seconds: 5,
  ...over,
});

describe('runMetadata', () => {
  const history: EpochLog[] = [];
  const metadata = runMetadata({
    settings: PRESETS['r-keras'] as KitModelMetadata['settings'],
    validation: 'split',
    trainCount: 200,
    history,
    vocabulary: Array.from({ length: 30_000 }, (_, i) => `w${i}`),
    vocabularySha256: 'abc',
  });

  it('stamps each epoch count on the fixed fields, without test metrics by default', () => {
    const m = metadata(3);
    expect(m).toMatchObject({ format: KIT_MODEL_FORMAT, epochsDone: 3, trainCount: 200, test: null });
    expect(m.vocabularySize).toBe(30_000);
    // r-keras sees ids below num_words = 20,000 only.
    expect(m.words).toHaveLength(20_000);
  });

  it('reads the history as it grows, and keeps test metrics once given', () => {
    history.push(epoch(0));
    const test = {
      loss: 0.4,
      accuracy: 0.8,
      precision: 0.7,
      recall: 0.9,
      f1: 0.79,
      tp: 9,
      tn: 7,
      fp: 3,
      fn: 1,
      count: 20,
    };
    const m = metadata(1, test);
    expect(m.history).toEqual([epoch(0)]);
    expect(m.test).toEqual(test);
  });
});

describe('the training form', () => {
  const form = (over: Partial<TrainingForm> = {}): TrainingForm => ({
    ...presetFields('r-keras'),
    validation: 'split',
    sample: 'all',
    keepBest: true,
    ...over,
  });

  it('maps each preset to its fields and back to the same settings', () => {
    for (const name of ['r-keras', 'py-keras'] as const) {
      const fields = presetFields(name);
      expect(fields.preset).toBe(name);
      // The article's model and training, for the chapter's short run.
      expect(fields.epochs).toBe(SHORT_RUN_EPOCHS);
      expect(formSettings(fields)).toEqual({ ...PRESETS[name], epochs: SHORT_RUN_EPOCHS });
      expect(settingsFields(PRESETS[name])).toEqual({ ...fields, epochs: PRESETS[name].epochs });
    }
    expect(presetFields('py-keras')).toMatchObject({ numWords: 0, units: '128,128' });
  });

  it('reads units as a list, 0 words as all of them, and a sample size', () => {
    const run = formRun(form({ units: ' 32, 16 ,', numWords: 0, sample: '1000', validation: 'test' }));
    expect(run.settings.lstm).toEqual([32, 16]);
    expect(run.settings.numWords).toBeNull();
    expect(run.sample).toBe(1000);
    expect(run.validation).toBe('test');
    expect(formRun(form()).sample).toBeNull();
  });

  it('throws a RangeError naming a bad field', () => {
    expect(() => formSettings(form({ maxlen: -3 }))).toThrow(RangeError);
    expect(() => formSettings(form({ units: '' }))).toThrow(/lstm/);
  });

  it('says what was typed in the LSTM units field and what it takes, never "got null"', () => {
    const said = (units: string) => {
      try {
        formSettings(form({ units }));
      } catch (error) {
        expect(error).toBeInstanceOf(RangeError);
        return (error as Error).message;
      }
      throw new Error(`${units} was accepted`);
    };
    const takes = 'Type the units of each LSTM layer (1 to 3 layers), whole numbers from 1 to 512 separated by commas';
    expect(said('abc')).toBe(`LSTM units per layer: "abc" is not a number. ${takes}, like 64 or 128,128.`);
    expect(said('64, 3x2')).toMatch(/^LSTM units per layer: "3x2" is not a number\. Type/);
    expect(said('64 32')).toMatch(/^LSTM units per layer: "64 32" is not a number\./);
    expect(said('600')).toMatch(/^LSTM units per layer: "600" is not a whole number from 1 to 512\. Type/);
    expect(said('1.5')).toMatch(/"1\.5" is not a whole number from 1 to 512/);
    expect(said('0,8')).toMatch(/"0" is not a whole number from 1 to 512/);
    expect(said('-4')).toMatch(/"-4" is not a whole number from 1 to 512/);
    expect(said('8,8,8,8')).toBe('lstm must list 1 to 3 layer sizes (the units of each LSTM layer), got 4');
    for (const message of ['abc', '600', 'Infinity', '', '8,8,8,8'].map(said)) expect(message).not.toMatch(/null/);
  });

  it("shows a checkpoint's run as the form that would start it", () => {
    const run = formRun(form({ preset: 'py-keras', units: '8', sample: '200', validation: 'test' }));
    const back = runForm(run);
    expect(back).toMatchObject({ preset: 'py-keras', units: '8', sample: '200', validation: 'test' });
    expect(formRun(back)).toEqual(run);
  });

  it('reads a checkpoint an earlier version kept, without keepBest, as keeping the last epoch', () => {
    const { keepBest: _, ...old } = formRun(form());
    expect(runForm(old as RunChoice).keepBest).toBe(false);
    expect(runForm(formRun(form())).keepBest).toBe(true);
  });
});

describe('run progress', () => {
  it("counts batches of this run and estimates the time left at the epoch's speed", () => {
    // Epoch 2 (index 1) of a run resumed at epoch 1 of 3: 10 of 40 batches in 5 s, so 2 batches/s.
    const p = runProgress(batch(), 3, 1);
    expect(p).toEqual({ done: 10, total: 80, doneInEpoch: 10, rate: 2, epochSecondsLeft: 15, secondsLeft: 35 });
  });

  it('places a batch in epochs and thins long runs to means', () => {
    expect(batchPoint(batch())).toEqual({ x: 1.25, loss: 0.6, accuracy: 0.625 });
    const points = Array.from({ length: 10 }, (_, i) => ({ x: i + 1, loss: i, accuracy: 1 }));
    expect(thinPoints(points, 20)).toEqual(points);
    const thin = thinPoints(points, 5);
    expect(thin).toHaveLength(5);
    expect(thin[0]).toEqual({ x: 2, loss: 0.5, accuracy: 1 });
    expect(thin[4]).toEqual({ x: 10, loss: 8.5, accuracy: 1 });
  });

  it('prints clocks and the progress line', () => {
    expect(fmtClock(187)).toBe('3:07');
    expect(fmtClock(3723)).toBe('1:02:03');
    expect(fmtClock(Infinity)).toBe('–');
    expect(progressLine(batch(), 3, 1)).toBe(
      'Epoch 2 of 3, batch 10 of 40: loss 0.6500, accuracy 60.00%. 2.0 batches/s, 0:15 left in this epoch, ' +
        '0:35 in all (validation passes not counted).',
    );
  });
});

describe('the training reducer', () => {
  const choice = formRun({ ...presetFields('r-keras'), validation: 'split', sample: '200', keepBest: true });
  const begin = {
    type: 'begin' as const,
    info: { startEpoch: 0, epochs: 2, batchesPerEpoch: 40, trainCount: 1600, validationCount: 400 },
    history: [],
  };
  const trained = (stopped: boolean, epochsDone: number) => ({
    type: 'trained' as const,
    stopped,
    metadata: { epochsDone } as KitModelMetadata,
  });

  it('runs a fresh start to the end: curves, progress, a checkpoint per epoch, none at the end', () => {
    const old: CheckpointInfo = { ...choice, seed: 7, epochsDone: 1, history: [epoch(0)] };
    let s = idleRun(old);
    expect(s.epochs).toEqual(old.history);
    s = startRun(s, choice, 7);
    expect(s).toMatchObject({
      running: 'training',
      checkpoint: null,
      epochs: [],
      status: 'Starting the training worker…',
    });
    s = trainingStep(s, begin);
    expect(s.status).toBe('Training on 1,600 reviews, validating on 400: 40 batches per epoch.');
    s = trainingStep(s, { type: 'batch', logs: [batch({ epoch: 0, batch: 8 }), batch({ epoch: 0 })] });
    expect(s.progress).toEqual({ done: 10, total: 80, text: '13%' });
    expect(s.batches).toHaveLength(2);
    expect(s.lastBatch).toEqual(batch({ epoch: 0 }));
    expect(trainingStep(s, { type: 'batch', logs: [] })).toBe(s);
    expect(s.progressText).toMatch(/^Epoch 1 of 2, batch 10 of 40/);
    s = trainingStep(s, { type: 'paused' });
    expect(s.running).toBe('paused');
    expect(s.progressText).toMatch(/^Paused\. Epoch 1/);
    s = trainingStep(s, { type: 'resumed' });
    expect(s.running).toBe('training');
    s = trainingStep(s, { type: 'epoch', log: epoch(0), checkpointSaved: true });
    expect(s.checkpoint).toEqual({ ...choice, seed: 7, epochsDone: 1, history: [epoch(0)] });
    s = trainingStep(s, { type: 'epoch', log: epoch(1), checkpointSaved: false });
    expect(s.status).toBe('The checkpoint could not be saved (browser storage is full or blocked).');
    s = trainingStep(s, trained(false, 2));
    expect(s).toMatchObject({ running: 'idle', choice: null, checkpoint: null });
    expect(s.status).toMatch(/^Trained 2 epochs and saved in this browser\./);
    expect(s.epochs).toHaveLength(2);
  });

  it('says which epoch it kept when the best on validation was not the last', () => {
    const history = [epoch(0, 0.8312), epoch(1, 0.8105)];
    const kept = { type: 'trained' as const, stopped: false, metadata: { epochsDone: 2, keptEpoch: 1, history } };
    const s = trainingStep(startRun(idleRun(null), choice, 7), kept as unknown as TrainingReport);
    expect(s.status).toMatch(/^Trained 2 epochs, kept epoch 1 \(the best on validation, 83\.12%\) and saved in/);
  });

  it('keeps the checkpoint of a stopped run, and says when there is none', () => {
    let s = trainingStep(startRun(idleRun(null), choice, 7), begin);
    expect(trainingStep(s, trained(true, 0)).status).toMatch(/no epoch was complete, so there is no checkpoint\.$/);
    s = trainingStep(s, { type: 'epoch', log: epoch(0), checkpointSaved: true });
    const stopped = trainingStep(s, trained(true, 1));
    expect(stopped.checkpoint?.epochsDone).toBe(1);
    expect(stopped.status).toMatch(/^Stopped after 1 complete epoch\(s\)\..*resume after a reload\.$/);
  });

  it('says why a checkpoint or the model was not kept, keeps the checkpoint before, and goes on', () => {
    let s = trainingStep(startRun(idleRun(null), choice, 7), begin);
    const full = "this browser's storage for the site is full (keeping them needs about 31 MB): free room";
    s = trainingStep(s, { type: 'epoch', log: epoch(0), checkpointSaved: false, checkpointError: full });
    expect(s.status).toBe(`The checkpoint could not be saved: ${full}. Training goes on, without one.`);
    expect(s.checkpoint).toBeNull();
    expect(s.running).toBe('training');
    s = trainingStep(s, { type: 'epoch', log: epoch(1), checkpointSaved: true, checkpointError: null });
    s = trainingStep(s, { type: 'epoch', log: epoch(2), checkpointSaved: false, checkpointError: full });
    expect(s.status).toBe(
      `The checkpoint could not be saved: ${full}. Training goes on; the checkpoint of epoch 2 is still kept.`,
    );
    expect(s.checkpoint?.epochsDone).toBe(2);
    const notKept = trainingStep(s, { ...trained(false, 3), saveError: full });
    expect(notKept.status).toBe(
      `Trained 3 epochs, but the model could not be kept in this browser: ${full}. The model kept before (if any) stays.`,
    );
    expect(notKept.status).not.toMatch(/saved in this browser/);
    const stopped = trainingStep(s, { ...trained(true, 3), saveError: full });
    expect(stopped.status).toMatch(/^Stopped after 3 complete epoch\(s\), but the model could not be kept/);
    expect(stopped.status).toMatch(/; the checkpoint of epoch 2 lets you resume after a reload\.$/);
  });

  it("resumes with the checkpoint's epochs, and ends on an error", () => {
    const from: CheckpointInfo = { ...choice, seed: 7, epochsDone: 1, history: [epoch(0)] };
    let s = startRun(idleRun(from), choice, 7, from);
    expect(s.epochs).toEqual([epoch(0)]);
    expect(s.checkpoint).toBe(from);
    s = trainingStep(s, { type: 'status', text: 'Reading the checkpoint…' });
    expect(s.status).toBe('Reading the checkpoint…');
    s = trainingStep(s, { type: 'error', message: 'boom' });
    expect(s).toMatchObject({ running: 'idle', status: '', checkpoint: from });
  });
});
