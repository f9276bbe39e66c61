/**
 * The challenges' checks: pure functions of a widget's state (the fields it keeps in the URL),
 * which recompute what the widget shows with the same pure modules and say whether the
 * challenge is met. A challenge beside the widget runs its check on every change of the state.
 */
import { encodeSentence } from '../data/encoding';
import { oovReport } from '../data/oov';
import { padSequence } from '../data/pad';
import { encodeText, type SequenceView } from '../data/views';
import type { Vocabulary } from '../data/vocabulary';
import { reviewSteps } from '../lstm/sentiment/review-steps';
import { traceClassifier, type ClassifierWeights } from '../lstm/sentiment/trace';
import { textToWordSequence } from '../data/tokenizer';
import { cosine, norm } from '../embedding/cosine';
import { sigmoid } from '../lstm/cell/activations';
import { vanishingRun, sentenceRnn } from '../lstm/cell/demos';
import { gradientReach, sentenceLstm } from '../lstm/cell/demos-over-time';
import { oneUnitStep, type OneUnitCell } from '../lstm/cell/one-unit';
import { fmt, fmtSci } from '../widgets/kit/format';

/** A widget's state as it publishes it: field name to value. */
export type WidgetState = Readonly<Record<string, unknown>>;

/** Whether the state meets a challenge, and what the reader's state gives now, in words. */
export interface CheckResult {
  met: boolean;
  /** One short sentence on the current state, e.g. "Now: σ(2.15) = 0.896." */
  now: string;
}

/** A challenge's check. */
export type Check = (state: WidgetState) => CheckResult;

function num(state: WidgetState, key: string): number {
  const v = state[key];
  return typeof v === 'number' ? v : Number.NaN;
}

function str(state: WidgetState, key: string): string {
  const v = state[key];
  return typeof v === 'string' ? v : '';
}

// How many words each sentence widget reads (rnn-step.ts, lstm-steps.ts): a check sees the same words.
const RNN_WORDS = 40;
const LSTM_WORDS = 30;

/** Chapter 2's cell from the widget's state. */
function cellOf(state: WidgetState): OneUnitCell {
  const keys: (keyof OneUnitCell)[] = [
    'x1', 'x2', 'hPrev', 'cPrev', 'wf1', 'wf2', 'uf', 'bf', 'wi1', 'wi2', 'ui', 'bi',
    'wc1', 'wc2', 'uc', 'bc', 'wo1', 'wo2', 'uo', 'bo',
  ]; // prettier-ignore
  return Object.fromEntries(keys.map((k) => [k, num(state, k)])) as unknown as OneUnitCell;
}

/** The largest difference between the hidden states at two occurrences of the same word, or null without a repeated word. */
export function repeatedWordGap(text: string, scale: number): { word: string; gap: number } | null {
  const words = textToWordSequence(text).slice(0, RNN_WORDS);
  const { steps } = sentenceRnn(words, scale);
  let best: { word: string; gap: number } | null = null;
  words.forEach((w, t) => {
    const first = words.indexOf(w);
    if (first === t) return;
    let gap = 0;
    for (let u = 0; u < steps[t].h.length; u++) gap = Math.max(gap, Math.abs(steps[t].h[u] - steps[first].h[u]));
    if (!best || gap < best.gap) best = { word: w, gap };
  });
  return best;
}

/** The gradient on the LSTM's cell state reaching t = 0 from T = 100 (chapter 3's reach widget). */
export function lstmReach(length: number, bias: number): number {
  return gradientReach({ length, rnnScale: 1, forgetBias: bias }).lstmC[0];
}

// The step and lowest value of the reach widget's bias slider.
const REACH_BIAS_STEP = 0.25;
const REACH_BIAS_MIN = -2;

// Chapter 3's reach widget at T = 100, by bias: the checks ask for it on every move of a slider.
const reachAt100 = new Map<number, number>();

/** The highest bias on the slider below `bias` whose cell-state gradient at T = 100 is above 0.1, or null. */
export function lowerBiasThatCarries(bias: number): number | null {
  for (let b = bias - REACH_BIAS_STEP; b >= REACH_BIAS_MIN - 1e-9; b -= REACH_BIAS_STEP) {
    const key = Math.round(b / REACH_BIAS_STEP) * REACH_BIAS_STEP;
    let g = reachAt100.get(key);
    if (g === undefined) reachAt100.set(key, (g = lstmReach(100, key)));
    if (g > 0.1) return key;
  }
  return null;
}

/** The smallest forget gate over every unit and word as the sentence LSTM reads `text`, or null without words. */
export function smallestForgetGate(text: string, bias: number): number | null {
  const words = textToWordSequence(text).slice(0, LSTM_WORDS);
  if (words.length === 0) return null;
  let least = 1;
  for (const step of sentenceLstm(words, bias).run.steps) for (const f of step.f) least = Math.min(least, f);
  return least;
}

/** Every challenge's check, by the challenge's id (src/exercises/list.ts). */
export const CHECKS: Record<string, Check> = {
  'sigmoid-ninety': (s) => {
    const z = num(s, 'z');
    const y = sigmoid(z);
    return { met: Math.abs(y - 0.9) <= 0.003, now: `Now: σ(${fmt(z, 2)}) = ${fmt(y)}.` };
  },
  'not-first': (s) => {
    const { vocabulary } = encodeSentence(str(s, 'text'));
    const index = vocabulary.index.get('not');
    return {
      met: index === 1,
      now:
        index === undefined
          ? 'Now: “not” is not in your sentence.'
          : `Now: “not” has index ${index}${index === 1 ? '' : `, and “${vocabulary.words[0]}” has index 1`}.`,
    };
  },
  'forget-the-past': (s) => {
    const scale = num(s, 'scale');
    const found = repeatedWordGap(str(s, 'text'), scale);
    if (!found) return { met: false, now: 'Now: no word occurs twice in your sentence.' };
    return {
      met: found.gap < 0.0005,
      now: `Now: the two states of “${found.word}” differ by up to ${fmt(found.gap)} (size of W_h ${fmt(scale, 2)}).`,
    };
  },
  'gradient-balance': (s) => {
    const length = num(s, 'length');
    const scale = num(s, 'scale');
    const g = vanishingRun(scale, length).norms[0];
    return {
      met: length === 50 && g >= 0.1 && g <= 10,
      now: `Now: with T = ${length} and ‖W_h‖ = ${fmt(scale, 2)}, ‖∂h_T/∂h_0‖ = ${fmtSci(g)}.`,
    };
  },
  'overwrite-negative': (s) => {
    const cPrev = num(s, 'cPrev');
    const r = oneUnitStep(cellOf(s));
    return {
      met: cPrev >= 1 && r.f.value < 0.05 && r.i.value > 0.95 && r.c.value < -0.5,
      now: `Now: Cₜ₋₁ = ${fmt(cPrev, 2)}, f = ${fmt(r.f.value)}, i = ${fmt(r.i.value)}, C̃ = ${fmt(r.c.value)}, Cₜ = ${fmt(r.cNew)}.`,
    };
  },
  'keep-hidden': (s) => {
    const cPrev = num(s, 'cPrev');
    const r = oneUnitStep(cellOf(s));
    return {
      met: cPrev <= -1 && r.f.value > 0.99 && r.i.value < 0.01 && Math.abs(r.h) < 0.01,
      now: `Now: Cₜ₋₁ = ${fmt(cPrev, 2)}, f = ${fmt(r.f.value)}, i = ${fmt(r.i.value)}, hₜ = ${fmt(r.h)}.`,
    };
  },
  'largest-h': (s) => {
    const r = oneUnitStep(cellOf(s));
    return { met: r.h > 0.95, now: `Now: o = ${fmt(r.o.value)}, Cₜ = ${fmt(r.cNew)}, hₜ = ${fmt(r.h)}.` };
  },
  'open-gates': (s) => {
    const bias = num(s, 'bias');
    const least = smallestForgetGate(str(s, 'text'), bias);
    if (least === null) return { met: false, now: 'Now: the sentence is empty.' };
    return { met: least > 0.9, now: `Now: with b_f = ${fmt(bias, 2)} the smallest forget gate is ${fmt(least)}.` };
  },
  'smallest-bias': (s) => {
    const length = num(s, 'length');
    const bias = num(s, 'bias');
    const g = lstmReach(length, bias);
    // The gradient is not monotonic in the bias (it peaks near 2.5 and dips again near 3.25), so
    // "smallest" means that no lower step of the slider carries it.
    const lower = length === 100 && g > 0.1 ? lowerBiasThatCarries(bias) : null;
    return {
      met: length === 100 && g > 0.1 && lower === null,
      now:
        `Now: T = ${length}, b_f = ${fmt(bias, 2)}: the cell-state gradient at t = 0 is ${fmtSci(g)}` +
        (lower === null ? '.' : `; a lower bias, ${fmt(lower, 2)}, carries it too.`),
    };
  },
  'rnn-window': (s) => {
    const length = num(s, 'length');
    const scale = num(s, 'scale');
    const g = gradientReach({ length, rnnScale: scale, forgetBias: num(s, 'bias') }).rnnH[0];
    return {
      met: length === 100 && g >= 0.01 && g <= 10,
      now: `Now: T = ${length}, ‖W_h‖ = ${fmt(scale, 2)}: the RNN's gradient at t = 0 is ${fmtSci(g)}.`,
    };
  },
  'right-angle': (s) => {
    const a = [num(s, 'ax'), num(s, 'ay')];
    const b = [num(s, 'bx'), num(s, 'by')];
    const c = norm(a) && norm(b) ? cosine(a, b) : Number.NaN;
    return {
      met: [...a, ...b].every((x) => x !== 0) && Math.abs(c) < 0.005,
      now: `Now: a = (${fmt(a[0], 1)}, ${fmt(a[1], 1)}), b = (${fmt(b[0], 1)}, ${fmt(b[1], 1)}), cosine ${Number.isNaN(c) ? 'undefined (a zero vector)' : fmt(c)}.`,
    };
  },
  'same-direction': (s) => {
    const a = [num(s, 'ax'), num(s, 'ay')];
    const b = [num(s, 'bx'), num(s, 'by')];
    const la = norm(a);
    const lb = norm(b);
    const c = la && lb ? cosine(a, b) : Number.NaN;
    const ratio = la && lb ? Math.max(la, lb) / Math.min(la, lb) : Number.NaN;
    return {
      met: c > 0.9995 && ratio >= 3 - 1e-9,
      now: `Now: cosine ${Number.isNaN(c) ? 'undefined (a zero vector)' : fmt(c)}, the longer vector is ${Number.isNaN(ratio) ? '–' : fmt(ratio, 2)} times the shorter.`,
    };
  },
  'sixty-degrees': (s) => {
    const a = [num(s, 'ax'), num(s, 'ay')];
    const b = [num(s, 'bx'), num(s, 'by')];
    const c = norm(a) && norm(b) ? cosine(a, b) : Number.NaN;
    const angle = (Math.acos(Math.max(-1, Math.min(1, c))) * 180) / Math.PI;
    return {
      met: Math.abs(c - 0.5) <= 0.01,
      now: Number.isNaN(c)
        ? 'Now: a zero vector has no angle.'
        : `Now: cosine ${fmt(c)}, an angle of ${fmt(angle, 1)}°.`,
    };
  },
};

/** What chapter 6's review cell read with the trained model: the review's words and the prediction after each step. */
export interface ReviewReading {
  /** The words of the review after the tokenizer. */
  tokens: readonly string[];
  /** p_t after each step, `[time]`, padding steps included; the last is the model's prediction. */
  p: ArrayLike<number>;
}

/** A challenge's check on what the review cell read. */
export type ReviewCheck = (reading: ReviewReading) => CheckResult;

/** The checks of the challenges on chapter 6's review cell, by id: they need the model's reading, not only the text. */
export const REVIEW_CHECKS: Record<string, ReviewCheck> = {
  negation: ({ tokens, p }) => {
    const final = p[p.length - 1];
    return {
      met: tokens.length <= 6 && tokens.includes('not') && final > 0.5,
      now: `Now: ${tokens.length} words, ${tokens.includes('not') ? 'with' : 'without'} “not”; the model says p = ${fmt(final)}.`,
    };
  },
  'one-word': ({ tokens, p }) => {
    const final = p[p.length - 1];
    return {
      met: tokens.length === 1 && final > 0.85,
      now: `Now: ${tokens.length} word${tokens.length === 1 ? '' : 's'}; the model says p = ${fmt(final)}.`,
    };
  },
  'last-word-turns': ({ tokens, p }) => {
    const final = p[p.length - 1];
    const before = p.length > 1 ? p[p.length - 2] : Number.NaN;
    return {
      met: tokens.length >= 8 && before < 0.5 && final > 0.5,
      now: `Now: ${tokens.length} words; p = ${fmt(before)} before the last word, ${fmt(final)} after it.`,
    };
  },
};

/** The trained model a check reads with, as the page's trained classifier holds it. */
export interface ModelReader {
  /** Its weights in the kit's layout. */
  weights: ClassifierWeights;
  /** Its vocabulary, to encode a review as training did. */
  vocabulary: Vocabulary;
  /** Its data view: layout, num_words, maxlen. */
  view: SequenceView;
}

/** A challenge's check on a widget's state that needs the trained model. */
export type ModelCheck = (state: WidgetState, model: ModelReader) => CheckResult;

/**
 * The model's final prediction for `text` padded to its maxlen with zeros before the review
 * ('pre', as it was trained) or after it ('post'), read by the kit's own LSTM cell.
 */
export function paddedPrediction(text: string, model: ModelReader, padding: 'pre' | 'post'): number {
  const { maxlen = 80, ...unpadded } = model.view;
  const ids = encodeText(text, model.vocabulary, unpadded);
  const row = padSequence(ids, { maxlen, padding });
  return traceClassifier(model.weights, row).p[maxlen - 1];
}

/** The model's prediction for `text` with no padding at all: what Keras' mask_zero would give. */
export function maskedPrediction(text: string, model: ModelReader): number {
  const { maxlen = 80, ...unpadded } = model.view;
  const ids = encodeText(text, model.vocabulary, unpadded);
  // A review longer than maxlen is cut as padding would cut it, 'pre': its last maxlen ids.
  const kept = ids.length > maxlen ? ids.subarray(ids.length - maxlen) : ids;
  if (kept.length === 0) return traceClassifier(model.weights, padSequence(ids, { maxlen, padding: 'pre' })).p0;
  return traceClassifier(model.weights, kept).p[kept.length - 1];
}

/** The model's prediction for `text` as it reads it (its own maxlen and padding), and the fate of each word. */
export function modelReading(text: string, model: ModelReader): { p: number; tokens: string[]; cut: boolean[] } {
  const steps = reviewSteps(text, model.vocabulary, model.view);
  const trace = traceClassifier(model.weights, steps.ids);
  return { p: trace.p[steps.ids.length - 1], tokens: steps.tokens, cut: steps.fates.map((f) => f === 'cut') };
}

/** The checks of the challenges on widgets that read with the trained model (chapters 5 and 7), by id. */
export const MODEL_CHECKS: Record<string, ModelCheck> = {
  'rating-leak': (s, model) => {
    const { p, tokens } = modelReading(str(s, 'text'), model);
    return {
      met: tokens.length >= 1 && tokens.length <= 3 && p > 0.99,
      now: `Now: ${tokens.length} word${tokens.length === 1 ? '' : 's'}; the model says p = ${fmt(p)}.`,
    };
  },
  'not-bad': (s, model) => {
    const { p, tokens } = modelReading(str(s, 'text'), model);
    return {
      met: tokens.length <= 6 && tokens.includes('not') && p < 0.5,
      now: `Now: ${tokens.length} words, ${tokens.includes('not') ? 'with' : 'without'} “not”; the model says p = ${fmt(p)}.`,
    };
  },
  'cut-praise': (s, model) => {
    const { p, tokens, cut } = modelReading(str(s, 'text'), model);
    const first = tokens[0] ?? '';
    const firstCut = cut[0] ?? false;
    return {
      met: first === 'excellent' && firstCut && p < 0.5,
      now:
        tokens.length === 0
          ? 'Now: the review is empty.'
          : `Now: ${tokens.length} words; the first, “${first}”, is ${firstCut ? 'cut' : 'read'}; the model says p = ${fmt(p)}.`,
    };
  },
  'post-positive': (s, model) => {
    const text = str(s, 'text');
    const pre = paddedPrediction(text, model, 'pre');
    const post = paddedPrediction(text, model, 'post');
    return {
      met: pre > 0.5 && post > 0.5,
      now: `Now: p = ${fmt(pre)} with 'pre' padding, ${fmt(post)} with 'post' padding.`,
    };
  },
  'zeros-flip': (s, model) => {
    const text = str(s, 'text');
    const pre = paddedPrediction(text, model, 'pre');
    const masked = maskedPrediction(text, model);
    return {
      met: (pre - 0.5) * (masked - 0.5) < 0,
      now: `Now: p = ${fmt(masked)} with the zeros skipped, ${fmt(pre)} with the zeros read first.`,
    };
  },
  'all-unknown': (s, model) => {
    const text = str(s, 'text');
    const report = oovReport(text, model.vocabulary.index, model.view);
    const p = paddedPrediction(text, model, 'pre');
    return {
      met: report.count >= 6 && report.oov === report.count,
      now: `Now: ${report.oov} of ${report.count} words out of the vocabulary; the model says p = ${fmt(p)}.`,
    };
  },
};
