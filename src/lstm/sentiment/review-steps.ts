/**
 * A review as the classifier reads it, step by step: which word (or padding, or the start
 * marker) each input id stands for. The ids are exactly those of `encodeText` (tokenizer,
 * vocabulary, layout, padding and truncation of the model's view), so that a trace over them
 * is the model's own computation; the words beside them let a page say what each step read.
 */
import { padInto } from '../../data/pad.ts';
import { tokenizeReview } from '../../data/tokenizer.ts';
import { INDEX_FROM, OOV_ID, PAD_ID, START_ID, type SequenceView } from '../../data/views.ts';
import type { Vocabulary } from '../../data/vocabulary.ts';

/** What one input step holds. */
export type StepKind = 'pad' | 'start' | 'word' | 'oov';

/** One step of the model's input. */
export interface ReviewStep {
  /** The input id at this step. */
  id: number;
  kind: StepKind;
  /** The word read ('<pad>' and '<start>' for the markers; the typed word for an out-of-vocabulary id). */
  word: string;
  /** Position of the word in the tokenized text, or -1 for padding and the start marker. */
  token: number;
}

/** What became of each word of the text. */
export type TokenFate = 'read' | 'oov' | 'dropped' | 'cut';

/** The steps of a review and what became of every word of it. */
export interface ReviewSteps {
  /** One entry per input step (`maxlen` of them when the view has one). */
  steps: ReviewStep[];
  /** The step ids, as `encodeText` gives them. */
  ids: Int32Array;
  /** The words of the text after the tokenizer, in order. */
  tokens: string[];
  /** For each token: read as a word, read as the out-of-vocabulary id, dropped (no id in this layout), or cut by truncation. */
  fates: TokenFate[];
  /** For each token, its step (0-based), or -1 when it has none. */
  stepOf: Int32Array;
  /** How many steps are padding. */
  padding: number;
  /** Whether the start marker was cut by truncation (imdb layout only). */
  startCut: boolean;
}

/**
 * Tokenizes `text` and encodes it through `view` exactly as `encodeText` does, keeping for each
 * step the word it reads. The vocabulary's ranks follow chapter 5 (rank r is `words[r - 1]`).
 */
export function reviewSteps(text: string, vocabulary: Vocabulary, view: SequenceView = {}): ReviewSteps {
  const { layout = 'imdb', numWords = Infinity } = view;
  const tokens = tokenizeReview(text);
  const fates: TokenFate[] = new Array<TokenFate>(tokens.length).fill('dropped');
  // The unpadded sequence: ids with the token each comes from (-1 for the start marker).
  const seq: ReviewStep[] = [];
  if (layout === 'imdb') seq.push({ id: START_ID, kind: 'start', word: '<start>', token: -1 });
  tokens.forEach((word, k) => {
    const rank = vocabulary.index.get(word) ?? 0;
    if (layout === 'imdb') {
      const id = rank + INDEX_FROM;
      const known = rank !== 0 && id < numWords;
      seq.push({ id: known ? id : OOV_ID, kind: known ? 'word' : 'oov', word, token: k });
      fates[k] = known ? 'read' : 'oov';
    } else if (rank !== 0 && rank < numWords) {
      seq.push({ id: rank, kind: 'word', word, token: k });
      fates[k] = 'read';
    }
  });

  let steps: ReviewStep[] = seq;
  let startCut = false;
  if (view.maxlen !== undefined) {
    // Pad the positions of the sequence as padInto pads its ids, so that both agree on every option.
    const maxlen = view.maxlen;
    const where = new Int32Array(maxlen);
    padInto(
      Int32Array.from(seq, (_, k) => k),
      where,
      0,
      { ...view, maxlen, value: -1 },
    );
    const kept = new Set<number>();
    steps = Array.from(where, (k) => {
      if (k < 0) return { id: view.value ?? PAD_ID, kind: 'pad' as const, word: '<pad>', token: -1 };
      kept.add(k);
      return seq[k]!;
    });
    seq.forEach((s, k) => {
      if (kept.has(k)) return;
      if (s.token >= 0) fates[s.token] = 'cut';
      else startCut = true;
    });
  }
  const stepOf = new Int32Array(tokens.length).fill(-1);
  steps.forEach((s, t) => {
    if (s.token >= 0) stepOf[s.token] = t;
  });
  return {
    steps,
    ids: Int32Array.from(steps, (s) => s.id),
    tokens,
    fates,
    stepOf,
    padding: steps.filter((s) => s.kind === 'pad').length,
    startCut,
  };
}

/** A step that moved the prediction, for lists of the words that mattered most. */
export interface StepMove {
  /** 0-based step. */
  step: number;
  word: string;
  /** p_t − p_{t−1}. */
  delta: number;
}

/**
 * The `k` steps that raised the prediction most and the `k` that lowered it most, among the steps
 * that read the review (not padding), largest moves first. `delta` is p_t − p_{t−1} per step.
 */
export function strongestMoves(
  review: ReviewSteps,
  delta: ArrayLike<number>,
  k = 3,
): { up: StepMove[]; down: StepMove[] } {
  const moves: StepMove[] = [];
  review.steps.forEach((s, step) => {
    if (s.kind !== 'pad') moves.push({ step, word: s.word, delta: delta[step]! });
  });
  const up = moves.filter((m) => m.delta > 0).sort((a, b) => b.delta - a.delta || a.step - b.step);
  const down = moves.filter((m) => m.delta < 0).sort((a, b) => a.delta - b.delta || a.step - b.step);
  return { up: up.slice(0, k), down: down.slice(0, k) };
}
