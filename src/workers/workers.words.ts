/**
 * The words the page's side of the kit's workers shows a reader (./client.ts,
 * ./imdb-corpus-client.ts), in each edition. Workers report codes and numbers; the page words them.
 */
import { words } from '../i18n/words.ts';

export const WORKERS_WORDS = words(
  {
    /** The workers as messages name them, by the English name their callers give. */
    names: {
      worker: 'worker',
      'training worker': 'training worker',
      'timing worker': 'timing worker',
      'baselines worker': 'baselines worker',
      'data worker': 'data worker',
    } as Record<string, string>,
    failed: (what: string, message: string) => `the ${what} failed: ${message}`,
    couldNotStart: 'it could not start',
    dataMissing: 'The prepared IMDB data is not on this site.',
    dataUnreadable: (message: string) => `The prepared IMDB data could not be read: ${message}`,
  },
  {
    names: {
      worker: '后台 worker',
      'training worker': '训练 worker',
      'timing worker': '计时 worker',
      'baselines worker': '基线 worker',
      'data worker': '数据 worker',
    },
    failed: (what, message) => `${what}出错了：${message}`,
    couldNotStart: '它无法启动',
    dataMissing: '这个网站上没有预处理好的 IMDB 数据。',
    dataUnreadable: (message) => `无法读取预处理好的 IMDB 数据：${message}`,
  },
);
