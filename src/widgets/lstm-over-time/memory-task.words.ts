/**
 * The words of <kit-memory-task> (./memory-task.ts and its plots ./memory-plots.ts), in each
 * edition. Numbers come in already formatted; N and step counts are small whole numbers. The run's
 * status lines are in src/lstm/memory/run.words.ts.
 */
import { words } from '../../i18n/words';

export const MEMORY_TASK_WORDS = words(
  {
    engine: 'plain TypeScript in a Web Worker',
    distractors: 'Distractors N',
    steps: 'Training steps',
    bias: 'LSTM forget-gate bias at start',
    seed: 'Seed',
    train: (n: number) => `Train both at N = ${n}`,
    sweep: (list: string) => `Sweep N = ${list}`,
    stop: 'Stop',
    progress: 'Training progress',
    startsPlus: 'starts with +',
    startsMinus: 'starts with −',
    sweepHeading: 'Accuracy against N (these settings)',
    insideHeading: 'Inside the trained LSTM',
    example: 'Example sequence',
    /** The worker itself failed; `message` is the kit's "the training worker failed: …". */
    workerFailed: (message: string) => `T${message.slice(1)}.`,
    busy: 'Training failed: a training run is already going on.',
    trainingFailed: (message: string) => `Training failed: ${message}`,
    trainFirst: 'Train (with these settings) to look inside the LSTM.',
    inside: (p: {
      n: number;
      accuracy: string;
      unit: number;
      forget: string;
      forgetBefore: string;
      others: string;
      input: string;
    }) =>
      `Trained at N = ${p.n} (LSTM test accuracy ${p.accuracy}). Unit ${p.unit} contributes most to the answer. ` +
      `After the first sign its forget gate averages ${p.forget} (${p.forgetBefore} before training; ` +
      `the other units ${p.others}), and its input gate ${p.input}.`,
    // memory-plots.ts
    /** MEMORY_MODELS[0] as legends and titles name it (the LSTM is 'LSTM' in every edition). */
    vanillaRnn: 'vanilla RNN',
    /** The lines' names in the legend, by MEMORY_SERIES. */
    series: {
      'trained, + first': 'trained, + first',
      'trained, − first': 'trained, − first',
      'before training, + first': 'before training, + first',
      'before training, − first': 'before training, − first',
    } as Record<string, string>,
    trainingStep: 'training step →',
    atN: (n: number) => ` (N = ${n})`,
    lossLabel: (atN: string) => `↑ training loss${atN}`,
    chance: 'chance',
    lossPlot: 'Training loss of both networks',
    lossLatest: (rnn: string, lstm: string, chance: string) =>
      `Latest: RNN ${rnn}, LSTM ${lstm} (chance is ${chance}).`,
    noTraining: 'No training yet.',
    accuracyLabel: (atN: string) => `↑ test accuracy${atN}`,
    accuracyPlot: 'Test accuracy of both networks during training',
    accuracyLatest: (rnn: string, lstm: string) => `Latest: RNN ${rnn}, LSTM ${lstm}.`,
    endedPerfect: ', stopped early: both right on every test sequence',
    endedStopped: ', stopped by you',
    last: (p: {
      n: number;
      rnn: string;
      lstm: string;
      rnnBefore: string;
      lstmBefore: string;
      steps: number;
      ended: string;
      seconds: string;
    }) =>
      `N = ${p.n}: RNN ${p.rnn}, LSTM ${p.lstm} right on 512 held-out sequences ` +
      `(before training ${p.rnnBefore} and ${p.lstmBefore}), after ${p.steps} steps${p.ended}; ` +
      `${p.seconds} s in the worker.`,
    pressTrain: 'Press Train: both networks start from seeded random weights and see the same batches.',
    distractorsAxis: 'distractors N →',
    testAccuracy: '↑ test accuracy',
    sweepPoint: (model: string, n: number, accuracy: string, steps: number, seconds: string) =>
      `${model}, N = ${n}: ${accuracy} after ${steps} steps (both networks trained in ${seconds} s)`,
    sweepPlot: 'Test accuracy against the number of distractors',
    sweepItem: (n: number, rnn: string, lstm: string, steps: number, seconds: string) =>
      `N = ${n}: RNN ${rnn}, LSTM ${lstm} (${steps} steps, ${seconds} s)`,
    separator: '; ',
    noRuns: 'No runs with these settings yet.',
    stepT: 'step t',
    stepTArrow: 'step t →',
    unit: 'unit',
    cellTitle: (unit: string, t: number, value: string) => `unit ${unit}, t = ${t}: ${value}`,
    heatLabel: (what: string) => `${what} of the trained LSTM on the example, by unit and step`,
    heatDescription: (unit: number) => `Unit ${unit}, outlined, holds the answer.`,
    panelDescription: (name: string, steps: number) => `${name} over the ${steps} steps of both examples.`,
    sequence: 'Sequence: ',
    says: (sign: string, p: string) => `→ the LSTM says “${sign} came first (P(+) = ${p})”`,
    forgetGate: 'Forget gate',
    forgetLegend: 'fₜ, forget gate (1 keeps everything)',
    cellState: 'Cell state',
    cellLegend: 'Cₜ, cell state',
    forgetOfUnit: (unit: number) => `fₜ of unit ${unit}`,
    cellOfUnit: (unit: number) => `Cₜ of unit ${unit}`,
  },
  {
    engine: '在 Web Worker 中用纯 TypeScript 计算',
    distractors: '干扰符号个数 N',
    steps: '训练步数',
    bias: 'LSTM 遗忘门的初始偏置',
    seed: '随机种子',
    train: (n) => `在 N = ${n} 上训练两个模型`,
    sweep: (list) => `扫描 N = ${list}`,
    stop: '停止',
    progress: '训练进度',
    startsPlus: '以 + 开头',
    startsMinus: '以 − 开头',
    sweepHeading: '准确率随 N 的变化（当前设置）',
    insideHeading: '深入训练好的 LSTM',
    example: '示例序列',
    workerFailed: (message) => `训练用的后台线程（Web Worker）出错了：${message.replace(/^the [^:]*: /, '')}`,
    busy: '训练失败：已经有一次训练在进行中。',
    trainingFailed: (message) => `训练失败：${message}`,
    trainFirst: '先用这些设置训练，才能看到 LSTM 的内部。',
    inside: (p) =>
      `在 N = ${p.n} 上训练（LSTM 测试准确率 ${p.accuracy}）。对答案贡献最大的是单元 ${p.unit}。` +
      `读到第一个符号之后，它的遗忘门平均为 ${p.forget}（训练前为 ${p.forgetBefore}；` +
      `其他单元为 ${p.others}），输入门平均为 ${p.input}。`,
    vanillaRnn: '普通 RNN',
    series: {
      'trained, + first': '训练后，+ 在前',
      'trained, − first': '训练后，− 在前',
      'before training, + first': '训练前，+ 在前',
      'before training, − first': '训练前，− 在前',
    },
    trainingStep: '训练步数 →',
    atN: (n) => `（N = ${n}）`,
    lossLabel: (atN) => `↑ 训练损失${atN}`,
    chance: '随机猜测',
    lossPlot: '两个模型的训练损失',
    lossLatest: (rnn, lstm, chance) => `最新：RNN 为 ${rnn}，LSTM 为 ${lstm}（随机猜测为 ${chance}）。`,
    noTraining: '尚未训练。',
    accuracyLabel: (atN) => `↑ 测试准确率${atN}`,
    accuracyPlot: '训练过程中两个模型的测试准确率',
    accuracyLatest: (rnn, lstm) => `最新：RNN 为 ${rnn}，LSTM 为 ${lstm}。`,
    endedPerfect: '，提前停止：两个模型在每条测试序列上都答对了',
    endedStopped: '，被你手动停止',
    last: (p) =>
      `N = ${p.n}：在 512 条留出序列上，RNN 答对 ${p.rnn}，LSTM 答对 ${p.lstm}` +
      `（训练前分别为 ${p.rnnBefore} 和 ${p.lstmBefore}），共训练 ${p.steps} 步${p.ended}；` +
      `在 Web Worker 中用时 ${p.seconds} 秒。`,
    pressTrain: '点击训练按钮：两个模型从相同种子的随机权重出发，看到的批次也完全相同。',
    distractorsAxis: '干扰符号个数 N →',
    testAccuracy: '↑ 测试准确率',
    sweepPoint: (model, n, accuracy, steps, seconds) =>
      `${model}，N = ${n}：训练 ${steps} 步后准确率 ${accuracy}（两个模型共训练 ${seconds} 秒）`,
    sweepPlot: '测试准确率随干扰符号个数的变化',
    sweepItem: (n, rnn, lstm, steps, seconds) =>
      `N = ${n}：RNN 为 ${rnn}，LSTM 为 ${lstm}（${steps} 步，${seconds} 秒）`,
    separator: '；',
    noRuns: '当前设置下还没有训练结果。',
    stepT: '时间步 t',
    stepTArrow: '时间步 t →',
    unit: '单元',
    cellTitle: (unit, t, value) => `单元 ${unit}，t = ${t}：${value}`,
    heatLabel: (what) => `训练好的 LSTM 在示例上的${what}：按单元和时间步`,
    heatDescription: (unit) => `加框的单元 ${unit} 保存着答案。`,
    panelDescription: (name, steps) => `两个示例的 ${steps} 个时间步上，${name} 的变化。`,
    sequence: '序列：',
    says: (sign, p) => `→ LSTM 的回答：“${sign} 在前（P(+) = ${p}）”`,
    forgetGate: '遗忘门',
    forgetLegend: 'fₜ，遗忘门（1 表示全部保留）',
    cellState: '细胞状态',
    cellLegend: 'Cₜ，细胞状态',
    forgetOfUnit: (unit) => `单元 ${unit} 的 fₜ`,
    cellOfUnit: (unit) => `单元 ${unit} 的 Cₜ`,
  },
);
