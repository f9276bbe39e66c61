/**
 * The words of <kit-lstm-steps> (./lstm-steps.ts and its heat maps ./stepped-heat-map.ts), in each
 * edition. Numbers come in already formatted.
 */
import { words } from '../../i18n/words';

/** What each quantity of a step is called in titles, menus and facet labels. */
type QuantityNames = { i: string; f: string; o: string; c: string; h: string };

export const LSTM_STEPS_WORDS = words(
  {
    names: {
      i: 'iₜ, input gate',
      f: 'fₜ, forget gate',
      o: 'oₜ, output gate',
      c: 'Cₜ, cell state',
      h: 'hₜ, hidden state',
    } as QuantityNames,
    bias: 'Forget-gate bias b_f',
    gateLegend: 'gate value (0 shut, 1 open)',
    stateLegend: (limit: number) => `state value (beyond ±${limit}: deepest colour)`,
    unitsToPlot: 'Units to plot',
    unit: (n: number) => `unit ${n}`,
    gatesHeading: 'Gates, unit by step',
    statesHeading: 'Cell state and hidden state, unit by step',
    linesHeading: 'Chosen units over time',
    plot: 'Plot',
    empty: 'Type a sentence: the LSTM reads it one word per step.',
    firstWords: (max: number, all: number) => `Only the first ${max} of ${all} words are read.`,
    xLabel: 'word read at step t',
    yUnit: 'unit',
    linesLabel: (name: string) => `${name} of the chosen units over the steps`,
    noUnit: 'No unit is chosen.',
    atStep: (step: number, values: string) => `At step ${step}: ${values}.`,
    unitValue: (n: number, value: string) => `unit ${n} = ${value}`,
    /** Between the items of a list in a sentence. */
    comma: ', ',
    semicolon: '; ',
    heatDescription: (step: number, total: number, values: string) => `After ${step} of ${total} words. ${values}.`,
    heatValues: (name: string, values: string) => `${name}: [${values}]`,
    cellTitle: (name: string, unit: number, t: number, word: string, value: string) =>
      `${name}, unit ${unit}, t = ${t} (“${word}”): ${value}`,
    heatLabel: (names: string) => `Heat map of ${names} by unit and step`,
  },
  {
    names: {
      i: 'iₜ，输入门',
      f: 'fₜ，遗忘门',
      o: 'oₜ，输出门',
      c: 'Cₜ，细胞状态',
      h: 'hₜ，隐状态',
    },
    bias: '遗忘门偏置 b_f',
    gateLegend: '门的取值（0 为关闭，1 为打开）',
    stateLegend: (limit) => `状态的取值（超出 ±${limit} 时用最深的颜色）`,
    unitsToPlot: '要画出的单元',
    unit: (n) => `单元 ${n}`,
    gatesHeading: '各个门：按单元和时间步',
    statesHeading: '细胞状态与隐状态：按单元和时间步',
    linesHeading: '所选单元随时间的变化',
    plot: '画出',
    empty: '输入一个句子：LSTM 每个时间步读入一个词。',
    firstWords: (max, all) => `共 ${all} 个词，只读入前 ${max} 个。`,
    xLabel: '时间步 t 读入的词',
    yUnit: '单元',
    linesLabel: (name) => `所选单元的 ${name} 随时间步的变化`,
    noUnit: '没有选择任何单元。',
    atStep: (step, values) => `时间步 ${step}：${values}。`,
    unitValue: (n, value) => `单元 ${n} = ${value}`,
    comma: '，',
    semicolon: '；',
    heatDescription: (step, total, values) => `已读 ${step} / ${total} 个词。${values}。`,
    heatValues: (name, values) => `${name}：[${values}]`,
    cellTitle: (name, unit, t, word, value) => `${name}，单元 ${unit}，t = ${t}（“${word}”）：${value}`,
    heatLabel: (names) => `${names} 的热力图：按单元和时间步`,
  },
);
