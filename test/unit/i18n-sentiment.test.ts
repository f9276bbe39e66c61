// Chapter 5's pure modules say their sentences in the Chinese edition when asked, and in English
// by default: settings labels and checks, the run's cost and status lines, evaluation captions,
// the baselines' verdict and fit lines, the data's row summary and load errors, chapter 6's
// review reading, and the review box's test for Chinese characters.
import { describe, expect, it } from 'vitest';
import { fitStep, idleFit, startFit, stageText, timeLeft } from '../../src/baselines/fit-run';
import { verdict } from '../../src/baselines/verdict';
import { DataError, storageErrorMessage } from '../../src/data/errors';
import { rowSummary } from '../../src/data/explore';
import { duration } from '../../src/data/format';
import { describeLoadError } from '../../src/data/loader';
import { evaluationCaption, otherDataNote } from '../../src/lstm/sentiment/measured-on';
import { modelFileError, modelFileErrorText } from '../../src/lstm/sentiment/model-errors';
import { checkSettings, presetSettings, settingsLabel } from '../../src/lstm/sentiment/presets';
import { predictVerdict, testReview } from '../../src/lstm/sentiment/review-reading';
import { costSentence } from '../../src/lstm/sentiment/run-cost';
import { formSettings, parseUnits, settingsFields } from '../../src/lstm/sentiment/settings-form';
import { hasCjk } from '../../src/widgets/sentiment-imdb/sentiment-review.words';
import { SENTIMENT_TRAIN_WORDS } from '../../src/widgets/sentiment-imdb/sentiment-train.words';
import {
  idleRun,
  progressLine,
  startRun,
  trainingStep,
  workerErrorText,
} from '../../src/widgets/sentiment-imdb/training-run';

const CHINESE = /[\u4e00-\u9fff]/;
/** English words of three letters or more, as a stray untranslated word would be. */
const ENGLISH_WORD = /\b(?!maxlen\b|tfjs\b|LSTM\b|Tokenizer\b|float\d+\b)[A-Za-z]{3,}\b/;

const chinese = (text: string | null) => {
  expect(text).toMatch(CHINESE);
  return text!;
};

describe('chapter 5 in Chinese', () => {
  it('labels settings and says what is wrong with them', () => {
    const s = { ...presetSettings('r-keras'), epochs: 2 };
    expect(settingsLabel(s)).toBe('r-keras, 2 epochs');
    expect(settingsLabel(s, 'zh')).toBe('r-keras，2 轮');
    expect(chinese(settingsLabel({ ...s, embedding: 7 }, 'zh'))).toBe('自定义（r-keras 布局）');
    expect(() => checkSettings({ ...s, maxlen: 0 }, 'zh')).toThrow(/maxlen 必须是 5 到 1000 之间的整数/);
    expect(() => parseUnits('64,abc', 'zh')).toThrow(/“abc”不是一个数/);
    expect(() => formSettings({ ...settingsFields(s), units: '0' }, 'zh')).toThrow(CHINESE);
    expect(() => parseUnits('64,abc')).toThrow(/"abc" is not a number/);
  });

  it('says what a run costs, in Chinese durations', () => {
    expect(duration(82, 'zh')).toBe('1 分钟 22 秒');
    expect(duration(0.1, 'zh')).toBe('不到 1 秒');
    expect(duration(3900, 'zh')).toBe('1 小时 5 分钟');
    const timing = { secondsPerBatch: 0.1, secondsPerReview: 0.001 };
    const size = { trainCount: 3200, validationCount: 1000, batchSize: 32 };
    const zh = chinese(costSentence(timing, size, 2, { name: 'r-keras', epochs: 15 }, 'zh'));
    expect(zh).toBe(
      '在这台机器上（刚刚计时了几个批次）：每轮约 11 秒，所以这次训练 2 轮约需 22 秒；完整训练 r-keras 15 轮则约需 2 分钟 45 秒。',
    );
    expect(costSentence(timing, size, 2, null)).toMatch(/^On this machine/);
  });

  it('writes the training run’s lines in the words it is given', () => {
    const w = SENTIMENT_TRAIN_WORDS.zh;
    const choice = {
      settings: presetSettings('r-keras'),
      validation: 'split' as const,
      sample: null,
      keepBest: true,
    };
    let run = startRun(idleRun(null), choice, 7, null, w);
    expect(run.status).toBe('正在启动训练 worker…');
    run = trainingStep(run, { type: 'status', text: 'Building the model…', code: 'building' }, w);
    expect(run.status).toBe('正在构建模型…');
    run = trainingStep(
      run,
      {
        type: 'begin',
        info: { epochs: 2, startEpoch: 0, trainCount: 20000, validationCount: 5000, batchesPerEpoch: 625 },
        history: [],
      } as never,
      w,
    );
    expect(chinese(run.status)).not.toMatch(ENGLISH_WORD);
    const line = progressLine(
      {
        epoch: 0,
        batch: 9,
        batchesPerEpoch: 40,
        loss: 0.6,
        accuracy: 0.6,
        meanLoss: 0.65,
        meanAccuracy: 0.6,
        seconds: 5,
      },
      2,
      0,
      w,
    );
    expect(chinese(line)).not.toMatch(ENGLISH_WORD);
    // English stays the default.
    expect(trainingStep(run, { type: 'status', text: 'Building the model…', code: 'building' }).status).toBe(
      'Building the model…',
    );
  });

  it('words the sentiment worker’s errors by their code', () => {
    const w = SENTIMENT_TRAIN_WORDS.zh;
    expect(workerErrorText({ message: 'x', code: 'diverged', values: [NaN, 1, 12] }, w)).toBe(
      '在第 1 轮第 12 个批次，损失变成了 NaN：请调低学习率',
    );
    expect(chinese(workerErrorText({ message: 'x', code: 'no-model' }, w))).not.toMatch(ENGLISH_WORD);
    expect(workerErrorText({ message: 'something else' }, w)).toBe('something else');
    expect(workerErrorText({ message: 'x', code: 'no-model' })).toMatch(/^no trained model is kept/);
  });

  it('says why model files do not load', () => {
    const error = modelFileError(
      'no-weights',
      'the model has no weights (choose model.json and its .bin file together)',
    );
    expect(modelFileErrorText(error)).toBe(error.message);
    expect(chinese(modelFileErrorText(error, 'zh'))).toMatch(/^模型没有权重.*（详情：the model has no weights/);
    expect(modelFileErrorText(new Error('other'), 'zh')).toBe('other');
  });

  it('captions an evaluation', () => {
    expect(chinese(evaluationCaption(25000, 12.3, 'same', 25000, 'zh'))).toBe(
      '在全部 25,000 条测试集影评上 （12.3 秒）',
    );
    expect(chinese(otherDataNote(100, 25000, true, 'zh'))).not.toMatch(ENGLISH_WORD);
    expect(evaluationCaption(25000, 12.3, 'same', 25000)).toBe('On all 25,000 test reviews (12.3 s)');
  });

  it('says which baseline wins, and how the fit goes', () => {
    const m = (accuracy: number) => ({ accuracy, precision: 0.5, recall: 0.5, f1: 0.5, count: 25000 });
    const models = [
      { name: '随机森林', metrics: m(0.52) },
      { name: '词袋逻辑回归', metrics: m(0.88) },
      { name: 'LSTM 模型', metrics: m(0.84) },
    ];
    const text = chinese(verdict(models, 'zh'));
    expect(text).toBe(
      '词袋逻辑回归胜出：在 25,000 条测试集影评中判对了 88.0%，而LSTM 模型为 84.0%，随机森林为 52.0%。随机森林只比抛硬币（50%）好一点点。',
    );
    expect(verdict([{ name: 'the forest', metrics: m(0.6) }])).toMatch(/^Only the forest has been scored/);
    expect(timeLeft(10_000, 0.5, 'zh')).toBe('大约还剩 10 秒');
    expect(stageText({ stage: 'tree 3 of 1,000', code: 'tree', values: [3, 1000], fraction: 0.003 }, 'zh')).toBe(
      '第 3 / 1,000 棵树',
    );
    let state = startFit({ ...idleFit({}), locale: 'zh' }, ['forest'], 0);
    expect(state.status).toBe('正在启动 worker…');
    state = fitStep(
      state,
      { type: 'progress', model: 'forest', stage: 'tree 1 of 1,000', code: 'tree', values: [1, 1000], fraction: 0.001 },
      0,
    );
    state = fitStep(
      state,
      {
        type: 'progress',
        model: 'forest',
        stage: 'tree 500 of 1,000',
        code: 'tree',
        values: [500, 1000],
        fraction: 0.5,
      },
      10_000,
    );
    expect(chinese(state.status)).toBe('第 1 / 1 步，随机森林：第 500 / 1,000 棵树；大约还剩 10 秒');
    state = fitStep(state, { type: 'done', stopped: false }, 12_000);
    expect(state.status).toBe('两个基线都已拟合完成，用时 12.0 秒。');
  });

  it('sums up a padded row and explains a failed load', () => {
    const summary = rowSummary(
      3,
      { oov: 1, dropped: 0, aligned: { length: 4, start: 1 }, layout: { cut: 1, pads: 0 } } as never,
      { maxlen: 3 },
      'zh',
    );
    expect(chinese(summary)).toBe(
      "3 个词 → 4 个 id（最前面是 <start> = 1）；1 个词不在词汇表中，变成了 2。maxlen 3：'pre' 截断去掉前面的 1 个 id，保留最后的 3 个。",
    );
    const notGzip = chinese(describeLoadError(new DataError('not-gzip', 'x.zip is not a gzip file'), 'x.zip', 'zh'));
    expect(notGzip).toContain('x.zip is not a gzip file');
    expect(notGzip).toMatch(/^这个文件不是 gzip 压缩包。/);
    expect(chinese(describeLoadError(new RangeError('boom'), undefined, 'zh'))).toBe('出错了：boom');
    expect(describeLoadError(new RangeError('boom'))).toBe('Something went wrong: boom.');
    const full = Object.assign(new Error(''), { name: 'QuotaExceededError' });
    expect(chinese(storageErrorMessage(full, 40e6, 'zh'))).toContain('40 MB');
  });

  it('reads a review for chapter 6 in Chinese', () => {
    expect(chinese(predictVerdict(0.5, 0.50001, '', 'zh').note)).toMatch(/^两者相差小于/);
    const { note } = testReview('a fine film', 100, { index: 0, count: 25000, rating: 9, positive: true }, 'zh');
    expect(chinese(note)).toBe('测试集第 1 条影评（共 25,000 条）：作者打了 9 分（满分 10 分），所以标为正面。');
  });

  it('finds Chinese characters in a review', () => {
    expect(hasCjk('This film was great')).toBe(false);
    expect(hasCjk('这部电影很好')).toBe(true);
    expect(hasCjk('great，but long')).toBe(true);
  });
});
