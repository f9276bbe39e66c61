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
      `; the article's full ${epochs} of ${name} would take about ${run}`,
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
  },
  {
    epochs: (_n, shown) => `${shown} 轮`,
    presetButEpochs: (preset, epochs) => `${preset}，${epochs}`,
    custom: (layout) => `自定义（${layout} 布局）`,
    cost: (p) => `每轮约 ${p.epoch}，所以这次训练 ${p.epochs}约需 ${p.run}`,
    costArticle: (epochs, name, run) => `；按文章完整训练 ${name} ${epochs}则约需 ${run}`,
    costSentence: (run, article) => `在这台机器上（刚刚计时了几个批次）：${run}${article}。`,
    evaluationCaption: (count, time) => `在全部 ${count} 条测试集影评上 ${time}`,
    evaluationCaptionOther: (count, loaded, time) =>
      `在另一份数据的全部 ${count} 条测试集影评上，而不是当前加载的 ${loaded} 条 ${time}`,
    seconds: (s) => `（${s} 秒）`,
    otherData: (count, loaded) =>
      `这些结果是在另一份数据上测得的：${count} 条测试集影评，而不是当前加载的 ${loaded} 条，所以不能说明当前这些影评上的表现。`,
    evaluateAgain: '重新评估，即可在当前加载的影评上为模型打分。',
    loadOrTrain: '请加载训练该模型所用的影评来再次查看，或者在当前这些影评上训练一个模型。',
  },
);
