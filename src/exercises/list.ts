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
import { pathInLocale, type Locale } from '../i18n/locales';
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
  /** The Chinese edition's texts (numbers interpolated from the same constants). */
  zh: PredictionZh;
}

/** A prediction's texts in Chinese. */
export interface PredictionZh {
  prompt: string;
  label: string;
  explanation: string;
  /** For a choice: each option's words, in the order of `answer.options`. */
  options?: string[];
}

/** A challenge's texts in Chinese: as many hints as the English. */
export interface ChallengeZh {
  title: string;
  task: string;
  hints: string[];
  solution: { why: string };
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
  /** The Chinese edition's texts. */
  zh: ChallengeZh;
}

/** One exercise. */
export type Exercise = Prediction | Challenge;

/** The URL path of a chapter (its English content id) in an edition: `chapters/<id>/` or `zh/chapters/<id>/`. */
function chapterIn(chapter: string, locale: Locale): string {
  return pathInLocale(chapterPath(chapter), locale);
}

/** A link to a chapter, in the edition `locale`, with one widget set to `fields`, scrolled to that widget. */
export function widgetLink(
  base: string,
  chapter: string,
  cell: string,
  fields: WidgetFields,
  locale: Locale = 'en',
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields))
    params.set(`${cell}.${key}`, typeof value === 'boolean' ? (value ? '1' : '0') : String(value));
  return `${withBase(base, chapterIn(chapter, locale))}?${params.toString()}#cell-${cell}`;
}

/** A link to an exercise in its chapter, in the edition `locale`. */
export function exerciseLink(base: string, e: Exercise, locale: Locale = 'en'): string {
  return `${withBase(base, chapterIn(e.chapter, locale))}#ex-${e.id}`;
}

/** A prediction's words in one edition; `answer` carries the options' words of that edition. */
export interface PredictionText {
  kind: 'prediction';
  prompt: string;
  label: string;
  explanation: string;
  answer: Answer;
}

/** A challenge's words in one edition. */
export interface ChallengeText {
  kind: 'challenge';
  title: string;
  task: string;
  hints: string[];
  why: string;
}

/** What a reader of the edition `locale` reads of an exercise. */
export function exerciseText(e: Prediction, locale: Locale): PredictionText;
export function exerciseText(e: Challenge, locale: Locale): ChallengeText;
export function exerciseText(e: Exercise, locale: Locale): PredictionText | ChallengeText;
export function exerciseText(e: Exercise, locale: Locale): PredictionText | ChallengeText {
  if (e.kind === 'challenge') {
    const t = locale === 'zh' ? e.zh : e;
    return { kind: 'challenge', title: t.title, task: t.task, hints: t.hints, why: t.solution.why };
  }
  if (locale === 'en')
    return { kind: 'prediction', prompt: e.prompt, label: e.label, explanation: e.explanation, answer: e.answer };
  const answer: Answer =
    e.answer.kind === 'choice'
      ? {
          ...e.answer,
          options: e.answer.options.map((o, k) => ({ value: o.value, label: e.zh.options?.[k] ?? o.label })),
        }
      : e.answer;
  return { kind: 'prediction', prompt: e.zh.prompt, label: e.zh.label, explanation: e.zh.explanation, answer };
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
    zh: {
      title: '让“not”排第一',
      task: '输入一个句子，让词“not”得到索引 1。',
      hints: [
        '分词器按出现次数给句子里的词编号，出现最多的排在最前。',
        '次数相同时，先出现的词排在前面；让“not”比其他任何词出现得都多。',
      ],
      solution: { why: '“not”出现两次，其他词都只出现一次，所以它是最常见的词，得到索引 1。' },
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
    zh: {
      prompt: '在 z = 3 处，tanh 已经接近 1。它在这里还能传过多少梯度？猜一猜它的斜率 tanh′(3)，一个 0 到 1 之间的数。',
      label: '你对 tanh′(3) 的猜测',
      explanation: `tanh′(3) = 1 − tanh²(3) = ${fmt(tanhSlopeAt3, 4)}：饱和到这种程度的单元，只能传过到达它的梯度的大约 ${fmt(tanhSlopeAt3 * 100, 0)} %。把 z 移到 3 并显示斜率，就能看到这一点。`,
    },
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
    zh: {
      title: 'sigmoid 等于 0.9',
      task: '找到使 sigmoid 输出 0.9 的输入 z，误差不超过 0.003。',
      hints: [
        'σ(0) = 0.5，且 sigmoid 随 z 增大而增大：在 z = 2 和 z = 3 之间找。',
        'σ(z) = 0.9 意味着 e^(−z) = 1/9，所以 z = ln 9。',
      ],
      solution: {
        why: `ln 9 = ${fmt(Math.log(9))}，滑块上最近的一格是 2.2，此时 σ(2.2) = ${fmt(1 / (1 + Math.exp(-2.2)), 4)}。`,
      },
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
    zh: {
      title: '没有记忆的细胞',
      task: '输入一个句子，让其中某个词出现两次；再调整 W_h 的大小，使这个词两次出现时的隐状态 hₜ 相同（精确到小数点后三位）。',
      hints: [
        'hₜ 取决于当前的词，也通过 W_h hₜ₋₁ 取决于之前读过的一切。',
        '切断第二条路径：W_h 为零时，hₜ = tanh(W_x xₜ + b) 只取决于当前的词。',
      ],
      solution: {
        why: 'W_h = 0 时，细胞忽略上一个状态，所以“the”和“good”无论出现在哪里，都得到相同的 hₜ：这个细胞完全没有记忆。',
      },
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
    zh: {
      prompt:
        '设 ‖W_h‖ = 0.5，序列长 T = 40 步。到达第一步的梯度 ‖∂h_T/∂h_0‖ 大约是 10 的几次方？输入这个指数，例如 −3。',
      label: '你对 10 的指数的猜测',
      explanation: `它是 ${fmtSci(halfScaleReach)}。单是上界 0.5⁴⁰ = ${fmtSci(0.5 ** 40)} 就已经很小了，而每个小于 1 的 tanh′ 还会让它进一步缩小：开头的词在训练中毫无发言权。`,
    },
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
    zh: {
      title: '既不消失，也不爆炸',
      task: '把序列长度设为 T = 50，找一个 W_h 的大小，使到达第一步的梯度 ‖∂h_T/∂h_0‖ 落在 0.1 到 10 之间。',
      hints: [
        '‖W_h‖ = 1 时梯度仍会消失：每个 tanh′ 都小于 1。往大于 1 的地方找。',
        '大于 1 时，矩阵每一步都把梯度拉长，饱和的单元又把它缩短；在 2 附近找找。',
      ],
      solution: {
        why: `‖W_h‖ = 2.1 时梯度为 ${fmtSci(balanced)}：矩阵每一步对它的拉长，与饱和单元对它的缩短大致相当。把滑块往任一方向挪一格，看看这个窗口多么不稳定：这就是普通 RNN 难以在长文本上训练的原因。`,
      },
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
    zh: {
      prompt: `把遗忘门完全打开（f = 1），把输入门关上（i = 0）。如果旧的细胞状态是 Cₜ₋₁ = ${fmt(DEFAULT_CELL.cPrev, 1)}，新的细胞状态 Cₜ 是多少？`,
      label: '你对 Cₜ 的猜测',
      explanation: `Cₜ = f·Cₜ₋₁ + i·C̃ₜ = 1 · ${fmt(DEFAULT_CELL.cPrev, 1)} + 0 · C̃ₜ：记忆原样通过。把门固定在 σ(±8) 时，互动组件显示 Cₜ = ${fmt(keepStep.cNew)}。`,
    },
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
    zh: {
      prompt:
        '遗忘门 f = 0.9 看起来开得很大。如果它连续 50 步都保持 0.9，期间什么也不写入，记忆还剩多少？输入一个 0 到 1 之间的比例。',
      label: '你对剩余比例的猜测',
      explanation: `0.9⁵⁰ = ${fmt(ninetyFifty, 4)}：只剩大约百分之零点五。要长时间保留记忆，遗忘门必须更接近 1；互动组件里有一行专门给出当前门的 fₜ⁵⁰（50 步之后）。`,
    },
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
    zh: {
      title: '先遗忘，再写入',
      task: '在旧记忆 Cₜ₋₁ 不小于 1 的情况下，让细胞彻底忘掉它，同时写入一个负的新记忆：f 小于 0.05，i 大于 0.95，候选记忆 C̃ 小于 −0.5。',
      hints: [
        '门的权重都为 0 时，仅靠偏置就能把门关死（−8）或打开（+8）。',
        '候选记忆是 tanh(x₁ × 它的权重 + 其余各项)：给 x₁ = 1 配一个负权重，它就是负的。',
      ],
      solution: {
        why: `遗忘门关闭（f = ${fmt(overwriteStep.f.value)}），输入门打开（i = ${fmt(overwriteStep.i.value)}）；x₁ = 1 上的权重 −3 给出 C̃ = ${fmt(overwriteStep.c.value)}，所以 Cₜ = ${fmt(overwriteStep.cNew)}，丝毫没有保留 Cₜ₋₁ = 2。`,
      },
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
    zh: {
      title: '藏起来的记忆',
      task: '永久保留一个负的记忆，同时让 hₜ 完全不显露它：Cₜ₋₁ 不大于 −1，f 大于 0.99，i 小于 0.01，hₜ 在 −0.01 到 0.01 之间。',
      hints: ['要保留记忆，就得打开遗忘门、关上输入门。', 'hₜ = o · tanh(Cₜ)：要藏住一个很大的 Cₜ，就关上输出门。'],
      solution: {
        why: `遗忘门打开、输入门关闭，所以 Cₜ = ${fmt(keepHiddenStep.cNew)}，与 Cₜ₋₁ 相等；输出门关闭（o = ${fmt(keepHiddenStep.o.value, 4)}），所以 hₜ = ${fmt(keepHiddenStep.h, 4)}。这段记忆留在传送带上，等后面某一步打开输出门。`,
      },
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
    zh: {
      title: '响亮的输出',
      task: '让隐状态 hₜ 大于 0.95。',
      hints: [
        'hₜ = o · tanh(Cₜ)，两个因子都小于 1：两者都必须接近 1。',
        `tanh(Cₜ) > 0.95 要求 Cₜ 大于 ${fmt(Math.atanh(0.95), 2)}：保留一个大的旧记忆，再打开输出门。`,
      ],
      solution: {
        why: `保留 Cₜ₋₁ = 2（f = ${fmt(largestStep.f.value)}），再加上默认的输入，得到 Cₜ = ${fmt(largestStep.cNew)}，tanh(Cₜ) = ${fmt(largestStep.tanhC)}；打开的输出门（o = ${fmt(largestStep.o.value)}）让它通过：hₜ = ${fmt(largestStep.h)}。hₜ 永远到不了 1。`,
      },
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
    zh: {
      title: '门户大开',
      task: '对句子“the plot was thin but the acting was not bad at all”，找一个遗忘门偏置，使每个单元的每个遗忘门在每个词上都保持在 0.9 以上。',
      hints: [
        '在热图中显示遗忘门（f），盯住其中颜色最浅的格子。',
        '偏置会加到每个遗忘门的输入上：单看 σ(b_f) 本身，就必须远高于 0.9。',
      ],
      solution: {
        why: `b_f = ${fmt(openBias, 2)} 时，整个句子上最小的遗忘门是 ${fmt(smallestForgetGate(READER_SENTENCE, openBias) ?? Number.NaN)}；再低一格，它是 ${fmt(smallestForgetGate(READER_SENTENCE, openBias - 0.25) ?? Number.NaN)}。有些词会把门往下压，所以偏置必须比 σ(b_f) = 0.9 所提示的更高。`,
      },
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
    zh: {
      prompt:
        '在 N = 40 个干扰项、600 个训练步、遗忘门偏置为 3（互动组件的默认设置）的情况下，哪个网络能学会回忆起第一个符号？',
      label: '你的预测',
      options: ['两个网络都能', '只有 LSTM', '只有普通 RNN', '都不能'],
      explanation:
        'LSTM 能答对至少 99 % 的测试序列，普通 RNN 则停在 60 % 以下，接近抛硬币的 50 %：本教程的测试在每次改动后都会重放这次运行。点击“开始训练”，亲眼看看。',
    },
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
    zh: {
      prompt:
        'T = 100、遗忘门偏置取 Keras 的默认值 1 时，LSTM 细胞状态上到达 t = 0 的梯度大约是 10 的几次方？输入这个指数，例如 −3。',
      label: '你对 10 的指数的猜测',
      explanation: `它是 ${fmtSci(defaultReach.lstmC[0])}：比 RNN 的 ${fmtSci(defaultReach.rnnH[0])} 大得多，但仍然几乎为零。它的遗忘门平均为 ${fmt(defaultReach.meanForget)}，而 ${fmt(defaultReach.meanForget)}¹⁰⁰ 非常小；更高的偏置会把门打开。`,
    },
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
    zh: {
      title: '能传过去的最小偏置',
      task: '设 T = 100，找出能让 LSTM 细胞状态上到达 t = 0 的梯度大于 0.1 的最小遗忘门偏置。',
      hints: [
        '在默认偏置 1 下，它大约是 10⁻⁹：一格一格地调高偏置，并读图下方那一行。',
        '能传过去的偏置不止一个，而且并不连成一片：挑战要的是滑块上最低的那一个。',
      ],
      solution: {
        why: `b_f = ${fmt(smallestBias, 2)} 时，t = 0 处的细胞状态梯度是 ${fmtSci(lstmReach(100, smallestBias))}；在 ${fmt(smallestBias - 0.25, 2)} 时是 ${fmtSci(lstmReach(100, smallestBias - 0.25))}。更大的偏置让遗忘门保持在接近 1 的位置，传送带于是能把梯度送过全部 100 步；但更高的偏置并非都能做到（${biasDips.map((b) => fmt(b, 2)).join('、')} 就不行），所以沿途每一格都要试一试。`,
      },
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
    zh: {
      title: '能往回够到的 RNN',
      task: '设 T = 100，找一个 RNN 的 W_h 大小，使它到达 t = 0 的梯度落在 0.01 到 10 之间。',
      hints: ['小于 1 时梯度马上就消失了；这个窗口靠近滑块的顶端。'],
      solution: {
        why: `滑块的 ${scales.length} 个取值中只有 ${rnnWorks.length} 个可行（${rnnWorks.map((s) => fmt(s, 2)).join('、')}），全都处在爆炸的边缘；而 ${biases.length} 个遗忘门偏置中有 ${lstmWorks.length} 个能让 LSTM 落在同样的范围内。正是这种差别，让 LSTM 能在长文本上训练，而普通 RNN 不能。`,
      },
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
    zh: {
      prompt: '两个向量 a = (2, 1) 和 b = (1, 2)。猜一猜它们的余弦相似度，一个 −1 到 1 之间的数。',
      label: '你对余弦的猜测',
      explanation: `cos = (2·1 + 1·2) / (√5 · √5) = ${fmt(cosine([2, 1], [1, 2]))}：两个向量的夹角约为 ${fmt((Math.acos(cosine([2, 1], [1, 2])) * 180) / Math.PI, 0)}°。下面的互动组件一开始就是这两个向量。`,
    },
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
    zh: {
      prompt: '不改变方向，把 a 拉长到原来的两倍。a 和 b 的余弦会怎样？',
      label: '你的预测',
      options: ['变大', '不变', '变小'],
      explanation: '点积翻了一倍，用来除它的 a 的长度也翻了一倍：余弦只取决于夹角。所以它能比较任意长度的词向量。',
    },
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
    zh: {
      title: '互相垂直',
      task: '让余弦为 0（误差不超过 0.005），并且两个向量都不在坐标轴上：四个坐标都不能为 0。',
      hints: ['点积 aₓbₓ + a_yb_y 为 0 时，余弦为 0。', '交换 a 的两个坐标，再改变其中一个的符号。'],
      solution: { why: 'a · b = 2·(−1) + 1·2 = 0：两个向量互相垂直，无论长短，余弦都是 0。' },
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
    zh: {
      title: '方向相同，长短不同',
      task: '找两个余弦为 1（大于 0.9995）的向量，其中一个的长度至少是另一个的三倍。',
      hints: ['向量乘以一个正数，改变的是长度，而不是方向。'],
      solution: {
        why: 'b = 3a 与 a 方向相同，长度是它的三倍：余弦是 1，点积和长度则不是。词向量的长度对余弦毫无影响。',
      },
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
    zh: {
      title: '六十度',
      task: '让 a 和 b 的夹角为 60°：余弦为 0.5，误差不超过 0.01。',
      hints: ['cos 60° = 0.5。把 a 放在 x 轴上，余弦就等于 b 的 x 坐标除以 b 的长度。'],
      solution: {
        why: `a = (2, 0) 时，余弦为 bₓ/‖b‖ = 1/√(1 + 1.7²) = ${fmt(cosine([2, 0], [1, 1.7]))}；√3 ≈ 1.73 才能恰好得到 0.5，而 1.7 是滑块上最近的一格。`,
      },
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
    zh: {
      prompt:
        'R Keras 那篇文章把 LSTM 与一个随机森林作比较：1,000 棵树，拟合的是同样的 80 个填充后的 id，每个位置是一个特征。在测试影评上，抛硬币能猜对 50 %，随机森林表现如何？',
      label: '你的预测',
      options: [
        '比抛硬币好不了多少（50 % 到 60 %）',
        '介于抛硬币和 LSTM 之间（60 % 到 80 %）',
        '和 LSTM 差不多（80 % 到 85 %）',
        '比 LSTM 更好（85 % 以上）',
      ],
      explanation:
        'id 只是频率排名，不代表词义；而且某个位置上是哪个词，取决于影评有多长：决策树几乎找不到可以用来划分的依据。下面一段给出了这里实测的准确率，再往下的单元格会在你的浏览器里拟合这个随机森林。',
    },
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
    zh: {
      prompt:
        '词袋忽略词的顺序：逻辑回归只看一条影评包含哪些词、各出现几次。与按顺序读词的 LSTM 相比，它在测试影评上表现如何？',
      label: '你的预测',
      options: ['LSTM 明显更准', '差不多', '词袋明显更准'],
      explanation:
        '词袋领先好几个百分点：一条影评的情感主要体现在它用了哪些词上，词袋把这些词全读了，而 LSTM 只读每条影评的最后 80 个 id。本章的要点部分给出了这里实测的两个准确率。',
    },
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
    zh: {
      title: '三个词，毫无疑问',
      task: '找一条最多三个词的影评，让模型以大于 0.99 的 p 判为正面。',
      hints: [
        '单个赞美的词能让模型给出 0.9 左右；影评作者在文字之外写下的某样东西效果更好。',
        '很多影评作者会在结尾写上自己的十分制评分。',
      ],
      solution: {
        why: '用本教程的模型，“7/10”（即词“7”和“10”）得到 p = 0.994，比任何赞美的词都高：IMDB 把 7 分及以上算作正面，而在正文里写“7/10”的人，给这部电影打的正是这个分。模型学到的是评分，而不是观点。',
      },
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
    zh: {
      title: '读者说：还不赖',
      task: '写一条最多六个词的影评，其中“not”把一句批评变成了称赞，而模型仍然判它为负面（p 小于 0.5）。',
      hints: ['把“not”放在影评作者用来形容自己不喜欢的电影的词前面。'],
      solution: {
        why: '用本教程的模型，“not bad”得到 p = 0.105：词“bad”的分量远远超过它前面的“not”。模型学到的是哪些词与哪些评分相伴，而不是“not”如何改变它们。',
      },
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
    zh: {
      title: '它从未读到的称赞',
      task: '写一条以“Excellent”开头的影评，让截断把这个词切掉、模型根本读不到它，并且模型判它为负面（p 小于 0.5）。',
      hints: [
        '采用 ‘pre’ 截断时，模型保留影评的最后 maxlen 个 id，切掉开头。',
        '在“Excellent”后面接上足够多的批评，填满整行：大约 80 个词。',
      ],
      solution: {
        why: `这条影评有 ${CUT_PRAISE_WORDS} 个词，而本教程的模型只读最后 ${rKeras.maxlen} 个（‘pre’ 截断连开头标记也一并切掉），所以“Excellent”被切掉，模型只读到批评：p = 0.010。先下结论、再长篇解释的评语，结论在这个模型这里就丢了。`,
      },
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
    zh: {
      prompt: `本教程的模型（r-keras）把每条影评读成一行 ${rKeras.maxlen} 个 id：一个开头标记，接着是词，前面补上填充的 0。对一条 10 个词的影评，${rKeras.maxlen} 个时间步中有多少步读的是填充？`,
      label: '你对填充步数的猜测',
      explanation: `${rKeras.maxlen} − 1 − 10 = ${tenWordPadding}：对一条短影评，LSTM 读到的大部分是 0，排在开头标记和词的前面。勾选“显示填充步”，看看它们对预测有什么影响。`,
    },
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
    zh: {
      title: '骗不过它？',
      task: '写一条最多六个词的影评，其中“not”把一个赞美的词变成批评，而模型仍然判它为正面（p 大于 0.5）。',
      hints: ['从你能想到的最强烈的赞美词出发，在它前面加上“not”。', '观察图表：赞美的词排在最后，离输出最近。'],
      solution: {
        why: '用本教程的模型，“not excellent”得到 p = 0.798：词“excellent”把预测抬高的幅度，远大于“not”把它压低的幅度。逐词阅读的模型只能从样本中学会否定，而这个小模型基本上没有学会。',
      },
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
    zh: {
      title: '一个赞美的词',
      task: '找一条只有一个词的影评，让模型以大于 0.85 的 p 判为正面。',
      hints: ['影评作者用来形容自己打分最高的电影的那些词，分量最重。'],
      solution: {
        why: '用本教程的模型，单单一个“excellent”就得到 p = 0.885：开头标记之后，LSTM 只走了一步，其余全靠这个词的嵌入。',
      },
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
    zh: {
      title: '最后一个词说了算',
      task: '写一条至少八个词的影评，让模型在读到最后一个词之前判它为负面、读完之后判为正面：最后一个词之前 p 小于 0.5，之后大于 0.5。',
      hints: ['先抱怨，再称赞：“but”是个很好的转折点。', '最后几个词离输出最近，所以分量最重。'],
      solution: {
        why: '用本教程的模型，读到“superb”之前预测为 0.231，之后为 0.521：结尾的一个词就压过了前面所有的抱怨。在前面填充的行，会把最后几个词放在离输出最近的位置。',
      },
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
    zh: {
      prompt: `r-keras 模型共有 ${rKerasTotal.toLocaleString('en-US')} 个参数。其中有多大比例在它的 Embedding 表里？这张表为 ${(rKerasSummary[0].params / rKeras.embedding).toLocaleString('en-US')} 个词各存一个 ${rKeras.embedding} 维的向量。输入一个百分数。`,
      label: '你的猜测（百分比）',
      explanation: `${fmt(embeddingShare, 1)} %：表中有 ${rKerasSummary[0].params.toLocaleString('en-US')} 个数，而 LSTM 和输出层加起来只有 ${(rKerasTotal - rKerasSummary[0].params).toLocaleString('en-US')} 个。它几乎所有的参数都在描述每个词的位置，所以下面的近邻能透露它学到的很多东西。`,
    },
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
    zh: {
      prompt:
        'r-keras 模型的 LSTM 层读取 80 个 id 的行，词向量有 128 维，共 64 个单元。如果重建它去读 320 个 id 的行，这一层有多少参数？',
      label: '你的预测',
      options: ['只有原来的四分之一', '数量相同', '原来的四倍'],
      explanation: `一样多：4u(d + u + 1) = 4 · 64 · (128 + 64 + 1) = ${(4 * 64 * (128 + 64 + 1)).toLocaleString('en-US')}，与长度无关，因为每个时间步用的都是同一组权重。正因如此，下面的单元格能在任意 maxlen 下给你的模型打分。`,
    },
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
    zh: {
      prompt: '模型训练时用的行，是在前面补 0（‘pre’）。如果给一条短影评在后面补 0（‘post’），模型对它的预测会变吗？',
      label: '你的预测',
      options: ['不会：这些 0 什么也不代表', '会：这些 0 会改变它'],
      explanation:
        '没有掩码时，每个 0 都和词一样是一个输入：每个 0 都会改变 hₜ 和 Cₜ，所以在影评之后读这些 0，会改变预测所依据的状态。变化多大，取决于影评和模型；下面的单元格同时展示两种填充，以及跳过这些 0 时的预测。',
    },
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
    zh: {
      title: '经得起 0 的结论',
      task: '写一条影评，让模型无论采用 ‘post’ 填充还是 ‘pre’ 填充都判为正面：两种方式下 p 都大于 0.5。',
      hints: [
        '采用 ‘post’ 填充时，模型在你的影评之后读这些 0：0 越多，它的结论就被冲淡得越厉害。',
        '少留一些 0：影评越长，占满这一行的部分就越多。输入框最多保留 400 个字符。',
      ],
      solution: {
        why: '用本教程的模型，读过大约 70 个 0 之后，每条影评最后都停在同一个 p = 0.390，不管它说了什么；七句称赞、63 个词，只留下 16 个 0，采用 ‘post’ 填充时模型仍给出 0.580（采用 ‘pre’ 填充时是 0.973）。',
      },
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
    zh: {
      title: '被 0 扭转',
      task: '找一条会被前面的 0 扭转的影评：跳过这些 0 时（就像 mask_zero 那样读取）模型判它为正面，采用 ‘pre’ 填充时判为负面，或者反过来。',
      hints: [
        '这些 0 只会让预测移动百分之几：找一条模型认为几乎中性的影评。',
        '试试一两个普通的词，比如被评论对象的名称。',
      ],
      solution: {
        why: '用本教程的模型，“the movie”在跳过 0 时得到 p = 0.538，在前面读过 77 个 0 之后得到 0.458：读这些 0 会让一条影评的预测移动百分之几，而接近 0.5 的影评就会因此换边。',
      },
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
    zh: {
      title: '一个认识的词都没有',
      task: '写一条至少六个词的影评，其中没有一个词是模型认识的：词汇表外比例达到 100 %。然后看看模型对它怎么说。',
      hints: ['英语与其他语言共用的词（比如“film”）模型是认识的：避开它们。'],
      solution: {
        why: '用本教程的模型，这七个德语词全都在词汇表之外，所以它读到的是开头标记和七次 id 2：它的回答与这条影评无关，只反映模型如何看待一行未知词。',
      },
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
