/**
 * Messages between chapter 3's memory-task widget and its training worker (worker.ts). Types
 * only: both sides import them, and nothing here runs. The shapes are those of the run state
 * machine in src/lstm/memory/run.ts, which reads the reports.
 */
import type { MemoryRunReport, MemoryRunRequest } from '../../lstm/memory/run';

export type { LstmSnapshot, MemoryRunSettings } from '../../lstm/memory/run';

/** From the page: train at each N in turn, or stop the run in progress. */
export type MemoryRequest = MemoryRunRequest;

/** From the worker: progress, a result per N, done; an error names the run it ended. */
export type MemoryReport = MemoryRunReport;
