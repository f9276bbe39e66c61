/**
 * The words of chapter 7's length study (./length-run.ts, ./length-cuts.ts), in each edition:
 * its status lines, caption, plot series and table. Numbers come in already formatted.
 */
import { words } from '../../i18n/words.ts';

export const LENGTH_STUDY_WORDS = words(
  {
    nothingMeasured: 'Nothing measured yet.',
    atMaxlen: (accuracy: string, maxlen: string, trained: boolean) =>
      `${accuracy} at maxlen ${maxlen}${trained ? ' (the length it was trained at)' : ''}`,
    list: (first: readonly string[], last: string) => `${first.join(', ')} and ${last}`,
    study: (n: string, one: boolean, list: string, best: string, bestMaxlen: string) =>
      `Accuracy on ${n} test review${one ? '' : 's'}: ${list}; the best is ${best} at maxlen ${bestMaxlen}.`,
    starting: (reviews: string, lengths: string) =>
      `Starting tfjs in a Web Worker to score ${reviews} test reviews at ${lengths} lengths…`,
    stopped: (reason: string, measured: string, total: string) =>
      `${reason}: ${measured} of ${total} lengths measured.`,
    left: (clock: string) => `, about ${clock} left`,
    scoring: (p: {
      reviews: string;
      maxlen: string;
      k: string;
      total: string;
      percent: string;
      clock: string;
      left: string;
    }) =>
      `Scoring ${p.reviews} test reviews at maxlen ${p.maxlen} (${p.k} of ${p.total}): ` +
      `${p.percent}% done, ${p.clock} so far${p.left}.`,
    done: (lengths: string, reviews: string, seconds: string) =>
      `Done: ${lengths} lengths, ${reviews} test reviews each, in ${seconds} s.`,
    needsModel: 'It needs your trained model (above).',
    needsData: 'It needs the reviews: load them above.',
    otherVocabulary:
      'This model was trained on another preparation of the reviews (its vocabulary differs), so its word ids would not match these reviews.',
    accuracyName: (n: string) => `accuracy on ${n} test reviews`,
    cutName: (total: string) => `test reviews truncated (all ${total})`,
    notYet: 'No accuracy measured yet: press Measure.',
    cutText: (p: {
      total: string;
      first: string;
      firstShare: string;
      trained: string;
      trainedShare: string;
      last: string;
      lastShare: string;
    }) =>
      ` Of all ${p.total} test reviews, maxlen ${p.first} truncates ${p.firstShare}, ` +
      `maxlen ${p.trained} ${p.trainedShare} and maxlen ${p.last} ${p.lastShare}.`,
    savedText: (accuracy: string, count: string, maxlen: string) =>
      ` Saved with the model: ${accuracy} on ${count} test reviews at maxlen ${maxlen}.`,
    chance: ' The dashed line is chance, 50%.',
    trainedHeading: (maxlen: string) => `${maxlen} (trained)`,
    truncatedOf: (n: string, total: string) => `${n} of ${total}`,
  },
  {
    nothingMeasured: '还没有测量任何结果。',
    atMaxlen: (accuracy, maxlen, trained) => `maxlen ${maxlen} 时为 ${accuracy}${trained ? '（训练时用的长度）' : ''}`,
    list: (first, last) => `${first.join('，')}，以及 ${last}`,
    study: (n, _one, list, best, bestMaxlen) =>
      `在 ${n} 条测试影评上的准确率：${list}；最好的是 maxlen ${bestMaxlen} 时的 ${best}。`,
    starting: (reviews, lengths) =>
      `正在 Web Worker 中启动 tfjs，将在 ${lengths} 种长度下为 ${reviews} 条测试影评打分……`,
    stopped: (reason, measured, total) => `${reason}：已测量 ${total} 种长度中的 ${measured} 种。`,
    left: (clock) => `，大约还需 ${clock}`,
    scoring: (p) =>
      `正在 maxlen ${p.maxlen} 下为 ${p.reviews} 条测试影评打分（第 ${p.k} 种，共 ${p.total} 种）：` +
      `已完成 ${p.percent}%，用时 ${p.clock}${p.left}。`,
    done: (lengths, reviews, seconds) => `完成：共 ${lengths} 种长度，每种 ${reviews} 条测试影评，用时 ${seconds} 秒。`,
    needsModel: '需要你训练好的模型（见上方）。',
    needsData: '需要影评数据：请在上方加载。',
    otherVocabulary: '这个模型是在另一份预处理过的影评上训练的（词汇表不同），它的词 id 与这些影评对不上。',
    accuracyName: (n) => `在 ${n} 条测试影评上的准确率`,
    cutName: (total) => `被截断的测试影评（共 ${total} 条）`,
    notYet: '还没有测量准确率：请点击“测量”。',
    cutText: (p) =>
      `在全部 ${p.total} 条测试影评中，maxlen ${p.first} 会截断 ${p.firstShare}，` +
      `maxlen ${p.trained} 截断 ${p.trainedShare}，maxlen ${p.last} 截断 ${p.lastShare}。`,
    savedText: (accuracy, count, maxlen) =>
      `随模型保存的结果：maxlen ${maxlen} 时在 ${count} 条测试影评上为 ${accuracy}。`,
    chance: '虚线表示随机猜测的水平，即 50%。',
    trainedHeading: (maxlen) => `${maxlen}（训练长度）`,
    truncatedOf: (n, total) => `${n} / ${total}`,
  },
);
