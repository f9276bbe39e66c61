/**
 * The words of chapter 5's pure sentiment modules (./presets.ts and friends), in each edition.
 * They take a locale (English by default), since they run in workers and Node as well as pages.
 */
import { words } from '../../i18n/words.ts';

export const SENTIMENT_WORDS = words(
  {
    epochs: (n: number, shown: string) => `${shown} ${n === 1 ? 'epoch' : 'epochs'}`,
    presetButEpochs: (preset: string, epochs: string) => `${preset}, ${epochs}`,
    custom: (layout: string) => `custom (${layout} layout)`,
    cost: (p: { epoch: string; epochs: string; run: string }) =>
      `about ${p.epoch} an epoch, so this run of ${p.epochs} takes about ${p.run}`,
    costArticle: (epochs: string, name: string, run: string) =>
      `; the full ${epochs} of ${name} would take about ${run}`,
    costSentence: (run: string, article: string) => `On this machine (a few batches timed just now): ${run}${article}.`,
    evaluationCaption: (count: string, time: string) => `On all ${count} test reviews ${time}`,
    evaluationCaptionOther: (count: string, loaded: string, time: string) =>
      `On all ${count} test reviews of other data, not the ${loaded} loaded now ${time}`,
    seconds: (s: string) => `(${s} s)`,
    otherData: (count: string, loaded: string) =>
      `These results were measured on other data: ${count} test reviews, not the ${loaded} ` +
      'loaded now, so they say nothing about these.',
    evaluateAgain: ' Evaluate again to score the model on the reviews loaded now.',
    loadOrTrain: ' Load the reviews the model was trained on to see them again, or train a model on these.',
    // ./presets.ts checkSettings and ./settings-form.ts parseUnits: keys are the settings' own names.
    notObject: 'the settings are not an object',
    wholeNumber: (key: string, min: string, max: string, got: string) =>
      `${key} must be a whole number from ${min} to ${max}, got ${got}`,
    number: (key: string, min: string, max: string, got: string) =>
      `${key} must be a number from ${min} to ${max}, got ${got}`,
    layout: (got: string) => `layout must be 'imdb' or 'tokenizer', got ${got}`,
    optimizer: (names: string, got: string) => `optimizer must be one of ${names}, got ${got}`,
    layers: (min: string, max: string, got: string) =>
      `lstm must list ${min} to ${max} layer sizes (the units of each LSTM layer), got ${got}`,
    unitsRange: (min: string, max: string) => `a whole number from ${min} to ${max}`,
    aNumber: 'a number',
    /** What went wrong with model files, by the code of ./model-errors.ts (English: the message says it all). */
    modelFileErrors: {
      'no-metadata': 'not a kit model',
      'not-kit': 'not a kit model',
      version: 'another version',
      'bad-metadata': 'malformed metadata',
      unreadable: 'unreadable',
      'no-topology': 'no topology',
      'no-weights': 'no weights',
      malformed: 'malformed',
      contradicts: 'contradicts itself',
    },
    modelFileError: (_what: string, message: string) => `${message}`,
    units: (p: { piece: string; what: string; minLayers: string; maxLayers: string; min: string; max: string }) =>
      `LSTM units per layer: "${p.piece}" is not ${p.what}. Type the units of each LSTM layer (${p.minLayers} ` +
      `to ${p.maxLayers} layers), whole numbers from ${p.min} to ${p.max} separated by commas, like 64 or 128,128.`,
  },
  {
    epochs: (_n, shown) => `${shown} 轮`,
    presetButEpochs: (preset, epochs) => `${preset}，${epochs}`,
    custom: (layout) => `自定义（${layout} 布局）`,
    cost: (p) => `每轮约 ${p.epoch}，所以这次训练 ${p.epochs}约需 ${p.run}`,
    costArticle: (epochs, name, run) => `；完整训练 ${name} ${epochs}则约需 ${run}`,
    costSentence: (run, article) => `在这台机器上（刚刚计时了几个批次）：${run}${article}。`,
    evaluationCaption: (count, time) => `在全部 ${count} 条测试集影评上 ${time}`,
    evaluationCaptionOther: (count, loaded, time) =>
      `在另一份数据的全部 ${count} 条测试集影评上，而不是当前加载的 ${loaded} 条 ${time}`,
    seconds: (s) => `（${s} 秒）`,
    otherData: (count, loaded) =>
      `这些结果是在另一份数据上测得的：${count} 条测试集影评，而不是当前加载的 ${loaded} 条，所以不能说明当前这些影评上的表现。`,
    evaluateAgain: '重新评估，即可在当前加载的影评上为模型打分。',
    loadOrTrain: '请加载训练该模型所用的影评来再次查看，或者在当前这些影评上训练一个模型。',
    notObject: '这些设置不是一个对象',
    wholeNumber: (key, min, max, got) => `${key} 必须是 ${min} 到 ${max} 之间的整数，现在是 ${got}`,
    number: (key, min, max, got) => `${key} 必须是 ${min} 到 ${max} 之间的数，现在是 ${got}`,
    layout: (got) => `layout 必须是 'imdb' 或 'tokenizer'，现在是 ${got}`,
    optimizer: (names, got) => `optimizer 必须是 ${names} 之一，现在是 ${got}`,
    layers: (min, max, got) => `lstm 必须列出 ${min} 到 ${max} 层的大小（每个 LSTM 层的单元数），现在是 ${got}`,
    unitsRange: (min, max) => `${min} 到 ${max} 之间的整数`,
    aNumber: '一个数',
    modelFileErrors: {
      'no-metadata':
        '这个模型没有 lstm-kit 的元数据：本套件需要它训练时的设置和词汇表（请用第 5 章或 `npm run train` 保存模型）。',
      'not-kit': '这不是 lstm-kit 的情感分析模型。',
      version: '这个模型文件的版本与本套件读取的版本不同。',
      'bad-metadata': '模型文件中的元数据有误。',
      unreadable: '无法读取这个模型。',
      'no-topology': '模型文件中没有网络结构（它是 tfjs 保存的 model.json 吗？）。',
      'no-weights': '模型没有权重（请同时选择 model.json 和它的 .bin 文件）。',
      malformed: '模型文件格式有误。',
      contradicts: '这个模型文件前后矛盾。',
    },
    modelFileError: (what, message) => `${what}（详情：${message}）`,
    units: (p) =>
      `每层 LSTM 单元数：“${p.piece}”不是${p.what}。请输入每个 LSTM 层的单元数（${p.minLayers} 到 ${p.maxLayers} 层），` +
      `用 ${p.min} 到 ${p.max} 之间的整数，以逗号分隔，例如 64 或 128,128。`,
  },
);
