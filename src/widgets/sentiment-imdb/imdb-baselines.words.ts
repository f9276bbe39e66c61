/** The words of <kit-imdb-baselines> (./imdb-baselines.ts), in each edition. Numbers come in already formatted. */
import { words } from '../../i18n/words';

export const IMDB_BASELINES_WORDS = words(
  {
    engine: 'plain TypeScript in a Web Worker, no tfjs',
    home: 'The reviews in this page',
    treesOption: (n: string, article: boolean) => `${n}${article ? ' (as the article)' : ''}`,
    fit: 'Fit the baselines',
    stop: 'Stop',
    progressLabel: 'Progress of the fit',
    trees: 'Trees in the forest',
    needBoth: 'The baselines need both the training and the test reviews.',
    notKept: (problem: string) => `The results could not be kept for your next visit: ${problem}`,
    failed: (message: string) => `The fit failed: ${message}`,
    forestTrees: (trees: string) => `Random forest, ${trees} trees, on the 80 padded ids`,
    forest: 'Random forest on the 80 padded ids',
    bagOfWords: 'Logistic regression on a bag of words and word pairs',
    seconds: (s: string) => `${s} s`,
    notFitted: 'not fitted yet',
    lstm: (label: string) => `LSTM, ${label}`,
    lstmEpochs: (epochs: number, shown: string) => `${shown} epoch${epochs === 1 ? '' : 's'}`,
    lstmUnscored: 'not yet scored on the test reviews',
    caption: (count: string) => `Scores on all ${count} test reviews (positive reviews are the class to find)`,
    head: ['model', 'accuracy', 'precision', 'recall', 'F1', 'fitted in'],
    empty: 'Fit the baselines to fill the table; the sentence here then says which model wins.',
    bagOfWordsDetails: (p: { words: string; bigrams: string; l2: string; iterations: string }) =>
      `The logistic regression weighs ${p.words} words and ${p.bigrams} word pairs ` +
      `(tf-idf, each in at least 2 training reviews), penalty λ = ${p.l2}, ` +
      `${p.iterations} L-BFGS iterations.`,
    forestDetails: (outOfBag: string, nodes: string) =>
      `The forest's out-of-bag estimate on the training reviews is ${outOfBag}; ` +
      `its trees have ${nodes} nodes on average.`,
  },
  {
    engine: '在 Web Worker 中运行的纯 TypeScript，不用 tfjs',
    home: '本页的影评',
    treesOption: (n, article) => `${n}${article ? '（与文章相同）' : ''}`,
    fit: '拟合基线模型',
    stop: '停止',
    progressLabel: '拟合进度',
    trees: '森林中树的数量',
    needBoth: '基线模型需要训练集和测试集影评。',
    notKept: (problem) => `结果无法保存到下次访问：${problem}`,
    failed: (message) => `拟合失败：${message}`,
    forestTrees: (trees) => `随机森林，${trees} 棵树，输入为填充后的 80 个 id`,
    forest: '随机森林，输入为填充后的 80 个 id',
    bagOfWords: '逻辑回归，输入为词和词对的词袋',
    seconds: (s) => `${s} 秒`,
    notFitted: '尚未拟合',
    lstm: (label) => `LSTM 模型，${label}`,
    lstmEpochs: (_epochs, shown) => `${shown} 轮`,
    lstmUnscored: '尚未在测试集影评上评分',
    caption: (count) => `在全部 ${count} 条测试集影评上的得分（以正面影评为要找出的类别）`,
    head: ['模型', '准确率', '精确率', '召回率', 'F1 值', '拟合用时'],
    empty: '拟合基线模型后，表格就会填满；这里的一句话会说明哪个模型胜出。',
    bagOfWordsDetails: (p) =>
      `逻辑回归为 ${p.words} 个词和 ${p.bigrams} 个词对分配权重` +
      `（tf-idf，每个词或词对至少出现在 2 条训练影评中），惩罚系数 λ = ${p.l2}，` +
      `L-BFGS 迭代 ${p.iterations} 次。`,
    forestDetails: (outOfBag, nodes) =>
      `随机森林在训练集影评上的袋外（out-of-bag）估计为 ${outOfBag}；平均每棵树有 ${nodes} 个节点。`,
  },
);
