/** The words of <kit-embedding-compare> (./embedding-compare.ts), in each edition. Numbers come in already formatted. */
import { words } from '../../i18n/words';

/** `name` with a space on each side that meets a Chinese character with a Latin letter or a digit. */
const spaced = (name: string) =>
  `${/^[\x21-\x7e]/.test(name) ? ' ' : ''}${name}${/[\x21-\x7e]$/.test(name) ? ' ' : ''}`;

export const EMBEDDING_COMPARE_WORDS = words(
  {
    engine: 'cosine neighbours in plain TypeScript',
    yourWord: 'Your word',
    skipgramReady: (epoch: string, words: string, corpus: string, dim: string) =>
      `Skip-gram: the vectors after epoch ${epoch} of the training cell above, ${words} words of ${corpus}, d = ${dim}.`,
    skipgramNone: 'Skip-gram: press Train in the training cell above; its vectors appear here after every epoch.',
    kitModel: "the kit's model",
    yourModel: 'your trained model',
    modelReady: (model: string, description: string, rows: string, dim: string) =>
      `Sentiment model: the Embedding layer of ${model} (${description}), ${rows} rows, d = ${dim}.`,
    modelLoading: 'Sentiment model: looking for a trained model in this browser…',
    modelLead: 'Sentiment model: ',
    modelError: (message: string) => `the trained model could not be read (${message}). `,
    modelNone: 'none trained in this browser yet. ',
    trainIt: 'Train it in chapter 5',
    modelAfter: ', and its neighbours appear here.',
    notTrained: 'not trained yet',
    notInCorpus: 'not in this corpus',
    loading: 'loading…',
    noModel: 'no trained model',
    neighboursOf: (word: string) => `Neighbours of ${word}`,
    skipgram: 'skip-gram',
    sentimentModel: 'sentiment model',
  },
  {
    engine: '用纯 TypeScript 计算余弦近邻',
    yourWord: '你的词',
    skipgramReady: (epoch, words, corpus, dim) =>
      `skip-gram：上面训练单元第 ${epoch} 轮后的向量，来自${spaced(corpus)}的 ${words} 个词，d = ${dim}。`,
    skipgramNone: 'skip-gram：请在上面的训练单元点击“开始训练”，每训练完一轮，它的向量就会出现在这里。',
    kitModel: '本教程自带的模型',
    yourModel: '你训练的模型',
    modelReady: (model, description, rows, dim) =>
      `情感模型：${model}（${description}）的 Embedding 层，共 ${rows} 行，d = ${dim}。`,
    modelLoading: '情感模型：正在这个浏览器里查找训练好的模型……',
    modelLead: '情感模型：',
    modelError: (message) => `无法读取训练好的模型（${message}）。`,
    modelNone: '这个浏览器里还没有训练好的模型。',
    trainIt: '到第 5 章训练一个',
    modelAfter: '，它的近邻就会显示在这里。',
    notTrained: '尚未训练',
    notInCorpus: '不在这份语料中',
    loading: '加载中……',
    noModel: '没有训练好的模型',
    neighboursOf: (word) => `${word} 的近邻`,
    skipgram: 'skip-gram 词向量',
    sentimentModel: '情感模型',
  },
);
