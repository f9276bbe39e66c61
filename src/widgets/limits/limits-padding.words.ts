/** The words of <kit-limits-padding> (./limits-padding.ts), in each edition. Numbers come in already formatted. */
import { words } from '../../i18n/words';

export const LIMITS_PADDING_WORDS = words(
  {
    names: { pre: "'pre' padding (zeros first)", post: "'post' padding (zeros last)" },
    tableRegion: 'The padded rows and the answers',
    reviewLabel: 'A short review',
    failed: (message: string) => `The padding study failed: ${message}`,
    noneKnown:
      'None of these words is in the model’s vocabulary, so its row is nothing but zeros. Write a review in English.',
    nothingToPad: (ids: string, maxlen: string, pre: string) =>
      `This review gives ${ids} ids, at least maxlen ${maxlen}: there is nothing to pad ` +
      `(P(positive) = ${pre}). Write a shorter review to see what the zeros do.`,
    padded: (p: { kept: string; zeros: string; zerosOnly: string; pre: string; masked: string; post: string }) =>
      `The review gives ${p.kept} ids, so each row gets ${p.zeros} zeros. With 'pre' padding the ` +
      `model reads the zeros first: after them alone it says P(positive) = ${p.zerosOnly}, and after the ` +
      `review ${p.pre}. With 'post' padding it says ${p.masked} after the last word, and the ` +
      `${p.zeros} zeros that follow move that to ${p.post}. Skipping the zeros (mask_zero) would give ` +
      `${p.masked} with either padding.`,
    rowPre: "'pre' (as trained)",
    rowPost: "'post'",
    rowMasked: 'zeros skipped',
    caption: (maxlen: string) =>
      `The rows the model reads (maxlen ${maxlen}) and its answers; "zeros skipped" is what mask_zero would give`,
    head: ['padding', 'row', 'P(positive)'] as readonly string[],
    xLabel: 'step: position in the row →',
    yLabel: '↑ P(positive) after this step',
    plotLabel: "The model's prediction after every step, with 'pre' and with 'post' padding",
    plotDescription: (sentence: string) =>
      `${sentence} Dots mark the steps that read a word; the other steps read a padding zero.`,
  },
  {
    names: { pre: "'pre' 填充（零在前）", post: "'post' 填充（零在后）" },
    tableRegion: '填充后的行与模型的回答',
    reviewLabel: '一条简短的影评',
    failed: (message) => `填充实验失败：${message}`,
    noneKnown: '这些词没有一个在模型的词汇表里，所以这一行全是零。请用英语写一条影评。',
    nothingToPad: (ids, maxlen, pre) =>
      `这条影评编码后有 ${ids} 个 id，不少于 maxlen ${maxlen}，无需填充（P(positive) = ${pre}）。` +
      `写一条短一些的影评，看看这些零有什么影响。`,
    padded: (p) =>
      `这条影评编码后有 ${p.kept} 个 id，所以每一行要补 ${p.zeros} 个零。用 'pre' 填充时，模型先读到这些零：` +
      `只读完零时它给出 P(positive) = ${p.zerosOnly}，读完影评后是 ${p.pre}。用 'post' 填充时，` +
      `读完最后一个词它给出 ${p.masked}，随后的 ${p.zeros} 个零把它变成了 ${p.post}。` +
      `如果跳过这些零（mask_zero），两种填充都会得到 ${p.masked}。`,
    rowPre: "'pre'（训练时的方式）",
    rowPost: "'post' 填充",
    rowMasked: '跳过零',
    caption: (maxlen) => `模型读到的各行（maxlen ${maxlen}）及其回答；“跳过零”就是 mask_zero 会给出的结果`,
    head: ['填充方式', '行', '正面概率'],
    xLabel: '时间步：在行中的位置 →',
    yLabel: '↑ 这一步之后的 P(positive)',
    plotLabel: "模型在每个时间步之后的预测，分别用 'pre' 和 'post' 填充",
    plotDescription: (sentence) => `${sentence} 圆点标出读到词的时间步，其余时间步读到的是填充的零。`,
  },
);
