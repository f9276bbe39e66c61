/** The words of ./skipgram-session.ts (the pasted corpus' name, its errors), in each edition. */
import { words } from '../i18n/words.ts';

export const SKIPGRAM_SESSION_WORDS = words(
  {
    yourText: 'your text',
    tooFewWords: 'The text needs at least two different words, on lines of two words or more.',
    trainingFailed: (message: string) => `Training failed: ${message}`,
  },
  {
    yourText: '你的文字',
    tooFewWords: '这段文字至少要有两个不同的词，而且每行至少要有两个词。',
    trainingFailed: (message) => `训练失败：${message}`,
  },
);
