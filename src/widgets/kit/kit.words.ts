/**
 * The words of the kit's shared runtime (./stepper.ts, ./widget.ts, ./state.ts, ./loader.ts,
 * ./plot.ts), in each edition. Numbers come in already formatted.
 */
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
    // Why a value in the link was refused or changed (state.ts), after the field's name.
    notANumber: (raw: string) => `"${raw}" is not a number`,
    outside: (x: string, min: string, max: string) => `${x} is outside ${min} to ${max}`,
    textCut: (max: string) => `text cut to ${max} characters`,
    notOneOf: (raw: string, values: string) => `"${raw}" is not one of ${values}`,
    notBoolean: (raw: string) => `"${raw}" is not true or false`,
    fieldError: (field: string, error: string) => `${field}: ${error}`,
    listSeparator: '; ',
    // loader.ts
    noModule: (tag: string, path: string) =>
      `No widget module for <${tag}> (expected src/widgets/<chapter>/${path}.ts).`,
    failedToLoad: (tag: string, message: string) => `The widget <${tag}> failed to load: ${message}`,
    // plot.ts: the frame of the gradient-norm plots of chapters 1 and 3.
    gradientStep: 'step t →',
    gradientNorm: '↑ gradient norm (log scale)',
  },
  {
    sentence: '句子',
    back: '◀ 上一步',
    backLabel: '后退一个词',
    next: '下一步 ▶',
    nextLabel: '前进一个词',
    play: '播放',
    playLabel: '逐词播放句子',
    pause: '暂停',
    stepLabel: '时间步 t',
    wordsLabel: '句子中的词；点一个词即可跳到它的时间步',
    couldNotStart: (message) => `这个互动组件无法启动：${message}`,
    badLink: (errors) => `链接中有些值无效，已换成默认值：${errors}。`,
    linkCopied: '链接已复制到剪贴板',
    plainTypeScript: '用纯 TypeScript 计算，不用 tfjs',
    notANumber: (raw) => `“${raw}”不是数字`,
    outside: (x, min, max) => `${x} 不在 ${min} 到 ${max} 之间`,
    textCut: (max) => `文字被截断为 ${max} 个字符`,
    notOneOf: (raw, values) => `“${raw}”不是可选值（${values}）之一`,
    notBoolean: (raw) => `“${raw}”不是 true 或 false`,
    fieldError: (field, error) => `${field}：${error}`,
    listSeparator: '；',
    noModule: (tag, path) => `找不到 <${tag}> 的互动组件模块（应为 src/widgets/<chapter>/${path}.ts）。`,
    failedToLoad: (tag, message) => `互动组件 <${tag}> 加载失败：${message}`,
    gradientStep: '时间步 t →',
    gradientNorm: '↑ 梯度范数（对数刻度）',
  },
);
