/**
 * Every exercise of the kit, in reading order: the predictions a reader makes before a widget
 * shows the answer, and the challenges a widget checks live. The chapters (through
 * src/components/Predict.astro and Challenge.astro), the home page's progress and the
 * exercises page all read this one list. Answers and the numbers in explanations are computed
 * here, at build time, by the same pure modules the widgets use.
 */
import { tanhDerivative } from '../lstm/cell/activations';
import { vanishingRun } from '../lstm/cell/demos';
import { gradientReach } from '../lstm/cell/demos-over-time';
import { beltGradient, oneUnitStep, type OneUnitCell } from '../lstm/cell/one-unit';
import { DEFAULT_CELL } from '../lstm/cell/cell-presets';
import { cosine } from '../embedding/cosine';
import { modelSummary } from '../lstm/sentiment/model';
import { presetSettings } from '../lstm/sentiment/presets';
import { chapterPath, withBase } from '../paths';
import { fmt, fmtSci } from '../widgets/kit/format';
import { lstmReach, smallestForgetGate } from './checks';
import type { Answer } from './score';

/** A widget state to open: the fields a link sets (`?cell.key=value`); the others keep their defaults. */
export type WidgetFields = Record<string, string | number | boolean>;

/** Guess first, then let the widget show the answer. */
export interface Prediction {
  kind: 'prediction';
  /** Unique among all exercises; the element's id on its page is `ex-<id>`. */
  id: string;
  /** The chapter's content id, e.g. `01-sequences`. */
  chapter: string;
  /** The id of the cell whose widget shows the answer. */
  cell: string;
  /** The question. */
  prompt: string;
  /** What the reader types or picks, e.g. "Your guess for tanh′(3)". */
  label: string;
  answer: Answer;
  /** Why the answer is what it is, shown after the guess. */
  explanation: string;
  /** The widget's state that shows the answer. */
  shows: WidgetFields;
}

/** A task the widget checks live, with hints and a worked solution. */
export interface Challenge {
  kind: 'challenge';
  /** Unique among all exercises; its check is CHECKS[id] in src/exercises/checks.ts. */
  id: string;
  chapter: string;
  /** The id of the cell whose widget's state is checked. */
  cell: string;
  /** A few words, e.g. "A sigmoid of 0.9". */
  title: string;
  /** What to do, precisely: the check tests exactly this. */
  task: string;
  /** One or two hints, mildest first. */
  hints: string[];
  /** A state that meets the challenge, and a sentence on why it works. */
  solution: { state: WidgetFields; why: string };
  /**
   * What the check reads: the widget's state (CHECKS, the default); for chapter 6's review cell,
   * the review as the trained model read it (REVIEW_CHECKS); or the widget's state with the
   * trained model (MODEL_CHECKS).
   */
  reads?: 'review' | 'model';
}

/** One exercise. */
export type Exercise = Prediction | Challenge;

/** A link to a chapter with one widget set to `fields`, scrolled to that widget. */
export function widgetLink(base: string, chapter: string, cell: string, fields: WidgetFields): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields))
    params.set(`${cell}.${key}`, typeof value === 'boolean' ? (value ? '1' : '0') : String(value));
  return `${withBase(base, chapterPath(chapter))}?${params.toString()}#cell-${cell}`;
}

/** A link to an exercise in its chapter. */
export function exerciseLink(base: string, e: Exercise): string {
  return `${withBase(base, chapterPath(e.chapter))}#ex-${e.id}`;
}

// Chapter 2's cell with a gate held shut or open by its bias alone (σ(±8) is 0.0003 or 0.9997).
function pinned(gate: 'f' | 'i' | 'o', bias: number): Partial<OneUnitCell> {
  return { [`w${gate}1`]: 0, [`w${gate}2`]: 0, [`u${gate}`]: 0, [`b${gate}`]: bias };
}

// --- Numbers the texts quote, computed once here. ---

const tanhSlopeAt3 = tanhDerivative(3);
const halfScaleReach = vanishingRun(0.5, 40).norms[0];
const balanced = vanishingRun(2.1, 50).norms[0];
const keepCell: WidgetFields = { ...pinned('f', 8), ...pinned('i', -8) };
const keepStep = oneUnitStep({ ...DEFAULT_CELL, ...(keepCell as Partial<OneUnitCell>) });
const ninetyFifty = beltGradient(0.9, 50);
const overwrite: WidgetFields = { cPrev: 2, ...pinned('f', -8), ...pinned('i', 8), wc1: -3, wc2: 0, uc: 0, bc: 0 };
const overwriteStep = oneUnitStep({ ...DEFAULT_CELL, ...(overwrite as Partial<OneUnitCell>) });
const keepHidden: WidgetFields = { cPrev: -2, ...pinned('f', 8), ...pinned('i', -8), ...pinned('o', -8) };
const keepHiddenStep = oneUnitStep({ ...DEFAULT_CELL, ...(keepHidden as Partial<OneUnitCell>) });
const largest: WidgetFields = { cPrev: 2, ...pinned('f', 8), ...pinned('o', 8) };
const largestStep = oneUnitStep({ ...DEFAULT_CELL, ...(largest as Partial<OneUnitCell>) });
const defaultReach = gradientReach({ length: 100, rnnScale: 1, forgetBias: 1 });
const READER_SENTENCE = 'the plot was thin but the acting was not bad at all';
// The reach widget's slider steps: biases -2..6 by 0.25, RNN sizes 0.1..2 by 0.05.
const biases = Array.from({ length: 33 }, (_, k) => -2 + k * 0.25);
const scales = Array.from({ length: 39 }, (_, k) => Number((0.1 + k * 0.05).toFixed(2)));
const smallestBias = biases.find((b) => lstmReach(100, b) > 0.1) ?? Number.NaN;
const biasDips = biases.filter((b) => b > smallestBias && lstmReach(100, b) <= 0.1);
const openBias = biases.find((b) => (smallestForgetGate(READER_SENTENCE, b) ?? 0) > 0.9) ?? Number.NaN;
const rnnWorks = scales.filter((s) => {
  const g = gradientReach({ length: 100, rnnScale: s, forgetBias: 1 }).rnnH[0];
  return g >= 0.01 && g <= 10;
});
const lstmWorks = biases.filter((b) => {
  const g = lstmReach(100, b);
  return g >= 0.01 && g <= 10;
});

// Chapter 6: the kit's model is r-keras; its summary counts every parameter.
const rKeras = presetSettings('r-keras');
// Any vocabulary of at least num_words words gives r-keras its 20,000 rows.
const rKerasSummary = modelSummary(rKeras, 100_000);
const rKerasTotal = rKerasSummary.reduce((sum, row) => sum + row.params, 0);
const embeddingShare = (100 * rKerasSummary[0].params) / rKerasTotal;
// A review whose first word of praise 'pre' truncation cuts at maxlen 80: nine sentences of criticism after it.
const CUT_PRAISE = `Excellent? No. ${Array.from({ length: 9 }, () => 'The plot was thin and the acting was weak.').join(' ')}`;
const CUT_PRAISE_WORDS = CUT_PRAISE.split(/\s+/).length;
// A positive review long enough to leave few padding zeros after it in a row of 80 ids.
const LONG_PRAISE = Array.from({ length: 7 }, () => 'A wonderful film. I loved every minute of it.').join(' ');
const TEN_WORDS = 'the plot was thin but the acting was truly wonderful';
const tenWordPadding = rKeras.maxlen - 1 - TEN_WORDS.split(' ').length;

/** Every exercise, chapter by chapter, each in the order a reader meets it. */
export const EXERCISES: readonly Exercise[] = [
  // Chapter 1
  {
    kind: 'challenge',
    id: 'not-first',
    chapter: '01-sequences',
    cell: 'onehot',
    title: '“not” first',
    task: 'Type a sentence in which the word “not” gets index 1.',
    hints: [
      'The tokenizer numbers the words of your sentence by how often they occur, the most frequent first.',
      'Ties go to the word seen first; use “not” more often than any other word.',
    ],
    solution: {
      state: { text: 'not good and not bad' },
      why: '“not” occurs twice and every other word once, so it is the most frequent word and gets index 1.',
    },
  },
  {
    kind: 'prediction',
    id: 'tanh-slope',
    chapter: '01-sequences',
    cell: 'act',
    prompt:
      'At z = 3, tanh is close to 1. How much of a gradient does it pass there? Guess its slope tanh′(3), a number between 0 and 1.',
    label: 'Your guess for tanh′(3)',
    answer: { kind: 'number', value: tanhSlopeAt3, scale: 'linear', close: 0.02, digits: 4 },
    explanation: `tanh′(3) = 1 − tanh²(3) = ${fmt(tanhSlopeAt3, 4)}: a unit this saturated passes about ${fmt(tanhSlopeAt3 * 100, 0)} % of the gradient that reaches it. Move z to 3 with the slopes shown to see it.`,
    shows: { z: 3, slopes: true },
  },
  {
    kind: 'challenge',
    id: 'sigmoid-ninety',
    chapter: '01-sequences',
    cell: 'act',
    title: 'A sigmoid of 0.9',
    task: 'Find the input z at which the sigmoid gives 0.9, to within 0.003.',
    hints: [
      'σ(0) = 0.5 and the sigmoid grows with z: look between z = 2 and z = 3.',
      'σ(z) = 0.9 means e^(−z) = 1/9, so z = ln 9.',
    ],
    solution: {
      state: { z: 2.2 },
      why: `ln 9 = ${fmt(Math.log(9))}, and the nearest step of the slider is 2.2, where σ(2.2) = ${fmt(1 / (1 + Math.exp(-2.2)), 4)}.`,
    },
  },
  {
    kind: 'challenge',
    id: 'forget-the-past',
    chapter: '01-sequences',
    cell: 'rnn',
    title: 'A cell with no memory',
    task: 'Type a sentence in which a word occurs twice, and set the size of W_h so that both occurrences give the same hidden state hₜ, to three decimals.',
    hints: [
      'hₜ depends on the word and, through W_h hₜ₋₁, on everything read before it.',
      'Remove the second path: with W_h at zero, hₜ = tanh(W_x xₜ + b) depends on the current word alone.',
    ],
    solution: {
      state: { text: 'the film was good and the acting was good', scale: 0 },
      why: 'With W_h = 0 the cell ignores its previous state, so “the” and “good” get the same hₜ wherever they appear: the cell has no memory at all.',
    },
  },
  {
    kind: 'prediction',
    id: 'vanish-power',
    chapter: '01-sequences',
    cell: 'vanish',
    prompt:
      'With ‖W_h‖ = 0.5 and a sequence of T = 40 steps, the gradient that reaches the first step, ‖∂h_T/∂h_0‖, is about 10 to the power of what? Type the power, for example −3.',
    label: 'Your guess for the power of ten',
    answer: { kind: 'number', value: halfScaleReach, scale: 'log10', close: 2, digits: 1 },
    explanation: `It is ${fmtSci(halfScaleReach)}. The bound 0.5⁴⁰ = ${fmtSci(0.5 ** 40)} already makes it tiny, and each tanh′ below 1 shrinks it further: the first words get no say in training.`,
    shows: { scale: 0.5, length: 40 },
  },
  {
    kind: 'challenge',
    id: 'gradient-balance',
    chapter: '01-sequences',
    cell: 'vanish',
    title: 'Neither vanish nor explode',
    task: 'Set the sequence length to T = 50 and find a size of W_h at which the gradient reaching the first step, ‖∂h_T/∂h_0‖, lies between 0.1 and 10.',
    hints: [
      'At ‖W_h‖ = 1 the gradient still vanishes: every tanh′ is below 1. Look above 1.',
      'Above 1 the matrix stretches the gradient at each step while saturated units shrink it; look around 2.',
    ],
    solution: {
      state: { scale: 2.1, length: 50 },
      why: `At ‖W_h‖ = 2.1 the gradient is ${fmtSci(balanced)}: the matrix stretches it at each step about as much as the saturated units shrink it. Move the slider one step either way and watch how erratic the window is: this is why a vanilla RNN is hard to train on long texts.`,
    },
  },
  // Chapter 2
  {
    kind: 'prediction',
    id: 'keep-memory',
    chapter: '02-lstm-cell',
    cell: 'cell',
    prompt: `Open the forget gate fully (f = 1) and shut the input gate (i = 0). If the old cell state is Cₜ₋₁ = ${fmt(DEFAULT_CELL.cPrev, 1)}, what is the new cell state Cₜ?`,
    label: 'Your guess for Cₜ',
    answer: { kind: 'number', value: keepStep.cNew, scale: 'linear', close: 0.05, digits: 3 },
    explanation: `Cₜ = f·Cₜ₋₁ + i·C̃ₜ = 1 · ${fmt(DEFAULT_CELL.cPrev, 1)} + 0 · C̃ₜ: the memory passes through unchanged. With the gates held at σ(±8) the widget shows Cₜ = ${fmt(keepStep.cNew)}.`,
    shows: keepCell,
  },
  {
    kind: 'prediction',
    id: 'fifty-steps',
    chapter: '02-lstm-cell',
    cell: 'cell',
    prompt:
      'A forget gate of f = 0.9 looks wide open. If it stays at 0.9 for 50 steps and nothing is written, what share of the memory is left? Type a number between 0 and 1.',
    label: 'Your guess for the share left',
    answer: { kind: 'number', value: ninetyFifty, scale: 'linear', close: 0.01, digits: 4 },
    explanation: `0.9⁵⁰ = ${fmt(ninetyFifty, 4)}: about half a percent. Keeping a memory for long needs a forget gate much closer to 1; the widget's “over 50 steps” line shows fₜ⁵⁰ for the current gate.`,
    shows: { ...pinned('f', 2.2) },
  },
  {
    kind: 'challenge',
    id: 'overwrite-negative',
    chapter: '02-lstm-cell',
    cell: 'cell',
    title: 'Forget and write',
    task: 'With an old memory Cₜ₋₁ of at least 1, make the cell forget it entirely while it writes a negative new memory: f below 0.05, i above 0.95 and the candidate C̃ below −0.5.',
    hints: [
      'A gate’s bias alone can hold it shut (−8) or open (+8) when its weights are 0.',
      'The candidate is tanh of x₁ times its weight plus the rest: a negative weight on x₁ = 1 makes it negative.',
    ],
    solution: {
      state: overwrite,
      why: `The forget gate is shut (f = ${fmt(overwriteStep.f.value)}) and the input gate open (i = ${fmt(overwriteStep.i.value)}); a weight of −3 on x₁ = 1 gives C̃ = ${fmt(overwriteStep.c.value)}, so Cₜ = ${fmt(overwriteStep.cNew)} keeps nothing of Cₜ₋₁ = 2.`,
    },
  },
  {
    kind: 'challenge',
    id: 'keep-hidden',
    chapter: '02-lstm-cell',
    cell: 'cell',
    title: 'A hidden memory',
    task: 'Keep a negative memory for ever while hₜ shows nothing of it: Cₜ₋₁ at most −1, f above 0.99, i below 0.01 and hₜ between −0.01 and 0.01.',
    hints: [
      'Keeping needs the forget gate open and the input gate shut.',
      'hₜ = o · tanh(Cₜ): to hide a large Cₜ, shut the output gate.',
    ],
    solution: {
      state: keepHidden,
      why: `The forget gate is open and the input gate shut, so Cₜ = ${fmt(keepHiddenStep.cNew)} equals Cₜ₋₁; the output gate is shut (o = ${fmt(keepHiddenStep.o.value, 4)}), so hₜ = ${fmt(keepHiddenStep.h, 4)}. The memory waits on the belt until a later step opens the output gate.`,
    },
  },
  {
    kind: 'challenge',
    id: 'largest-h',
    chapter: '02-lstm-cell',
    cell: 'cell',
    title: 'A loud output',
    task: 'Make the hidden state hₜ larger than 0.95.',
    hints: [
      'hₜ = o · tanh(Cₜ), and both factors are below 1: both must be close to 1.',
      `tanh(Cₜ) > 0.95 needs Cₜ above ${fmt(Math.atanh(0.95), 2)}: keep a large old memory and open the output gate.`,
    ],
    solution: {
      state: largest,
      why: `With Cₜ₋₁ = 2 kept (f = ${fmt(largestStep.f.value)}) and the default input added, Cₜ = ${fmt(largestStep.cNew)} and tanh(Cₜ) = ${fmt(largestStep.tanhC)}; the open output gate (o = ${fmt(largestStep.o.value)}) passes it: hₜ = ${fmt(largestStep.h)}. hₜ can never reach 1.`,
    },
  },
  // Chapter 3
  {
    kind: 'challenge',
    id: 'open-gates',
    chapter: '03-lstm-over-time',
    cell: 'steps',
    title: 'Gates wide open',
    task: 'For the sentence “the plot was thin but the acting was not bad at all”, find a forget-gate bias at which every forget gate of every unit stays above 0.9 at every word.',
    hints: [
      'Show the forget gates (f) in the heat map and watch their lightest cells.',
      'The bias is added to every forget gate’s input: σ(b_f) alone must be well above 0.9.',
    ],
    solution: {
      state: { text: READER_SENTENCE, bias: openBias, quantity: 'f' },
      why: `At b_f = ${fmt(openBias, 2)} the smallest forget gate over the sentence is ${fmt(smallestForgetGate(READER_SENTENCE, openBias) ?? Number.NaN)}; one step lower it is ${fmt(smallestForgetGate(READER_SENTENCE, openBias - 0.25) ?? Number.NaN)}. The words push some gates down, so the bias must be higher than σ(b_f) = 0.9 alone suggests.`,
    },
  },
  {
    kind: 'prediction',
    id: 'memory-race',
    chapter: '03-lstm-over-time',
    cell: 'memory',
    prompt:
      'With N = 40 distractors, 600 training steps and the forget-gate bias at 3 (the widget’s defaults), which network learns to recall the first sign?',
    label: 'Your prediction',
    answer: {
      kind: 'choice',
      options: [
        { value: 'both', label: 'Both networks' },
        { value: 'lstm', label: 'Only the LSTM' },
        { value: 'rnn', label: 'Only the vanilla RNN' },
        { value: 'neither', label: 'Neither' },
      ],
      correct: 'lstm',
    },
    explanation:
      'The LSTM gets at least 99 % of the test sequences right and the vanilla RNN stays below 60 %, close to the 50 % of a coin: the kit’s tests replay this run on every change. Press Train to see it happen.',
    shows: {},
  },
  {
    kind: 'prediction',
    id: 'reach-power',
    chapter: '03-lstm-over-time',
    cell: 'reach',
    prompt:
      'At T = 100, with the forget-gate bias at Keras’ default of 1, the gradient on the LSTM’s cell state that reaches t = 0 is about 10 to the power of what? Type the power, for example −3.',
    label: 'Your guess for the power of ten',
    answer: { kind: 'number', value: defaultReach.lstmC[0], scale: 'log10', close: 2, digits: 1 },
    explanation: `It is ${fmtSci(defaultReach.lstmC[0])}: far more than the RNN’s ${fmtSci(defaultReach.rnnH[0])}, but still almost nothing. Its forget gates average ${fmt(defaultReach.meanForget)}, and ${fmt(defaultReach.meanForget)}¹⁰⁰ is tiny; a higher bias opens them.`,
    shows: { length: 100, bias: 1 },
  },
  {
    kind: 'challenge',
    id: 'smallest-bias',
    chapter: '03-lstm-over-time',
    cell: 'reach',
    title: 'The smallest bias that carries',
    task: 'Set T = 100 and find the smallest forget-gate bias at which the gradient on the LSTM’s cell state reaching t = 0 is above 0.1.',
    hints: [
      'At the default bias of 1 it is about 10⁻⁹: raise the bias a step at a time and read the line below the plot.',
      'Several biases carry it, and not all in a row: the challenge asks for the lowest on the slider.',
    ],
    solution: {
      state: { length: 100, bias: smallestBias },
      why: `At b_f = ${fmt(smallestBias, 2)} the cell-state gradient at t = 0 is ${fmtSci(lstmReach(100, smallestBias))}; at ${fmt(smallestBias - 0.25, 2)} it is ${fmtSci(lstmReach(100, smallestBias - 0.25))}. A larger bias keeps the forget gates near 1, so the belt carries the gradient across all 100 steps; yet higher biases do not all carry it (${biasDips.map((b) => fmt(b, 2)).join(', ')} do not), so test each step on the way.`,
    },
  },
  {
    kind: 'challenge',
    id: 'rnn-window',
    chapter: '03-lstm-over-time',
    cell: 'reach',
    title: 'An RNN that reaches back',
    task: 'Set T = 100 and find a size of the RNN’s W_h at which its gradient reaching t = 0 lies between 0.01 and 10.',
    hints: ['Below 1 it vanishes at once; the window lies close to the slider’s top.'],
    solution: {
      state: { length: 100, scale: rnnWorks[0] ?? Number.NaN },
      why: `Only ${rnnWorks.length} of the slider’s ${scales.length} sizes work (${rnnWorks.map((s) => fmt(s, 2)).join(', ')}), all on the edge of explosion; ${lstmWorks.length} of the ${biases.length} forget-gate biases put the LSTM in the same range. That difference is why LSTMs train on long texts and vanilla RNNs do not.`,
    },
  },
  // Chapter 4
  {
    kind: 'prediction',
    id: 'cosine-guess',
    chapter: '04-word-embeddings',
    cell: 'cosine',
    prompt: 'Two vectors a = (2, 1) and b = (1, 2). Guess their cosine similarity, a number from −1 to 1.',
    label: 'Your guess for the cosine',
    answer: { kind: 'number', value: cosine([2, 1], [1, 2]), scale: 'linear', close: 0.1, digits: 3 },
    explanation: `cos = (2·1 + 1·2) / (√5 · √5) = ${fmt(cosine([2, 1], [1, 2]))}: the vectors point about ${fmt((Math.acos(cosine([2, 1], [1, 2])) * 180) / Math.PI, 0)}° apart. The widget below starts with exactly these two.`,
    shows: { ax: 2, ay: 1, bx: 1, by: 2 },
  },
  {
    kind: 'prediction',
    id: 'longer-vector',
    chapter: '04-word-embeddings',
    cell: 'cosine',
    prompt: 'Make a twice as long without turning it. What happens to the cosine of a and b?',
    label: 'Your prediction',
    answer: {
      kind: 'choice',
      options: [
        { value: 'up', label: 'It grows' },
        { value: 'same', label: 'It stays the same' },
        { value: 'down', label: 'It shrinks' },
      ],
      correct: 'same',
    },
    explanation:
      'The dot product doubles, and so does the length of a that it is divided by: the cosine depends on the angle only. That is why it compares word vectors of any length.',
    shows: { ax: 4, ay: 2, bx: 1, by: 2 },
  },
  {
    kind: 'challenge',
    id: 'right-angle',
    chapter: '04-word-embeddings',
    cell: 'cosine',
    title: 'At right angles',
    task: 'Make the cosine 0 (within 0.005) with neither vector on an axis: all four coordinates must differ from 0.',
    hints: [
      'The cosine is 0 when the dot product aₓbₓ + a_yb_y is 0.',
      'Swap a’s coordinates and change the sign of one.',
    ],
    solution: {
      state: { ax: 2, ay: 1, bx: -1, by: 2 },
      why: 'a · b = 2·(−1) + 1·2 = 0: the vectors are at right angles, and the cosine is 0 whatever their lengths.',
    },
  },
  {
    kind: 'challenge',
    id: 'same-direction',
    chapter: '04-word-embeddings',
    cell: 'cosine',
    title: 'Same direction, different lengths',
    task: 'Find two vectors with a cosine of 1 (above 0.9995) where one is at least three times as long as the other.',
    hints: ['Multiplying a vector by a positive number changes its length, not its direction.'],
    solution: {
      state: { ax: 1, ay: 1, bx: 3, by: 3 },
      why: 'b = 3a points the same way as a, three times as long: the cosine is 1, the dot product and the lengths are not. A word vector’s length says nothing to the cosine.',
    },
  },
  {
    kind: 'challenge',
    id: 'sixty-degrees',
    chapter: '04-word-embeddings',
    cell: 'cosine',
    title: 'Sixty degrees',
    task: 'Make the angle between a and b 60°: a cosine of 0.5, within 0.01.',
    hints: ['cos 60° = 0.5. Put a on the x axis; then the cosine is b’s x divided by its length.'],
    solution: {
      state: { ax: 2, ay: 0, bx: 1, by: 1.7 },
      why: `With a = (2, 0) the cosine is bₓ/‖b‖ = 1/√(1 + 1.7²) = ${fmt(cosine([2, 0], [1, 1.7]))}; √3 ≈ 1.73 would give exactly 0.5, and 1.7 is the nearest step.`,
    },
  },
  // Chapter 5: predictions only; their answers are the chapter's own measurements.
  {
    kind: 'prediction',
    id: 'forest-coin',
    chapter: '05-sentiment-imdb',
    cell: 'baselines',
    prompt:
      'The R Keras article compares the LSTM with a random forest of 1,000 trees fitted on the same 80 padded ids, each position one feature. On the test reviews, where tossing a coin gets 50 % right, how does the forest do?',
    label: 'Your prediction',
    answer: {
      kind: 'choice',
      options: [
        { value: 'coin', label: 'Little better than a coin (50 % to 60 %)' },
        { value: 'between', label: 'Between a coin and the LSTM (60 % to 80 %)' },
        { value: 'lstm', label: 'About as well as the LSTM (80 % to 85 %)' },
        { value: 'better', label: 'Better than the LSTM (above 85 %)' },
      ],
      correct: 'coin',
    },
    explanation:
      'An id is a frequency rank, not a meaning, and which word stands at a position depends on how long the review is: the trees find little to split on. The paragraph below gives the accuracy measured here, and the cell below fits the forest in your browser.',
    shows: {},
  },
  {
    kind: 'prediction',
    id: 'bag-of-words',
    chapter: '05-sentiment-imdb',
    cell: 'baselines',
    prompt:
      'A bag of words ignores the order of the words: a logistic regression only sees which words a review contains, and how often. Against the LSTM, which reads them in order, how does it do on the test reviews?',
    label: 'Your prediction',
    answer: {
      kind: 'choice',
      options: [
        { value: 'lstm', label: 'The LSTM is clearly more accurate' },
        { value: 'same', label: 'About the same' },
        { value: 'bow', label: 'The bag of words is clearly more accurate' },
      ],
      correct: 'bow',
    },
    explanation:
      'The bag of words wins by several points: a review’s sentiment shows mostly in which words it uses, the bag of words reads all of them, and the LSTM reads only the last 80 ids of each review. The chapter’s key ideas give both accuracies as measured here.',
    shows: {},
  },
  {
    kind: 'challenge',
    id: 'rating-leak',
    chapter: '05-sentiment-imdb',
    cell: 'own-review',
    reads: 'model',
    title: 'Three words, no doubt',
    task: 'Find a review of at most three words that the model calls positive with p above 0.99.',
    hints: [
      'Single words of praise get the model to about 0.9; something reviewers write besides words does better.',
      'Many reviewers end with their rating out of ten.',
    ],
    solution: {
      state: { text: '7/10' },
      why: 'With the kit’s model, “7/10” (the words “7” and “10”) gets p = 0.994, more than any word of praise: IMDB counts a rating of 7 or more as positive, and reviewers who write “7/10” in the text have given the film exactly that. The model learned the rating, not the opinion.',
    },
  },
  {
    kind: 'challenge',
    id: 'not-bad',
    chapter: '05-sentiment-imdb',
    cell: 'own-review',
    reads: 'model',
    title: 'Not bad, says the reader',
    task: 'Write a review of at most six words in which “not” turns a criticism into praise, and that the model still calls negative (p below 0.5).',
    hints: ['Put “not” in front of a word reviewers use for films they disliked.'],
    solution: {
      state: { text: 'not bad' },
      why: 'With the kit’s model, “not bad” gets p = 0.105: the word “bad” weighs far more than the “not” in front of it. The model has learned which words come with which ratings, not how “not” changes them.',
    },
  },
  {
    kind: 'challenge',
    id: 'cut-praise',
    chapter: '05-sentiment-imdb',
    cell: 'own-review',
    reads: 'model',
    title: 'Praise it never reads',
    task: 'Write a review that starts with “Excellent”, which the model never reads because truncation cuts it, and that the model calls negative (p below 0.5).',
    hints: [
      'With ‘pre’ truncation the model keeps the last maxlen ids of a review and cuts the beginning.',
      'Follow “Excellent” with enough criticism to fill the whole row: about 80 words.',
    ],
    solution: {
      state: { text: CUT_PRAISE },
      why: `The review has ${CUT_PRAISE_WORDS} words and the kit’s model reads only the last ${rKeras.maxlen} (‘pre’ truncation cuts the start marker too), so “Excellent” is cut and the model reads only the criticism: p = 0.010. A verdict given first and explained at length is lost on this model.`,
    },
  },
  // Chapter 6: challenges on what the trained model makes of a review. Their solutions were
  // checked with the kit's own model (public/models/kit); a model the reader trained may differ.
  {
    kind: 'prediction',
    id: 'padding-steps',
    chapter: '06-inside-classifier',
    cell: 'review',
    prompt: `The kit’s model (r-keras) reads every review as a row of ${rKeras.maxlen} ids: a start marker, then the words, with padding zeros in front. For a review of 10 words, how many of the ${rKeras.maxlen} steps read padding?`,
    label: 'Your guess for the padding steps',
    answer: { kind: 'number', value: tenWordPadding, scale: 'linear', close: 2, digits: 0 },
    explanation: `${rKeras.maxlen} − 1 − 10 = ${tenWordPadding}: most of what the LSTM reads for a short review is zeros, before the start marker and the words. Tick “Show the padding steps” to see what they do to the prediction.`,
    shows: { text: TEN_WORDS, padding: true },
  },
  {
    kind: 'challenge',
    id: 'negation',
    chapter: '06-inside-classifier',
    cell: 'review',
    reads: 'review',
    title: 'Not fooled?',
    task: 'Write a review of at most six words in which “not” turns a word of praise into criticism, and that the model still calls positive (p above 0.5).',
    hints: [
      'Start from the strongest word of praise you can think of, then put “not” in front of it.',
      'Watch the plot: the word of praise comes last, nearest the output.',
    ],
    solution: {
      state: { text: 'not excellent' },
      why: 'With the kit’s model, “not excellent” gets p = 0.798: the word “excellent” raises the prediction far more than “not” lowers it. A model that reads words one at a time has to learn negation from examples, and this small one mostly has not.',
    },
  },
  {
    kind: 'challenge',
    id: 'one-word',
    chapter: '06-inside-classifier',
    cell: 'review',
    reads: 'review',
    title: 'One word of praise',
    task: 'Find a review of a single word that the model calls positive with p above 0.85.',
    hints: ['Words that reviewers use for the films they rate highest carry the most.'],
    solution: {
      state: { text: 'excellent' },
      why: 'With the kit’s model, “excellent” alone gets p = 0.885: one step of the LSTM after the start marker, and the word’s embedding does the rest.',
    },
  },
  {
    kind: 'challenge',
    id: 'last-word-turns',
    chapter: '06-inside-classifier',
    cell: 'review',
    reads: 'review',
    title: 'The last word decides',
    task: 'Write a review of at least eight words that the model calls negative until its last word, and positive after it: p below 0.5 before the last word and above 0.5 after it.',
    hints: [
      'Complain first, then praise: “but” is a good turning point.',
      'The last words are read nearest the output, so they weigh the most.',
    ],
    solution: {
      state: { text: 'the story was boring and slow but the ending was superb' },
      why: 'With the kit’s model the prediction is 0.231 before “superb” and 0.521 after it: a single word at the end outweighs the complaints before it. Rows padded in front put the last words nearest the output.',
    },
  },
  {
    kind: 'prediction',
    id: 'embedding-share',
    chapter: '06-inside-classifier',
    cell: 'neighbours',
    prompt: `The r-keras model has ${rKerasTotal.toLocaleString('en-US')} parameters. What share of them sits in its Embedding table, one vector of ${rKeras.embedding} numbers for each of its ${(rKerasSummary[0].params / rKeras.embedding).toLocaleString('en-US')} words? Type a percentage.`,
    label: 'Your guess, in percent',
    answer: { kind: 'number', value: embeddingShare, scale: 'linear', close: 5, digits: 1 },
    explanation: `${fmt(embeddingShare, 1)} %: ${rKerasSummary[0].params.toLocaleString('en-US')} numbers in the table against ${(rKerasTotal - rKerasSummary[0].params).toLocaleString('en-US')} in the LSTM and the output layer together. Almost all of its parameters say where each word sits, which is why the neighbours below tell so much about what it learned.`,
    shows: {},
  },
  // Chapter 7: the challenges' solutions were checked with the kit's own model (public/models/kit).
  {
    kind: 'prediction',
    id: 'same-parameters',
    chapter: '07-limits',
    cell: 'length',
    prompt:
      'The r-keras model’s LSTM layer reads rows of 80 ids, as word vectors of 128 numbers, with 64 units. Rebuilt for rows of 320 ids, how many parameters does that layer have?',
    label: 'Your prediction',
    answer: {
      kind: 'choice',
      options: [
        { value: 'quarter', label: 'A quarter as many' },
        { value: 'same', label: 'The same number' },
        { value: 'four', label: 'Four times as many' },
      ],
      correct: 'same',
    },
    explanation: `The same: 4u(d + u + 1) = 4 · 64 · (128 + 64 + 1) = ${(4 * 64 * (128 + 64 + 1)).toLocaleString('en-US')}, whatever the length, because every step uses the same weights. That is why the cell below can score your model at any maxlen.`,
    shows: {},
  },
  {
    kind: 'prediction',
    id: 'post-padding',
    chapter: '07-limits',
    cell: 'padding',
    prompt:
      'The model was trained on rows padded with zeros in front (‘pre’). Pad a short review with its zeros after it (‘post’) instead: does the model’s prediction for the review change?',
    label: 'Your prediction',
    answer: {
      kind: 'choice',
      options: [
        { value: 'same', label: 'No: the zeros stand for nothing' },
        { value: 'changes', label: 'Yes: the zeros change it' },
      ],
      correct: 'changes',
    },
    explanation:
      'Without masking, every zero is an input like a word: each one moves hₜ and Cₜ, so reading the zeros after the review changes the state the prediction comes from. How much depends on the review and the model; the cell below shows both paddings and the prediction with the zeros skipped.',
    shows: {},
  },
  {
    kind: 'challenge',
    id: 'post-positive',
    chapter: '07-limits',
    cell: 'padding',
    reads: 'model',
    title: 'A verdict that survives the zeros',
    task: 'Write a review that the model calls positive with ‘post’ padding as well as with ‘pre’ padding: p above 0.5 both ways.',
    hints: [
      'With ‘post’ padding the model reads the zeros after your review: the more zeros, the more of its verdict they wash out.',
      'Leave fewer zeros: a longer review fills more of the row. The box keeps 400 characters.',
    ],
    solution: {
      state: { text: LONG_PRAISE },
      why: 'With the kit’s model, after about 70 zeros every review ends at the same p = 0.390, whatever it said; seven sentences of praise, 63 words, leave 16 zeros, and the model still says 0.580 with ‘post’ padding (0.973 with ‘pre’).',
    },
  },
  {
    kind: 'challenge',
    id: 'zeros-flip',
    chapter: '07-limits',
    cell: 'padding',
    reads: 'model',
    title: 'Turned by zeros',
    task: 'Find a review that the zeros in front turn around: the model calls it positive with the zeros skipped (as mask_zero would read it) and negative with ‘pre’ padding, or the other way round.',
    hints: [
      'The zeros move the prediction by a few hundredths only: look for a review the model finds almost neutral.',
      'Try one or two plain words, such as the name of what is reviewed.',
    ],
    solution: {
      state: { text: 'the movie' },
      why: 'With the kit’s model, “the movie” gets p = 0.538 with the zeros skipped and 0.458 after the 77 zeros in front of it: reading the zeros moves a review’s prediction by a few hundredths, and one close to 0.5 changes side.',
    },
  },
  {
    kind: 'challenge',
    id: 'all-unknown',
    chapter: '07-limits',
    cell: 'languages',
    reads: 'model',
    title: 'Nothing it knows',
    task: 'Write a review of at least six words none of which the model knows: an out-of-vocabulary rate of 100 %. Then read what the model says about it.',
    hints: ['Words that English shares with other languages, such as “film”, are known: avoid them.'],
    solution: {
      state: { text: 'Eine wunderschöne Geschichte, herzlich erzählt, sehr empfehlenswert' },
      why: 'With the kit’s model all seven German words are out of its vocabulary, so it reads the start marker and seven times id 2: its answer says nothing about the review, only what the model makes of a row of unknown words.',
    },
  },
];

/** The exercises of one chapter, in reading order. */
export function exercisesOf(chapter: string): Exercise[] {
  return EXERCISES.filter((e) => e.chapter === chapter);
}

/** The exercise with this id; an unknown id fails the build with a clear message. */
export function exercise(id: string): Exercise {
  const e = EXERCISES.find((x) => x.id === id);
  if (!e) throw new Error(`No exercise "${id}" in src/exercises/list.ts`);
  return e;
}
