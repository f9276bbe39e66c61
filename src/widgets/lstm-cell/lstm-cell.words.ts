/**
 * The words of <kit-lstm-cell> (./lstm-cell.ts, its curves ./lstm-cell-curves.ts and its diagram
 * ./lstm-cell-diagram.ts), in each edition. Numbers come in already formatted. The presets' names
 * and descriptions are in src/lstm/cell/cell-presets.words.ts.
 */
import { words } from '../../i18n/words';

/** A gate's name, by the gate's key in the kit (f, i, c for the candidate, o). */
type GateNames = { f: string; i: string; c: string; o: string };

export const LSTM_CELL_WORDS = words(
  {
    gates: { f: 'Forget gate', i: 'Input gate', c: 'Candidate', o: 'Output gate' } as GateNames,
    /** The inputs' accessible names: x₁, x₂, hₜ₋₁, Cₜ₋₁. */
    inputs: ['Input feature x 1', 'Input feature x 2', 'Previous hidden state h t−1', 'Previous cell state C t−1'],
    /** Each gate's parameters: the slider's label and its accessible name. */
    params: [
      { label: 'x₁ weight', aria: 'weight of x 1' },
      { label: 'x₂ weight', aria: 'weight of x 2' },
      { label: 'hₜ₋₁ weight', aria: 'recurrent weight of h t−1' },
      { label: 'bias', aria: 'bias' },
    ],
    paramAria: (gate: string, param: string) => `${gate}: ${param}`,
    legendStart: 'Wire thickness: the size of the value it carries; colour: ',
    positive: ' positive, ',
    negative: ' negative, ',
    legendEnd: ' about zero. The level in each box is its output. z is the weighted sum entering a gate.',
    inputsLegend: 'Input xₜ and the previous states',
    presets: 'Presets',
    hardToggle: 'Compare with tfjs’s default gate activation, hardSigmoid',
    noPreset: 'Choose a preset, or move any slider: every number below follows at once.',
    slope: (act: string, slope: string, saturated: boolean) =>
      `slope ${act}′(z) = ${slope}${saturated ? ': saturated' : ''}`,
    beltBefore: (steps: number, power: string) =>
      `Through the belt alone. With this fₜ at each of ${steps} steps, what reaches back is fₜ${power} = `,
    beltAfter: '.',
    hardStart: 'With hardSigmoid gates (tfjs’s default recurrentActivation), the same weights would give ',
    hardAnd: ' and hₜ = ',
    hardEnd: (c: string, h: string) => ` instead of ${c} and ${h}.`,
    /** The legend's names of CURVE_NAMES[0] and [2] (tanh(z) is the same in every edition). */
    curves: { sigmoid: 'σ(z), logistic', hard: 'hardSigmoid(z), tfjs default' },
    curvesLabel: 'The activation curve of each gate',
    curvesDescription: (hard: boolean) =>
      'Sigmoid curves for the forget, input and output gates and a tanh curve for the candidate' +
      (hard ? ", with tfjs's hardSigmoid dashed beside each sigmoid." : '.'),
    pointsLabel: 'Operating point of each gate',
    pointDescription: (gate: string, z: string, value: string) => `${gate}: z = ${z}, value ${value}`,
    /** Between the items of a list in a sentence. */
    separator: '; ',
    diagram: (p: {
      cPrev: string;
      f: string;
      kept: string;
      i: string;
      candidate: string;
      written: string;
      cNew: string;
      o: string;
      tanhC: string;
      h: string;
    }) =>
      `LSTM cell diagram. The belt carries C(t−1) = ${p.cPrev} through the forget gate f = ${p.f}, ` +
      `which keeps ${p.kept}; the input gate i = ${p.i} times the candidate ${p.candidate} ` +
      `adds ${p.written}, giving C(t) = ${p.cNew}; the output gate o = ${p.o} times ` +
      `tanh C(t) = ${p.tanhC} gives h(t) = ${p.h}.`,
  },
  {
    gates: { f: '遗忘门', i: '输入门', c: '候选记忆', o: '输出门' },
    inputs: ['输入特征 x 1', '输入特征 x 2', '上一步的隐状态 h t−1', '上一步的细胞状态 C t−1'],
    params: [
      { label: 'x₁ 的权重', aria: 'x 1 的权重' },
      { label: 'x₂ 的权重', aria: 'x 2 的权重' },
      { label: 'hₜ₋₁ 的权重', aria: 'h t−1 的循环权重' },
      { label: '偏置', aria: '偏置' },
    ],
    paramAria: (gate, param) => `${gate}：${param}`,
    legendStart: '连线粗细：所传数值的大小；颜色：',
    positive: ' 正，',
    negative: ' 负，',
    legendEnd: ' 接近零。每个方框里的水位是它的输出。z 是进入门的加权和。',
    inputsLegend: '输入 xₜ 与上一步的状态',
    presets: '预设',
    hardToggle: '与 TensorFlow.js 默认的门激活函数 hardSigmoid 对比',
    noPreset: '选一个预设，或拖动任意滑块：下面的每个数都会随之更新。',
    slope: (act, slope, saturated) => `斜率 ${act}′(z) = ${slope}${saturated ? '：已饱和' : ''}`,
    beltBefore: (steps, power) =>
      `只经过传送带时的梯度。若连续 ${steps} 个时间步都是这个 fₜ，传回去的就是 fₜ${power} = `,
    beltAfter: '。',
    hardStart: '若门用 hardSigmoid（TensorFlow.js 默认的 recurrentActivation），同样的权重会得到 ',
    hardAnd: ' 和 hₜ = ',
    hardEnd: (c, h) => `，而不是 ${c} 和 ${h}。`,
    curves: { sigmoid: 'σ(z)，logistic 函数', hard: 'hardSigmoid(z)，TensorFlow.js 默认' },
    curvesLabel: '各个门的激活函数曲线',
    curvesDescription: (hard) =>
      '遗忘门、输入门和输出门用 sigmoid 曲线，候选记忆用 tanh 曲线' +
      (hard ? '；每条 sigmoid 旁的虚线是 TensorFlow.js 的 hardSigmoid。' : '。'),
    pointsLabel: '各个门的工作点',
    pointDescription: (gate, z, value) => `${gate}：z = ${z}，取值 ${value}`,
    separator: '；',
    diagram: (p) =>
      `LSTM 单元示意图。传送带把 C(t−1) = ${p.cPrev} 送过遗忘门 f = ${p.f}，保留下 ${p.kept}；` +
      `输入门 i = ${p.i} 乘以候选记忆 ${p.candidate}，加上 ${p.written}，得到 C(t) = ${p.cNew}；` +
      `输出门 o = ${p.o} 乘以 tanh C(t) = ${p.tanhC}，得到 h(t) = ${p.h}。`,
  },
);
