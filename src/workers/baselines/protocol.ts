/**
 * Messages between chapter 5's baselines widget and the baselines worker (./worker.ts). Types
 * only; the reports are those of a fit (src/baselines/fit-run.ts), whose state machine the page
 * runs on them.
 */
import type { BaselineModel, FitReport } from '../../baselines/fit-run.ts';
import type { RankedReviews } from '../../data/views.ts';

export type { BaselineModel };

/** The page asks the worker to fit, or to stop. */
export type BaselinesRequest =
  | {
      type: 'fit';
      /** Fitted in this order. */
      models: BaselineModel[];
      train: RankedReviews;
      test: RankedReviews;
      /** Trees of the forest. */
      trees: number;
      seed: number;
    }
  | { type: 'stop' };

/** What the worker reports: progress, each model's result as it is ready, then done (or an error). */
export type BaselinesReport = FitReport;
