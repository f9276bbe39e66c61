/** The words of <kit-word-pairs> (./word-pairs.ts), in each edition. Numbers come in already formatted. */
import { words } from '../../i18n/words';

/** `name` with a space on each side that meets a Chinese character with a Latin letter or a digit. */
const spaced = (name: string) =>
  `${/^[\x21-\x7e]/.test(name) ? ' ' : ''}${name}${/[\x21-\x7e]$/.test(name) ? ' ' : ''}`;

export const WORD_PAIRS_WORDS = words(
  {
    pairsLabel: 'Word pairs, separated by commas',
    trainFirst: 'Train word vectors in the cell above: the cosines appear here after every epoch.',
    writePairs: 'Write pairs of two words, such as "good bad, film movie".',
    xLabel: 'cosine similarity →',
    notInCorpus: (missing: string) => `not in the corpus: ${missing}`,
    plotLabel: 'Cosine similarity of word pairs',
    pairSimilarity: (a: string, b: string, cos: string) => `${a} and ${b}: ${cos}`,
    pairSeparator: '; ',
    noPair: 'No pair is in the corpus.',
    fromVectors: (epoch: string, corpus: string, words: string, dim: string) =>
      `From the vectors after epoch ${epoch}, trained on ${corpus} (${words} words, d = ${dim}).`,
    head: ['pair', 'cos'] as readonly string[],
    missingCell: (missing: string) => `– (${missing} not in the corpus)`,
  },
  {
    pairsLabel: '词对，用逗号分隔',
    trainFirst: '请先在上面的单元里训练词向量：每训练完一轮，这里就会显示余弦值。',
    writePairs: '请写几对词，每对两个词，例如 "good bad, film movie"。',
    xLabel: '余弦相似度 →',
    notInCorpus: (missing) => `不在语料中：${missing}`,
    plotLabel: '词对的余弦相似度',
    pairSimilarity: (a, b, cos) => `${a} 与 ${b}：${cos}`,
    pairSeparator: '；',
    noPair: '没有一对词都在语料中。',
    fromVectors: (epoch, corpus, words, dim) =>
      `使用第 ${epoch} 轮训练后的向量，训练语料为${spaced(corpus)}（${words} 个词，d = ${dim}）。`,
    head: ['词对', '余弦 cos'],
    missingCell: (missing) => `–（${missing} 不在语料中）`,
  },
);
