/** The words of <kit-activations> (./activations.ts), in each edition. Numbers come in already formatted. */
import { words } from '../../i18n/words';

export const ACTIVATIONS_WORDS = words(
  {
    input: 'Input z',
    showSlopes: 'Show the slopes',
    yLabel: '↑ value',
    plotLabel: 'Sigmoid and tanh curves',
    plotDescription: (z: string, sigmoid: string, tanh: string) => `At z = ${z}: sigmoid ${sigmoid}, tanh ${tanh}.`,
    value: 'value',
    slope: 'slope',
  },
  {
    input: '输入 z',
    showSlopes: '显示斜率',
    yLabel: '↑ 函数值',
    plotLabel: 'sigmoid 函数与 tanh 函数的曲线',
    plotDescription: (z, sigmoid, tanh) => `在 z = ${z} 处：sigmoid 函数值为 ${sigmoid}，tanh 函数值为 ${tanh}。`,
    value: '函数值',
    slope: '斜率',
  },
);
