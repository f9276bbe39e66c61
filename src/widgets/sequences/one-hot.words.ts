/** The words of <kit-one-hot> (./one-hot.ts), in each edition. Numbers come in already formatted. */
import { words } from '../../i18n/words';

export const ONE_HOT_WORDS = words(
  {
    sentence: 'Sentence',
    realVocabulary: 'A real vocabulary of',
    wordsUnit: 'words',
    vocabularyHint: (current: string) =>
      `Type a whole number from 1 to 1,000,000: the vocabulary stays ${current} words until then.`,
    tokensLabel: 'Words and their indices',
    empty: 'Type a sentence to see it encoded.',
    xLabel: 'vocabulary index and word',
    yLabel: 'position in the sentence',
    plotLabel: 'One-hot matrix of the sentence',
    plotDescription: (words: number, vocabulary: number) =>
      `${words} words over a vocabulary of ${vocabulary}: each row has a single 1, in the column of its word.`,
    cut: (rows: number, columns: number) => ` (the matrix shows the first ${rows} rows and ${columns} columns)`,
    summary: (p: {
      words: string;
      distinct: string;
      integers: string;
      oneHot: string;
      ones: string;
      cut: string;
      vocabulary: string;
      withVocabulary: string;
    }) =>
      `${p.words} words, ${p.distinct} distinct. Integer encoding: ${p.integers} numbers. ` +
      `One-hot with this sentence's vocabulary: ${p.words} × ${p.distinct} = ${p.oneHot} numbers, only ${p.ones} of them 1${p.cut}. ` +
      `With a vocabulary of ${p.vocabulary} words: ${p.withVocabulary} numbers.`,
  },
  {
    sentence: '句子',
    realVocabulary: '真实词汇表的大小：',
    wordsUnit: '个词',
    vocabularyHint: (current) => `请输入 1 到 1,000,000 之间的整数；在此之前，词汇表仍为 ${current} 个词。`,
    tokensLabel: '词及其索引',
    empty: '输入一个句子，看看它如何被编码。',
    xLabel: '词汇表索引与词',
    yLabel: '在句子中的位置',
    plotLabel: '句子的独热矩阵',
    plotDescription: (words, vocabulary) =>
      `${words} 个词，词汇表大小为 ${vocabulary}：每一行只有一个 1，位于该词所在的列。`,
    cut: (rows, columns) => `（矩阵只显示前 ${rows} 行、前 ${columns} 列）`,
    summary: (p) =>
      `共 ${p.words} 个词，其中 ${p.distinct} 个互不相同。整数编码：${p.integers} 个数。` +
      `用这个句子自己的词汇表做独热编码：${p.words} × ${p.distinct} = ${p.oneHot} 个数，其中只有 ${p.ones} 个是 1${p.cut}。` +
      `换成 ${p.vocabulary} 个词的词汇表：${p.withVocabulary} 个数。`,
  },
);
