/** The words of the kit's shared controls (./stepper.ts, ./widget.ts), in each edition. */
import { words } from '../../i18n/words';

export const KIT_WORDS = words(
  {
    sentence: 'Sentence',
    back: '◀ Back',
    backLabel: 'Back one word',
    next: 'Next ▶',
    nextLabel: 'Next word',
    play: 'Play',
    playLabel: 'Play the sentence',
    pause: 'Pause',
    stepLabel: 'Step t',
    wordsLabel: 'Words of the sentence; choose one to go to its step',
    couldNotStart: (message: string) => `This widget could not start: ${message}`,
    badLink: (errors: string) => `Some values in the link were not valid and were replaced: ${errors}.`,
    linkCopied: 'Link copied to the clipboard',
    plainTypeScript: 'computed in plain TypeScript, no tfjs',
  },
  {
    sentence: '句子',
    back: '◀ 上一个',
    backLabel: '后退一个词',
    next: '下一个 ▶',
    nextLabel: '下一个词',
    play: '播放',
    playLabel: '逐词播放句子',
    pause: '暂停',
    stepLabel: '步 t',
    wordsLabel: '句子中的词；选择一个词即可跳到它那一步',
    couldNotStart: (message) => `这个组件无法启动：${message}`,
    badLink: (errors) => `链接中有些值无效，已被替换：${errors}。`,
    linkCopied: '链接已复制到剪贴板',
    plainTypeScript: '用纯 TypeScript 计算，不用 TensorFlow.js',
  },
);
