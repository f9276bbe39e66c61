/** The words of <kit-rnn-step> (./rnn-step.ts), in each edition. Numbers come in already formatted. */
import { words } from '../../i18n/words';

export const RNN_STEP_WORDS = words(
  {
    scale: 'Size of W_h (spectral norm)',
    empty: 'Type a sentence: the cell reads it one word per step.',
    unit: (n: number) => `unit ${n}`,
    sum: 'zₜ (sum)',
    firstWords: (max: number, all: number) => `Only the first ${max} of ${all} words are read.`,
    xLabel: 'step t (word read)',
    plotLabel: 'Hidden state per step',
    plotDescription: (step: number, total: number, h: string) => `After ${step} of ${total} words, h_t = [${h}].`,
  },
  {
    scale: 'W_h 的大小（谱范数）',
    empty: '输入一个句子：RNN 单元每个时间步读入一个词。',
    unit: (n) => `单元 ${n}`,
    sum: 'zₜ（求和）',
    firstWords: (max, all) => `共 ${all} 个词，只读入前 ${max} 个。`,
    xLabel: '时间步 t（读入的词）',
    plotLabel: '每个时间步的隐状态',
    plotDescription: (step, total, h) => `读完 ${total} 个词中的 ${step} 个后，h_t = [${h}]。`,
  },
);
