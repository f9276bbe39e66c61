/** The words of <kit-classifier-neighbours> (./classifier-neighbours.ts), in each edition. */
import { words } from '../../i18n/words';

export const CLASSIFIER_NEIGHBOURS_WORDS = words(
  {
    engine: "the kit's cosine search in plain TypeScript",
    yourWord: 'Your word',
    looking: 'Looking for a trained model in this browser…',
    noneBefore: 'No trained model yet: ',
    trainLink: 'train one in chapter 5',
    orLoad: ', or load model files in the ',
    firstCell: 'first cell of this chapter',
    noneAfter: '.',
    facts: (rows: string, dim: string, tokenizer: boolean) =>
      `From the model's Embedding table: ${rows} rows of ${dim} numbers, one per input id; ` +
      `${tokenizer ? 'padding is' : 'padding, the start marker and <oov> are'} left out. The numbers are cosine similarities.`,
  },
  {
    engine: '本教程的余弦搜索，用纯 TypeScript 实现',
    yourWord: '你的词',
    looking: '正在这个浏览器中查找训练好的模型…',
    noneBefore: '还没有训练好的模型：',
    trainLink: '在第 5 章训练一个',
    orLoad: '，或在',
    firstCell: '本章的第一个单元',
    noneAfter: '中加载模型文件。',
    facts: (rows, dim, tokenizer) =>
      `取自模型的 Embedding 表：共 ${rows} 行，每行 ${dim} 个数，对应一个输入编号；` +
      `${tokenizer ? '填充' : '填充、起始标记和 <oov>'}不在其中。数字是余弦相似度。`,
  },
);
