/** The words of <kit-sentiment-review> (./sentiment-review.ts), in each edition. Numbers come in already formatted. */
import { words } from '../../i18n/words';

export const SENTIMENT_REVIEW_WORDS = words(
  {
    yourReview: 'Your review',
    englishOnly:
      'The model reads English only: it learnt its words from English IMDB reviews, so write your review in English.',
    cjk: (words: string) =>
      `Your review has Chinese (CJK) characters. The model knows no Chinese: every word with them ` +
      `(${words} here) is out of its vocabulary, so it tells the model nothing.`,
    meterLabel: 'Probability that the review is positive',
    seenHeading: 'The words as the model sees them',
    rowHeading: 'The padded row it reads',
    loading: 'Loading the trained model…',
    loadFailed: (message: string) => `The trained model could not be loaded: ${message}`,
    noModel: 'No model is trained yet: train one above (or load model files there), then type here.',
    noWords: 'Type a review: there are no words to judge yet.',
    valueText: (p: string) => `${p} positive`,
    verdict: (positive: boolean, p: string, label: string) =>
      `${positive ? 'Positive' : 'Negative'}: the model's probability that it is positive is ${p} (${label}).`,
    note: (words: string, unknown: string, share: string) =>
      `${words} words; ${unknown} out of the model's vocabulary (${share})`,
    noteCut: (cut: string, maxlen: string) =>
      `; the first ${cut} are cut, since the model reads the last ${maxlen} ids.`,
    noteEnd: '.',
    linkCut: (chars: string) => ` The link to this cell keeps only the first ${chars} characters.`,
    earlier: (n: string) => `… ${n} earlier words …`,
    oov: 'out of the vocabulary: id 2',
    dropped: 'not in the vocabulary: dropped',
    cut: 'cut by truncation',
    id: (id: string) => `id ${id}`,
    markerCut: ' (the start marker 1 was cut)',
  },
  {
    yourReview: '你的影评',
    englishOnly: '模型只读得懂英文：它的词都学自英文的 IMDB 影评，所以请用英文写影评。',
    cjk: (words) =>
      `你的影评里有中文（CJK）字符。模型不认识中文：含有这些字符的词（这里共 ${words} 个）都在词汇表外，对模型来说不带任何信息。`,
    meterLabel: '影评为正面的概率',
    seenHeading: '模型眼中的词',
    rowHeading: '模型读入的填充后序列',
    loading: '正在加载训练好的模型…',
    loadFailed: (message) => `无法加载训练好的模型：${message}`,
    noModel: '还没有训练好的模型：请先在上方训练一个（或在那里加载模型文件），再回到这里输入。',
    noWords: '请输入影评：现在还没有可供判断的词。',
    valueText: (p) => `正面概率 ${p}`,
    verdict: (positive, p, label) => `${positive ? '正面' : '负面'}：模型判断这条影评为正面的概率是 ${p}（${label}）。`,
    note: (words, unknown, share) => `共 ${words} 个词；其中 ${unknown} 个在模型的词汇表外（${share}）`,
    noteCut: (cut, maxlen) => `；前 ${cut} 个词被截断，因为模型只读最后 ${maxlen} 个 id。`,
    noteEnd: '。',
    linkCut: (chars) => `这个组件的链接只保留前 ${chars} 个字符。`,
    earlier: (n) => `……前面还有 ${n} 个词……`,
    oov: '词汇表外：id 2',
    dropped: '不在词汇表中：已丢弃',
    cut: '被截断',
    id: (id) => `id ${id}`,
    markerCut: '（起始标记 1 已被截断）',
  },
);

/** Chinese, Japanese and Korean characters (Han, kana, Hangul, and their full-width punctuation). */
const CJK = /[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/;

/** Whether a word or a text has a CJK character in it. */
export function hasCjk(text: string): boolean {
  return CJK.test(text);
}
