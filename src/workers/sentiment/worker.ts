/**
 * Chapter 5's sentiment worker: trains the classifier (src/lstm/sentiment/train.ts on the fused layer)
 * and evaluates it on the test reviews, off the page's thread. It keeps a checkpoint after every
 * epoch and the trained model in IndexedDB with `tf.io`, where the pages find it
 * (src/widgets/kit/trained.ts reads it). Every save is confirmed by reading it back
 * (src/lstm/sentiment/model-slots.ts); one that fails is reported, not claimed, and training goes
 * on. Its messages are in ./protocol.ts.
 */
import * as tf from '@tensorflow/tfjs';
import { settingsView } from '../../lstm/sentiment/presets.ts';
import { binaryMetrics, mostWrong } from '../../lstm/sentiment/metrics.ts';
import { registerFastKernels } from '../../lstm/fast/kernels.ts';
import { allIndices, trainingData } from '../../lstm/sentiment/holdout.ts';
import { restoreCheckpoint, runMetadata } from '../../lstm/sentiment/model-files.ts';
import {
  CHECKPOINT_SLOTS,
  loadNewest,
  readNewest,
  removeSlots,
  saveConfirmed,
  TRAINED_MODEL_SLOTS,
  type SlotOptions,
} from '../../lstm/sentiment/model-slots.ts';
import { sentimentModel } from '../../lstm/sentiment/model.ts';
import { timeBatches } from '../../lstm/sentiment/run-cost.ts';
import { predictProbabilities, trainModel, type EpochLog } from '../../lstm/sentiment/train.ts';
import { workerPort } from '../scope.ts';
import { codedError, workerError } from '../client.ts';
import { errorMessage } from '../../data/errors.ts';
import { startWorkerTf } from '../tf-wasm.ts';
import { yieldToMessages } from '../yield.ts';
import { BatchReports } from './batch-reports.ts';
import type { SentimentReport, SentimentRequest, TestData } from './protocol.ts';

const port = workerPort<SentimentRequest, SentimentReport>();
const post = (report: SentimentReport) => port.post(report);

let stopped = false;
let paused: { resolve: () => void; promise: Promise<void> } | null = null;
// The batch logs of the run going on, sent a few times a second (./batch-reports.ts).
const batchReports = new BatchReports((logs) => post({ type: 'batch', logs }));

// The last time this worker let its messages in (Pause, Stop), in ms.
let yielded = 0;
/**
 * Between two batches: lets Pause and Stop in, at most every 40 ms (a batch takes about 20 ms;
 * each yield is a round trip through the event loop), and waits while paused.
 */
async function between(): Promise<void> {
  if (performance.now() - yielded >= 40) {
    await yieldToMessages();
    yielded = performance.now();
  }
  if (paused) await paused.promise;
}

let started: Promise<void> | null = null;
function startTf(): Promise<void> {
  started ??= startWorkerTf({ threads: true }).then((backend) => {
    registerFastKernels(tf);
    post({ type: 'backend', ...backend });
  });
  return started;
}

// This worker does nothing else while it saves or loads, so an error escaping from tfjs's own
// IndexedDB callbacks is that storage call's failure (reported, training goes on), not a crash.
const STORAGE: SlotOptions = { watchGlobalErrors: true };

async function train(request: Extract<SentimentRequest, { type: 'train' }>): Promise<void> {
  const { settings, validation, sample, seed, data } = request;
  await startTf();
  const split = trainingData(data.train, data.test, { validation, sample, seed });
  const trainIndices = split.trainIndices;
  const vocabularySize = data.words.length;
  post({ type: 'status', text: 'Building the model…', code: 'building' });
  const model = sentimentModel(settings, { vocabularySize, seed });
  let history: EpochLog[] = [];
  let startEpoch = 0;
  // Starting afresh drops the old run's checkpoint, so that no reload offers it and its room is free.
  if (!request.resume) await removeSlots(CHECKPOINT_SLOTS, STORAGE).catch(() => undefined);
  if (request.resume) {
    post({ type: 'status', text: 'Reading the checkpoint…', code: 'checkpoint' });
    const checkpoint = await readNewest(CHECKPOINT_SLOTS, STORAGE);
    if (!checkpoint)
      throw codedError('no-checkpoint', 'the checkpoint is no longer kept in this browser: start afresh instead');
    const { artifacts, metadata: saved } = checkpoint;
    if (JSON.stringify(saved.settings) !== JSON.stringify(settings)) {
      throw codedError('other-settings', 'the checkpoint was trained with other settings: start afresh instead');
    }
    await restoreCheckpoint(model, artifacts);
    history = saved.history;
    startEpoch = saved.epochsDone;
  }
  const metadata = runMetadata({
    settings,
    validation,
    trainCount: trainIndices.length,
    history,
    vocabulary: data.words,
    vocabularySha256: data.vocabularySha256,
  });
  stopped = false;
  const end = await trainModel(model, split, {
    view: settingsView(settings),
    batchSize: settings.batchSize,
    epochs: settings.epochs,
    startEpoch,
    seed,
    keepBest: request.keepBest,
    callbacks: {
      onTrainBegin: (info) => post({ type: 'begin', info, history }),
      onBatchEnd: (log) => batchReports.add(log),
      onEpochEnd: async (log) => {
        batchReports.flush();
        history.push(log);
        let checkpointError: string | null = null;
        try {
          await saveConfirmed(model, CHECKPOINT_SLOTS, metadata(log.epoch + 1), { ...STORAGE, includeOptimizer: true });
        } catch (error) {
          // Storage full or blocked: the previous checkpoint stays, and training goes on.
          checkpointError = errorMessage(error);
        }
        post({ type: 'epoch', log, checkpointSaved: checkpointError === null, checkpointError });
      },
    },
    control: { shouldStop: () => stopped, between },
  });
  batchReports.flush(); // the batches of a stopped epoch
  // Which epoch the model holds, when it is not the last one trained (as `npm run train` keeps it).
  const kept = end.keptEpoch !== null && end.keptEpoch !== end.epochsDone ? { keptEpoch: end.keptEpoch } : {};
  const final = { ...metadata(end.epochsDone), ...kept };
  let saveError: string | null = null;
  try {
    await saveConfirmed(model, TRAINED_MODEL_SLOTS, final, STORAGE);
  } catch (error) {
    // The model kept before (if any) stays, intact; the page must not claim this one.
    saveError = errorMessage(error);
  }
  // A finished run needs no checkpoint; a stopped one keeps it, to resume after a reload.
  if (!end.stopped) await removeSlots(CHECKPOINT_SLOTS, STORAGE).catch(() => undefined);
  tf.dispose(model.weights.map((w) => w.read()));
  model.optimizer?.dispose();
  post({ type: 'trained', stopped: end.stopped, metadata: final, saveError });
}

/** Times a few batches of a throwaway model with the run's settings (src/lstm/sentiment/run-cost.ts). */
async function time(request: Extract<SentimentRequest, { type: 'time' }>): Promise<void> {
  const { settings, validation, sample, seed, data } = request;
  await startTf();
  const split = trainingData(data.train, data.test, { validation, sample, seed });
  const model = sentimentModel(settings, { vocabularySize: data.words.length, seed });
  try {
    const timing = await timeBatches(model, data.train, split.trainIndices, settingsView(settings), {
      batchSize: settings.batchSize,
    });
    const size = {
      trainCount: split.trainIndices.length,
      validationCount: split.validationIndices.length,
      batchSize: settings.batchSize,
    };
    post({ type: 'timed', timing, size });
  } finally {
    model.optimizer?.dispose();
    model.dispose();
  }
}

async function evaluate(data: TestData): Promise<void> {
  await startTf();
  post({ type: 'status', text: 'Loading the trained model…', code: 'loading' });
  const loaded = await loadNewest(TRAINED_MODEL_SLOTS, STORAGE);
  if (!loaded) throw codedError('no-model', 'no trained model is kept in this browser: train one in the section above');
  const { model, metadata } = loaded;
  if (metadata.vocabularySha256 && data.vocabularySha256 && metadata.vocabularySha256 !== data.vocabularySha256) {
    throw codedError(
      'other-data',
      'the trained model was made from other prepared data (its vocabulary differs), so its ids would mean other words here',
    );
  }
  const started = performance.now();
  stopped = false;
  const probabilities = await predictProbabilities(
    model,
    data.test,
    allIndices(data.test.labels.length),
    settingsView(metadata.settings),
    {
      onProgress: (done) => post({ type: 'evaluating', done }),
      between: async () => {
        await between();
        if (stopped) throw new Error('evaluation stopped');
      },
    },
  );
  const metrics = binaryMetrics(probabilities, data.test.labels);
  // The evaluation's own time; saving the scores with the model comes after.
  const seconds = (performance.now() - started) / 1000;
  const updated = { ...metadata, test: metrics };
  let saveError: string | null = null;
  try {
    await saveConfirmed(model, TRAINED_MODEL_SLOTS, updated, STORAGE);
  } catch (error) {
    // The scores are shown all the same; the model kept stays as it was, without them.
    saveError = errorMessage(error);
  }
  post({
    type: 'evaluated',
    metrics,
    mostWrong: mostWrong(probabilities, data.test.labels, 10).map((index) => ({
      index,
      probability: probabilities[index]!,
      label: data.test.labels[index]!,
    })),
    metadata: saveError === null ? updated : metadata,
    saveError,
    seconds,
  });
  tf.dispose(model.weights.map((w) => w.read()));
}

port.listen((request) => {
  if (request.type === 'pause') {
    if (!paused) {
      let resolve = () => {};
      const promise = new Promise<void>((r) => (resolve = r));
      paused = { resolve, promise };
      batchReports.flush(); // the page shows where training paused
      post({ type: 'paused' });
    }
    return;
  }
  if (request.type === 'resume') {
    paused?.resolve();
    paused = null;
    post({ type: 'resumed' });
    return;
  }
  if (request.type === 'stop') {
    stopped = true;
    paused?.resolve();
    paused = null;
    return;
  }
  const job =
    request.type === 'train' ? train(request) : request.type === 'time' ? time(request) : evaluate(request.data);
  job.catch((error: unknown) => post(workerError(error, errorMessage(error))));
});
