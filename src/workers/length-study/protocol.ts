/**
 * Messages between chapter 7's length-study widget and its worker (worker.ts). Types only: both
 * sides import them, and nothing here runs.
 */
import type { LengthStudyRun } from '../../lstm/sentiment/length-run';
import type { LengthPoint } from '../../lstm/sentiment/length-study';
import type { WorkerError } from '../client';

/** From the page: score these reviews at each maxlen with this model. Stop = terminate the worker. */
export type LengthStudyRequest = LengthStudyRun;

/** From the worker: its backend, progress as a share in [0, 1], each length's point, the time in seconds. */
export type LengthStudyReport =
  | { type: 'backend'; label: string; reason: string }
  | { type: 'progress'; fraction: number }
  | { type: 'point'; point: LengthPoint }
  | { type: 'done'; seconds: number }
  | WorkerError;
