/**
 * The words of chapter 5's pure sentiment modules (./presets.ts and friends), in each edition.
 * They take a locale (English by default), since they run in workers and Node as well as pages.
 */
import { words } from '../../i18n/words';

export const SENTIMENT_WORDS = words(
  {
    epochs: (n: number, shown: string) => `${shown} ${n === 1 ? 'epoch' : 'epochs'}`,
    presetButEpochs: (preset: string, epochs: string) => `${preset}, ${epochs}`,
    custom: (layout: string) => `custom (${layout} layout)`,
  },
  {
    epochs: (_n, shown) => `${shown} 轮`,
    presetButEpochs: (preset, epochs) => `${preset}，${epochs}`,
    custom: (layout) => `自定义（${layout} 布局）`,
  },
);
