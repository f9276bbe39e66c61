/** The words of <kit-limits-languages> (./limits-languages.ts), in each edition. Numbers come in already formatted. */
import { words } from '../../i18n/words';

/** The languages of the examples, by code. */
export type ExampleLanguage = 'en' | 'fr' | 'de' | 'es' | 'zh';

export const LIMITS_LANGUAGES_WORDS = words(
  {
    language: { en: 'English', fr: 'French', de: 'German', es: 'Spanish', zh: 'Chinese' } as Record<
      ExampleLanguage,
      string
    >,
    positive: 'positive',
    negative: 'negative',
    example: (language: string, sentiment: string) => `${language}, ${sentiment}`,
    ownText: 'your own text',
    exampleLabel: 'Example',
    reviewLabel: 'Review (edit it, or write your own)',
    englishOnly:
      'This model reads English only: its vocabulary is the words of the English IMDB training reviews, so a word in any other language is out of its vocabulary. ' +
      'A Chinese review fares worst: the tokenizer splits on spaces and ASCII punctuation, and Chinese puts no spaces between words, ' +
      'so everything between two of them, often the whole review, becomes one long “word” that the model has never seen. ' +
      'Choose “Chinese” in the examples to see it.',
    tableRegion: 'Out-of-vocabulary rates of the examples',
    predictionFailed: (message: string) => `The prediction failed: ${message}`,
    unknownTitle: 'not in the training vocabulary',
    rareTitle: 'beyond the vocabulary cut-off',
    idTitle: (id: string) => `id ${id}`,
    moreWords: (n: string) => `and ${n} more words`,
    noWords: 'No words: the tokenizer found nothing to read in this text.',
    lostImdb: 'become id 2',
    lostTokenizer: 'are dropped',
    rate: (p: { count: string; one: boolean; oov: string; lost: string; rate: string; p: string; positive: boolean }) =>
      `${p.count} word${p.one ? '' : 's'}, ${p.oov} of them out of the model’s vocabulary ` +
      `(they ${p.lost}): an out-of-vocabulary rate of ${p.rate}. ` +
      `P(positive) = ${p.p}, read as ${p.positive ? 'positive' : 'negative'}.`,
    caption: 'The examples, and the text above, as the model sees them',
    head: ['review', 'words', 'OOV', 'OOV rate', 'P(positive)'] as readonly string[],
    yourText: 'your text',
  },
  {
    language: { en: '英语', fr: '法语', de: '德语', es: '西班牙语', zh: '中文' },
    positive: '正面',
    negative: '负面',
    example: (language, sentiment) => `${language}，${sentiment}`,
    ownText: '你自己的文字',
    exampleLabel: '示例',
    reviewLabel: '影评（可以修改，也可以自己写）',
    englishOnly:
      '这个模型只读得懂英语：它的词汇表来自 IMDB 的英文训练影评，其他语言的词都在词汇表外。' +
      '中文影评的情况最糟：分词器只按空格和英文标点切分，而中文的词与词之间没有空格，' +
      '于是两个分隔符之间的整段文字（往往就是整条影评）都成了一个很长的“词”，模型从没见过它。在示例中选择“中文”即可看到。',
    tableRegion: '各示例的词汇表外（OOV）比例',
    predictionFailed: (message) => `预测失败：${message}`,
    unknownTitle: '不在训练词汇表中',
    rareTitle: '超出了词汇表的截断范围',
    idTitle: (id) => `id ${id}`,
    moreWords: (n) => `还有 ${n} 个词`,
    noWords: '没有词：分词器在这段文字里找不到可读的内容。',
    lostImdb: '都变成了 id 2',
    lostTokenizer: '被直接丢弃',
    rate: (p) =>
      `共 ${p.count} 个词，其中 ${p.oov} 个在模型的词汇表外（${p.lost}），词汇表外比例为 ${p.rate}。` +
      `P(positive) = ${p.p}，判为${p.positive ? '正面' : '负面'}。`,
    caption: '各示例以及上面的文字在模型眼中的样子',
    head: ['影评', '词数', '词汇表外', '词汇表外比例', '正面概率'],
    yourText: '你的文字',
  },
);
