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
import { EXERCISE_WORDS } from './exercises.words';

/** The check lines' words in the page's edition (English outside a page). */
const say = () => EXERCISE_WORDS.now().check;

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
    return { met: Math.abs(y - 0.9) <= 0.003, now: say().sigmoid(fmt(z, 2), fmt(y)) };
  },
  'not-first': (s) => {
    const { vocabulary } = encodeSentence(str(s, 'text'));
    const index = vocabulary.index.get('not');
    return {
      met: index === 1,
      now:
        index === undefined ? say().notAbsent : say().notIndex(index, index === 1 ? null : (vocabulary.words[0] ?? '')),
    };
  },
  'forget-the-past': (s) => {
    const scale = num(s, 'scale');
    const found = repeatedWordGap(str(s, 'text'), scale);
    if (!found) return { met: false, now: say().noRepeat };
    return {
      met: found.gap < 0.0005,
      now: say().repeatGap(found.word, fmt(found.gap), fmt(scale, 2)),
    };
  },
  'gradient-balance': (s) => {
    const length = num(s, 'length');
    const scale = num(s, 'scale');
    const g = vanishingRun(scale, length).norms[0];
    return {
      met: length === 50 && g >= 0.1 && g <= 10,
      now: say().gradientBalance(length, fmt(scale, 2), fmtSci(g)),
    };
  },
  'overwrite-negative': (s) => {
    const cPrev = num(s, 'cPrev');
    const r = oneUnitStep(cellOf(s));
    return {
      met: cPrev >= 1 && r.f.value < 0.05 && r.i.value > 0.95 && r.c.value < -0.5,
      now: say().overwrite(fmt(cPrev, 2), fmt(r.f.value), fmt(r.i.value), fmt(r.c.value), fmt(r.cNew)),
    };
  },
  'keep-hidden': (s) => {
    const cPrev = num(s, 'cPrev');
    const r = oneUnitStep(cellOf(s));
    return {
      met: cPrev <= -1 && r.f.value > 0.99 && r.i.value < 0.01 && Math.abs(r.h) < 0.01,
      now: say().keepHidden(fmt(cPrev, 2), fmt(r.f.value), fmt(r.i.value), fmt(r.h)),
    };
  },
  'largest-h': (s) => {
    const r = oneUnitStep(cellOf(s));
    return { met: r.h > 0.95, now: say().largestH(fmt(r.o.value), fmt(r.cNew), fmt(r.h)) };
  },
  'open-gates': (s) => {
    const bias = num(s, 'bias');
    const least = smallestForgetGate(str(s, 'text'), bias);
    if (least === null) return { met: false, now: say().emptySentence };
    return { met: least > 0.9, now: say().openGates(fmt(bias, 2), fmt(least)) };
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
      now: say().smallestBias(length, fmt(bias, 2), fmtSci(g), lower === null ? null : fmt(lower, 2)),
    };
  },
  'rnn-window': (s) => {
    const length = num(s, 'length');
    const scale = num(s, 'scale');
    const g = gradientReach({ length, rnnScale: scale, forgetBias: num(s, 'bias') }).rnnH[0];
    return {
      met: length === 100 && g >= 0.01 && g <= 10,
      now: say().rnnWindow(length, fmt(scale, 2), fmtSci(g)),
    };
  },
  'right-angle': (s) => {
    const a = [num(s, 'ax'), num(s, 'ay')];
    const b = [num(s, 'bx'), num(s, 'by')];
    const c = norm(a) && norm(b) ? cosine(a, b) : Number.NaN;
    return {
      met: [...a, ...b].every((x) => x !== 0) && Math.abs(c) < 0.005,
      now: say().rightAngle(
        fmt(a[0], 1),
        fmt(a[1], 1),
        fmt(b[0], 1),
        fmt(b[1], 1),
        Number.isNaN(c) ? say().undefinedCosine : fmt(c),
      ),
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
      now: say().sameDirection(
        Number.isNaN(c) ? say().undefinedCosine : fmt(c),
        Number.isNaN(ratio) ? '–' : fmt(ratio, 2),
      ),
    };
  },
  'sixty-degrees': (s) => {
    const a = [num(s, 'ax'), num(s, 'ay')];
    const b = [num(s, 'bx'), num(s, 'by')];
    const c = norm(a) && norm(b) ? cosine(a, b) : Number.NaN;
    const angle = (Math.acos(Math.max(-1, Math.min(1, c))) * 180) / Math.PI;
    return {
      met: Math.abs(c - 0.5) <= 0.01,
      now: Number.isNaN(c) ? say().noAngle : say().sixtyDegrees(fmt(c), fmt(angle, 1)),
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
      now: say().withNot(tokens.length, tokens.includes('not'), fmt(final)),
    };
  },
  'one-word': ({ tokens, p }) => {
    const final = p[p.length - 1];
    return {
      met: tokens.length === 1 && final > 0.85,
      now: say().wordsSay(tokens.length, fmt(final)),
    };
  },
  'last-word-turns': ({ tokens, p }) => {
    const final = p[p.length - 1];
    const before = p.length > 1 ? p[p.length - 2] : Number.NaN;
    return {
      met: tokens.length >= 8 && before < 0.5 && final > 0.5,
      now: say().lastWord(tokens.length, fmt(before), fmt(final)),
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
      now: say().wordsSay(tokens.length, fmt(p)),
    };
  },
  'not-bad': (s, model) => {
    const { p, tokens } = modelReading(str(s, 'text'), model);
    return {
      met: tokens.length <= 6 && tokens.includes('not') && p < 0.5,
      now: say().withNot(tokens.length, tokens.includes('not'), fmt(p)),
    };
  },
  'cut-praise': (s, model) => {
    const { p, tokens, cut } = modelReading(str(s, 'text'), model);
    const first = tokens[0] ?? '';
    const firstCut = cut[0] ?? false;
    return {
      met: first === 'excellent' && firstCut && p < 0.5,
      now: tokens.length === 0 ? say().emptyReview : say().cutPraise(tokens.length, first, firstCut, fmt(p)),
    };
  },
  'post-positive': (s, model) => {
    const text = str(s, 'text');
    const pre = paddedPrediction(text, model, 'pre');
    const post = paddedPrediction(text, model, 'post');
    return {
      met: pre > 0.5 && post > 0.5,
      now: say().postPositive(fmt(pre), fmt(post)),
    };
  },
  'zeros-flip': (s, model) => {
    const text = str(s, 'text');
    const pre = paddedPrediction(text, model, 'pre');
    const masked = maskedPrediction(text, model);
    return {
      met: (pre - 0.5) * (masked - 0.5) < 0,
      now: say().zerosFlip(fmt(masked), fmt(pre)),
    };
  },
  'all-unknown': (s, model) => {
    const text = str(s, 'text');
    const report = oovReport(text, model.vocabulary.index, model.view);
    const p = paddedPrediction(text, model, 'pre');
    return {
      met: report.count >= 6 && report.oov === report.count,
      now: say().allUnknown(report.oov, report.count, fmt(p)),
    };
  },
};
