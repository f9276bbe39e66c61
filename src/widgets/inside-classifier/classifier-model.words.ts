/**
 * The words of <kit-classifier-model> (./classifier-model.ts), in each edition. Numbers come in
 * already formatted; file names, model labels and `npm run …` commands stay as they are.
 */
import { words } from '../../i18n/words';

/** A Chinese sentence built around a message (perhaps English, from a browser): one full stop. */
function zhSentence(text: string): string {
  const t = text.trimEnd().replace(/(?<!\.)\.$/, '');
  return /[。！？…!?]$/.test(t) ? t : `${t}。`;
}

export const CLASSIFIER_MODEL_WORDS = words(
  {
    engine: 'tfjs, loaded with the model',
    loadFiles: 'Load model files (model.json and its weights .bin, together)',
    reading: (names: string) => `Reading ${names}…`,
    and: ' and ',
    loaded: (names: string, epochs: string) =>
      `Loaded ${names}: a model trained for ${epochs}, now the trained model of every page of the kit.`,
    notLoaded: (message: string) => `These files could not be loaded: ${message}`,
    looking: 'Looking for a trained model in this browser…',
    notRead: (message: string) =>
      `The trained model kept in this browser could not be read: ${message} Train it again in chapter 5, or load model files below.`,
    noneBefore: 'No trained model in this browser yet. ',
    trainLink: 'Train one in chapter 5',
    noneMiddle:
      ' (it is kept in this browser and appears here), or load model files saved by chapter 5’s download button or by ',
    noneAfter: '.',
    epochs: (n: number, formatted: string) => `${formatted} epoch${n === 1 ? '' : 's'}`,
    keptEpoch: (kept: string, done: string) => `epoch ${kept} of ${done} (the best on validation)`,
    kitModel: (label: string, epochs: string, count: string) =>
      `The kit's model, trained for this site by npm run model: ${label}, ${epochs} on ${count} reviews. Train your own in chapter 5 and it takes its place.`,
    readerModel: (label: string, epochs: string, count: string, summary: string) =>
      `The trained model: ${label}, ${epochs} on ${count} reviews${summary ? ` (${summary})` : ''}.`,
    head: ['layer', 'output shape', 'parameters'],
    facts: (maxlen: string, layout: 'imdb' | 'tokenizer', words: string, below: string) =>
      `Reads ${maxlen} ids per review (${layout === 'imdb' ? 'keras.datasets.imdb layout' : 'tokenizer layout'}, ` +
      `${words} words in its vocabulary${below ? `, ids below ${below}` : ''}). `,
    test: (count: string, accuracy: string, f1: string) =>
      `On the ${count} test reviews: accuracy ${accuracy} %, F1 ${f1}.`,
    notEvaluated: 'Not evaluated on the test reviews yet.',
  },
  {
    engine: 'tfjs，随模型一起加载',
    loadFiles: '加载模型文件（model.json 和它的权重文件 .bin，一起选上）',
    reading: (names) => `正在读取 ${names}…`,
    and: ' 和 ',
    loaded: (names, epochs) => `已加载 ${names}：一个训练了 ${epochs}的模型，它现在是本教程每一页使用的模型。`,
    notLoaded: (message) => `无法加载这些文件：${zhSentence(message)}`,
    looking: '正在这个浏览器中查找训练好的模型…',
    notRead: (message) =>
      `无法读取保存在这个浏览器中的模型：${zhSentence(message)}请在第 5 章重新训练，或在下方加载模型文件。`,
    noneBefore: '这个浏览器中还没有训练好的模型。',
    trainLink: '在第 5 章训练一个',
    noneMiddle: '（它会保存在这个浏览器中并显示在这里），或者加载用第 5 章的下载按钮或 ',
    noneAfter: ' 保存的模型文件。',
    epochs: (_n, formatted) => `${formatted} 轮`,
    keptEpoch: (kept, done) => `${done} 轮，取其中第 ${kept} 轮（验证集上最好的一轮）`,
    kitModel: (label, epochs, count) =>
      `本教程自带的模型，由 npm run model 为本站训练：${label}，在 ${count} 条影评上训练了 ${epochs}。你在第 5 章训练自己的模型后，它会取而代之。`,
    readerModel: (label, epochs, count, summary) =>
      `训练好的模型：${label}，在 ${count} 条影评上训练了 ${epochs}${summary ? `（${summary}）` : ''}。`,
    head: ['层', '输出形状', '参数'],
    facts: (maxlen, layout, words, below) =>
      `每条影评读入 ${maxlen} 个编号（${layout === 'imdb' ? 'keras.datasets.imdb 布局' : '分词器布局'}，` +
      `词汇表共 ${words} 个词${below ? `，编号小于 ${below}` : ''}）。`,
    test: (count, accuracy, f1) => `在 ${count} 条测试影评上：准确率 ${accuracy} %，F1 ${f1}。`,
    notEvaluated: '尚未在测试影评上评估。',
  },
);
