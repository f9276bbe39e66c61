/**
 * The words of chapter 5's baselines as the page shows them (./verdict.ts, ./fit-run.ts and the
 * stages of ./imdb.ts), in each edition. Pure modules take a locale, English by default.
 */
import { words } from '../i18n/words.ts';

export const BASELINES_WORDS = words(
  {
    modelNames: {
      'bag-of-words': 'the bag-of-words logistic regression',
      forest: 'the random forest',
      lstm: 'the LSTM',
    },
    // ./verdict.ts
    namesAnd: ' and ',
    list: (items: readonly string[]) =>
      items.length === 1 ? `${items[0]}` : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`,
    chance: (names: string, one: boolean) =>
      ` ${names.charAt(0).toUpperCase() + names.slice(1)} ${one ? 'does' : 'do'} little better than tossing a coin (50%).`,
    onlyOne: (name: string, accuracy: string, count: string, chance: string) =>
      `Only ${name} has been scored so far: ${accuracy} of the ${count} test reviews right.${chance}`,
    other: (accuracy: string, name: string) => `${accuracy} for ${name}`,
    how: { hair: 'wins by a hair', narrow: 'wins narrowly', clear: 'wins' },
    wins: (name: string, how: string, accuracy: string, count: string, list: string, chance: string) =>
      `${name.charAt(0).toUpperCase() + name.slice(1)} ${how}: ${accuracy} of the ${count} test reviews right, against ${list}.${chance}`,
    // ./fit-run.ts
    starting: 'Starting the worker…',
    stopping: 'Stopping…',
    stopped: 'Stopped.',
    stoppedPartial: 'Stopped. Results that were complete before the stop are in the table.',
    fitted: (seconds: string) => `Fitted both baselines in ${seconds} s.`,
    step: (step: string, steps: string, model: string, stage: string, left: string) =>
      `Step ${step} of ${steps}, ${model}: ${stage}; ${left}`,
    estimating: 'estimating the time left…',
    secondsLeft: (n: string) => `about ${n} s left`,
    minutesLeft: (n: string) => `about ${n} min left`,
    // The stages of ./imdb.ts.
    stages: {
      binning: 'binning the padded ids',
      tree: (done: string, total: string) => `tree ${done} of ${total}`,
      counting: 'counting words and word pairs',
      rows: 'building the feature rows',
      lbfgsStart: 'starting L-BFGS',
      lbfgs: (iteration: string, objective: string) => `L-BFGS iteration ${iteration}, objective ${objective}`,
    },
  },
  {
    modelNames: {
      'bag-of-words': '词袋逻辑回归',
      forest: '随机森林',
      lstm: 'LSTM 模型',
    },
    namesAnd: '和',
    list: (items) => `而${items.join('，')}`,
    chance: (names, _one) => `${names}只比抛硬币（50%）好一点点。`,
    onlyOne: (name, accuracy, count, chance) =>
      `目前只有${name}有评分：在 ${count} 条测试集影评中判对了 ${accuracy}。${chance}`,
    other: (accuracy, name) => `${name}为 ${accuracy}`,
    how: { hair: '以极微弱的优势胜出', narrow: '以微弱优势胜出', clear: '胜出' },
    wins: (name, how, accuracy, count, list, chance) =>
      `${name}${how}：在 ${count} 条测试集影评中判对了 ${accuracy}，${list}。${chance}`,
    starting: '正在启动 worker…',
    stopping: '正在停止…',
    stopped: '已停止。',
    stoppedPartial: '已停止。停止前已经完成的结果列在表中。',
    fitted: (seconds) => `两个基线都已拟合完成，用时 ${seconds} 秒。`,
    step: (step, steps, model, stage, left) => `第 ${step} / ${steps} 步，${model}：${stage}；${left}`,
    estimating: '正在估算剩余时间…',
    secondsLeft: (n) => `大约还剩 ${n} 秒`,
    minutesLeft: (n) => `大约还剩 ${n} 分钟`,
    stages: {
      binning: '把填充后的 id 分箱',
      tree: (done, total) => `第 ${done} / ${total} 棵树`,
      counting: '统计词和词对',
      rows: '构建特征行',
      lbfgsStart: '开始 L-BFGS 优化',
      lbfgs: (iteration, objective) => `L-BFGS 第 ${iteration} 次迭代，目标函数值 ${objective}`,
    },
  },
);
