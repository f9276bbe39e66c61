/**
 * What a reader has done with the exercises: the challenges solved and the predictions made,
 * kept in this browser's localStorage only. Storage may be blocked, full or hold what another
 * version of the kit wrote: reading then starts afresh, and a write that fails keeps the
 * progress for this page and says why.
 */
import type { Locale } from '../i18n/locales';
import { readStored, writeStored } from '../widgets/kit/stored';
import { EXERCISE_WORDS } from './exercises.words';

/** The key the progress is kept under. */
export const PROGRESS_KEY = 'lstm-kit:exercises';
const VERSION = 1;
/** The page event that tells every exercise and progress line on the page to redraw. */
export const PROGRESS_EVENT = 'kit-progress';

/** What the reader has done. */
export interface Progress {
  /** Ids of the challenges met at least once. */
  solved: string[];
  /** Each prediction made: the guess (a number, or a choice's value). */
  answered: Record<string, number | string>;
}

/** No progress. */
export function emptyProgress(): Progress {
  return { solved: [], answered: {} };
}

/** Reads a stored value, keeping only what is well formed; anything else (another version, junk) gives no progress. */
export function parseProgress(raw: unknown): Progress {
  if (typeof raw !== 'object' || raw === null) return emptyProgress();
  const r = raw as { version?: unknown; solved?: unknown; answered?: unknown };
  if (r.version !== VERSION) return emptyProgress();
  const solved = Array.isArray(r.solved) ? r.solved.filter((s): s is string => typeof s === 'string') : [];
  const answered: Record<string, number | string> = {};
  if (typeof r.answered === 'object' && r.answered !== null && !Array.isArray(r.answered)) {
    for (const [id, guess] of Object.entries(r.answered as Record<string, unknown>))
      if ((typeof guess === 'number' && Number.isFinite(guess)) || typeof guess === 'string') answered[id] = guess;
  }
  return { solved: [...new Set(solved)], answered };
}

/** The value to store for a progress. */
export function serialiseProgress(p: Progress): unknown {
  return { version: VERSION, solved: p.solved, answered: p.answered };
}

/** The progress with a challenge marked solved. */
export function withSolved(p: Progress, id: string): Progress {
  return p.solved.includes(id) ? p : { ...p, solved: [...p.solved, id] };
}

/** The progress with a prediction's guess recorded (a later guess replaces it). */
export function withAnswer(p: Progress, id: string, guess: number | string): Progress {
  return { ...p, answered: { ...p.answered, [id]: guess } };
}

/** How many of the given challenges are solved and predictions made. */
export function countDone(
  p: Progress,
  ids: { challenges: readonly string[]; predictions: readonly string[] },
): { solved: number; answered: number } {
  return {
    solved: ids.challenges.filter((id) => p.solved.includes(id)).length,
    answered: ids.predictions.filter((id) => id in p.answered).length,
  };
}

/**
 * A progress line, e.g. "Exercises: 3 of 20 challenges solved, 1 of 9 predictions made.", in
 * `locale`, else the page's edition; a kind with none on the page is left out.
 */
export function progressText(
  done: { solved: number; answered: number },
  totals: { challenges: number; predictions: number },
  locale?: Locale,
): string {
  const w = locale ? EXERCISE_WORDS[locale] : EXERCISE_WORDS.now();
  const parts = [
    totals.challenges > 0 ? w.challengesSolved(done.solved, totals.challenges) : '',
    totals.predictions > 0 ? w.predictionsMade(done.answered, totals.predictions) : '',
  ];
  return w.progressLine(parts.filter(Boolean));
}

// What this page knows, even where storage refuses it.
let current: Progress | null = null;

/** The reader's progress: this page's copy, else what storage holds. */
export function loadProgress(): Progress {
  current ??= parseProgress(readStored(PROGRESS_KEY));
  return current;
}

/** Keeps a new progress (null forgets everything) and tells the page; returns null, or why storage refused it. */
export function saveProgress(p: Progress | null): string | null {
  current = p ?? emptyProgress();
  const error = writeStored(PROGRESS_KEY, p === null ? null : serialiseProgress(p));
  window.dispatchEvent(new CustomEvent(PROGRESS_EVENT));
  return error;
}

/** Calls `redraw` whenever the progress changes, on this page or in another tab. */
export function onProgress(redraw: () => void): void {
  window.addEventListener(PROGRESS_EVENT, redraw);
  window.addEventListener('storage', (e) => {
    if (e.key !== PROGRESS_KEY && e.key !== null) return;
    current = null;
    redraw();
  });
}
