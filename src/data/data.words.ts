/**
 * The words of the data modules that a page shows (./explore.ts's row summary), in each
 * edition. They take a locale, English by default, since they also run in Node and workers.
 */
import { words } from '../i18n/words.ts';

const s = (n: number) => (n === 1 ? '' : 's');

export const DATA_WORDS = words(
  {
    wordsToIds: (words: number, shownWords: string, ids: number, shownIds: string) =>
      `${shownWords} word${s(words)} → ${shownIds} id${s(ids)}`,
    startFirst: (start: string) => ` (<start> = ${start} first)`,
    oov: (n: number, shown: string) => `; ${shown} word${s(n)} out of the vocabulary became 2`,
    dropped: (n: number, shown: string) => `; ${shown} word${s(n)} missing from the training vocabulary dropped`,
    end: '. ',
    truncation: (maxlen: string, truncating: string, pre: boolean, cut: string) =>
      `maxlen ${maxlen}: '${truncating}' truncation cuts the ${pre ? 'first' : 'last'} ${cut} ids and keeps the ${pre ? 'last' : 'first'} ${maxlen}.`,
    padding: (maxlen: string, padding: string, pre: boolean, pads: number, shown: string) =>
      `maxlen ${maxlen}: '${padding}' padding puts ${shown} zero${s(pads)} ${pre ? 'before' : 'after'} the ids.`,
    exact: (maxlen: string) => `maxlen ${maxlen}: the ids fill the row exactly.`,
  },
  {
    wordsToIds: (_words, shownWords, _ids, shownIds) => `${shownWords} 个词 → ${shownIds} 个 id`,
    startFirst: (start) => `（最前面是 <start> = ${start}）`,
    oov: (_n, shown) => `；${shown} 个词不在词汇表中，变成了 2`,
    dropped: (_n, shown) => `；${shown} 个训练词汇表中没有的词被丢弃`,
    end: '。',
    truncation: (maxlen, truncating, pre, cut) =>
      `maxlen ${maxlen}：'${truncating}' 截断去掉${pre ? '前面' : '后面'}的 ${cut} 个 id，保留${pre ? '最后' : '最前'}的 ${maxlen} 个。`,
    padding: (maxlen, padding, pre, _pads, shown) =>
      `maxlen ${maxlen}：'${padding}' 填充在 id 的${pre ? '前面' : '后面'}补上 ${shown} 个 0。`,
    exact: (maxlen) => `maxlen ${maxlen}：这些 id 正好填满一行。`,
  },
);
