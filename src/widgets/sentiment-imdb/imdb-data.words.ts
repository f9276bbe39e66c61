/** The words of <kit-imdb-data> (./imdb-data.ts), in each edition. Numbers come in already formatted. */
import { words } from '../../i18n/words';

export const IMDB_DATA_WORDS = words(
  {
    engine: 'the data code of npm run data, in your browser',
    splitsCaption: (source: string) => `What ${source} holds, after tokenizing`,
    splitsHead: ['train', 'test'],
    reviews: 'reviews',
    negative: 'negative (rated 1–4)',
    positive: 'positive (rated 7–10)',
    tokens: 'words (tokens)',
    longest: 'longest review, in words',
    duplicates: 'texts that repeat an earlier one of the split',
    alsoInTrain: 'texts also in the training split',
    unknown: 'words missing from the training vocabulary',
    cutReviews: (size: string) => `reviews longer than ${size}, cut to it`,
    indexCaption: 'The first ids of each layout (word counts in the training reviews)',
    coverage: (p: { distinct: string; numWords: string; kept: string; share: string; unknown: string }) =>
      `The training reviews use ${p.distinct} distinct words. ` +
      `With num_words = ${p.numWords}, r-keras keeps ids below ${p.numWords}: ` +
      `the ${p.kept} most frequent words, which make up ${p.share} of the training words; ` +
      `every other word becomes 2. py-keras keeps all ${p.distinct} words and drops the ` +
      `${p.unknown} test words that never occur in training.`,
  },
  {
    engine: 'npm run data 的数据处理代码，在你的浏览器里运行',
    splitsCaption: (source) => `${source} 分词后的内容`,
    splitsHead: ['训练集', '测试集'],
    reviews: '影评数',
    negative: '负面（评分 1–4）',
    positive: '正面（评分 7–10）',
    tokens: '词数（词元）',
    longest: '最长影评的词数',
    duplicates: '与本集中前面某条完全重复的影评',
    alsoInTrain: '同时出现在训练集中的影评',
    unknown: '训练集词汇表中没有的词',
    cutReviews: (size) => `超过 ${size} 而被截短的影评`,
    indexCaption: '两种索引方式的前几个 id（括号内是该词在训练影评中的出现次数）',
    coverage: (p) =>
      `训练影评中共有 ${p.distinct} 个不同的词。` +
      `设 num_words = ${p.numWords} 时，r-keras 只保留小于 ${p.numWords} 的 id，` +
      `即最常见的 ${p.kept} 个词，它们占训练集词数的 ${p.share}；其余的词都变成 2。` +
      `py-keras 保留全部 ${p.distinct} 个词，并丢弃测试集中 ${p.unknown} 个从未在训练集中出现的词。`,
  },
);
