/**
 * Messages between chapter 3's memory-task widget and its training worker (memory.worker.ts).
 * Types only: both sides import them, and nothing here runs.
 */

/** The settings of a run; the rest are the defaults of memoryExperimentSettings. */
export interface MemoryRunSettings {
  /** Training steps for each network, per N. */
  steps: number;
  /** Seed of the weights and of the training data. */
  seed: number;
  /** The LSTM's initial forget-gate bias. */
  forgetBias: number;
}

/** From the page: train at each N in turn, or stop the run in progress. */
export type MemoryRequest =
  { type: 'train'; id: number; distractors: number[]; settings: MemoryRunSettings } | { type: 'stop'; id: number };

/** A trained LSTM as plain arrays: gate blocks i, f, c, o as in src/lstm/cell/weights.ts. */
export interface LstmSnapshot {
  units: number;
  inputDim: number;
  kernel: Float64Array;
  recurrentKernel: Float64Array;
  bias: Float64Array;
  readoutW: Float64Array;
  readoutB: number;
}

/** From the worker. */
export type MemoryReport =
  | {
      type: 'progress';
      id: number;
      distractors: number;
      /** Steps done for this N. */
      step: number;
      /** Training loss of each network, averaged over the steps since the last report. */
      loss: { step: number; rnn: number; lstm: number };
      /** Test accuracies scored since the last report. */
      accuracy: { step: number; rnn: number; lstm: number }[];
    }
  | {
      type: 'result';
      id: number;
      distractors: number;
      steps: number;
      ended: 'budget' | 'perfect' | 'stopped';
      seconds: number;
      rnn: { accuracy: number; loss: number };
      lstm: { accuracy: number; loss: number };
      initial: { rnn: number; lstm: number };
      lstmModel: LstmSnapshot;
    }
  | { type: 'done'; id: number; stopped: boolean }
  | { type: 'error'; id: number; message: string };
