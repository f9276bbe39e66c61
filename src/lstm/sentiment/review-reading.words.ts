/**
 * The words of chapter 6's review reading (./review-reading.ts), in each edition. The functions
 * there take a locale, English by default; numbers come in already formatted.
 */
import { words } from '../../i18n/words.ts';

const s = (n: number) => (n === 1 ? '' : 's');

export const REVIEW_READING_WORDS = words(
  {
    paddingSteps: (n: number, shown: string) => `${shown} padding step${s(n)}`,
    startMarker: 'the start marker',
    wordsRead: (n: number, shown: string, oov: string | null) =>
      `${shown} word${s(n)}${oov === null ? '' : ` (${oov} of them out of the vocabulary, read as <oov>)`}`,
    listComma: ', ',
    reads: (steps: string, parts: string) => `The model reads ${steps} steps: ${parts}.`,
    dropped: (n: number, shown: string) =>
      `${shown} word${n === 1 ? ' is' : 's are'} not in the vocabulary and dropped, as in training.`,
    cut: (n: number, shown: string, steps: string) =>
      `The first ${shown} word${n === 1 ? ' was' : 's were'} cut: only the last ${steps} ids are read.`,
    paddingTick: 'padding',
    beforeFirst: (p: string) => `Before the first step p = ${p}`,
    afterPadding: (steps: string, p: string) => `After ${steps} padding steps p = ${p}`,
    afterLast: (p: string) => `; after the last step p = ${p}. `,
    stepTitle: (step: string, word: string, oov: boolean, from: string, to: string) =>
      `Step ${step}, “${word}”${oov ? ' (out of the vocabulary, read as <oov>)' : ''}: p went from ${from} to ${to}.`,
    paddingMoved: (from: string, to: string) => `The padding moved p from ${from} to ${to}.`,
    cutSmall: 'cut',
    droppedSmall: 'dropped',
    startCut: 'The start marker was cut by truncation.',
    droppedTitle: (word: string) => `“${word}” is not in the vocabulary: dropped, as in training.`,
    cutTitle: (word: string, steps: string) => `“${word}” comes before the last ${steps} ids: cut.`,
    none: 'none',
    raised: (list: string) => `Raised the prediction most: ${list}.`,
    lowered: (list: string) => `Lowered it most: ${list}.`,
    predictFailed: (error: string) => `model.predict failed: ${error}`,
    asking: 'Asking tfjs…',
    agree:
      "The two agree to better than 10⁻⁴: the kit's cell computes what the trained model computes (tfjs in float32, the kit in float64).",
    differ: 'The two differ by more than 10⁻⁴: something is wrong, please report it.',
    testReview: (index: string, count: string, rating: string, positive: boolean) =>
      `Test review ${index} of ${count}: its author rated it ${rating} out of 10, so it is labelled ${positive ? 'positive' : 'negative'}.`,
    long: ' It is long: only its end is shown, which holds everything the model reads.',
  },
  {
    paddingSteps: (_n, shown) => `${shown} 个填充步`,
    startMarker: '起始标记',
    wordsRead: (_n, shown, oov) => `${shown} 个词${oov === null ? '' : `（其中 ${oov} 个在词汇表外，按 <oov> 读入）`}`,
    listComma: '、',
    reads: (steps, parts) => `模型共读 ${steps} 个时间步：${parts}。`,
    dropped: (_n, shown) => `有 ${shown} 个词不在词汇表中，和训练时一样被丢弃。`,
    cut: (_n, shown, steps) => `前 ${shown} 个词被截断：模型只读最后 ${steps} 个 id。`,
    paddingTick: '填充',
    beforeFirst: (p) => `第一个时间步之前 p = ${p}`,
    afterPadding: (steps, p) => `${steps} 个填充步之后 p = ${p}`,
    afterLast: (p) => `；最后一个时间步之后 p = ${p}。`,
    stepTitle: (step, word, oov, from, to) =>
      `时间步 ${step}，“${word}”${oov ? '（在词汇表外，按 <oov> 读入）' : ''}：p 从 ${from} 变为 ${to}。`,
    paddingMoved: (from, to) => `填充把 p 从 ${from} 变为 ${to}。`,
    cutSmall: '被截断',
    droppedSmall: '被丢弃',
    startCut: '起始标记被截断了。',
    droppedTitle: (word) => `“${word}”不在词汇表中：和训练时一样被丢弃。`,
    cutTitle: (word, steps) => `“${word}”在最后 ${steps} 个 id 之前：被截断。`,
    none: '无',
    raised: (list) => `最能提高预测值的词：${list}。`,
    lowered: (list) => `最能降低预测值的词：${list}。`,
    predictFailed: (error) => `model.predict 出错：${error}`,
    asking: '正在询问 tfjs…',
    agree: '两者相差小于 10⁻⁴：本套件的细胞计算的正是训练好的模型所计算的（tfjs 用 float32，本套件用 float64）。',
    differ: '两者相差超过 10⁻⁴：出了问题，请报告给我们。',
    testReview: (index, count, rating, positive) =>
      `测试集第 ${index} 条影评（共 ${count} 条）：作者打了 ${rating} 分（满分 10 分），所以标为${positive ? '正面' : '负面'}。`,
    long: '这条影评很长：这里只显示它的结尾，模型读入的内容全在其中。',
  },
);
