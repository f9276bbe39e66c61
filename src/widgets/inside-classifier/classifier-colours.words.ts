/** The words of chapter 6's colour legend (./classifier-colours.ts), in each edition. */
import { words } from '../../i18n/words';

export const CLASSIFIER_COLOURS_WORDS = words(
  {
    legend: 'pₜ − pₜ₋₁: red lowered the prediction, blue raised it',
    legendLabel: (from: string, to: string) => `Colour legend: from ${from} (red) to ${to} (blue)`,
  },
  {
    legend: 'pₜ − pₜ₋₁：红色表示拉低了预测，蓝色表示抬高了预测',
    legendLabel: (from, to) => `颜色图例：从 ${from}（红）到 ${to}（蓝）`,
  },
);
