/** What every baseline fit accepts besides its data: progress, cancellation and yielding. */
export interface FitControl {
  /** Called after each unit of work (a tree, an iteration) with the units done and the units planned. */
  onProgress?: (done: number, total: number) => void;
  /** Aborts the fit: it rejects with the signal's reason at the next unit of work. */
  signal?: AbortSignal;
  /**
   * Awaited after each unit of work. A Web Worker passes a function that yields to its event
   * loop, so that a stop message can arrive during a long fit; without it the fit never yields.
   */
  pause?: () => Promise<void>;
}

/** Checks for an abort and yields, between two units of work. */
export async function checkpoint(control: FitControl): Promise<void> {
  control.signal?.throwIfAborted();
  if (control.pause) {
    await control.pause();
    control.signal?.throwIfAborted();
  }
}
