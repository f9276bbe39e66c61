/**
 * The words of the data modules that a page shows (./explore.ts's row summary), in each
 * edition. They take a locale, English by default, since they also run in Node and workers.
 */
import { words } from '../i18n/words.ts';

import type { DataErrorCode } from './error-codes.ts';

const s = (n: number) => (n === 1 ? '' : 's');

/** What each kind of data error is, in Chinese, before the error's own (English) message. */
const ZH_DATA_ERRORS: Record<DataErrorCode, string> = {
  'not-found': '找不到数据文件。',
  'not-gzip': '这个文件不是 gzip 压缩包。',
  corrupt: '文件中的数据无法解码。',
  truncated: '数据在中途就结束了。',
  layout: '这个压缩包的结构和 aclImdb 不一样。',
  checksum: '文件的校验和或大小与预期不符。',
  network: '下载失败：连不上服务器，或传输中途出错。',
  format: '预处理文件的格式未知或不受支持。',
  exists: '输出文件夹里已经有别的内容。',
};

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
    // ./loader.ts and ./errors.ts: what a reader is told when the data fails.
    hints: {
      'not-gzip': 'Choose aclImdb_v1.tar.gz as it was downloaded, not unpacked or re-packed.',
      truncated: 'The download probably stopped early: download the archive again.',
      corrupt: 'The file is damaged: download the archive again.',
      layout: 'Choose aclImdb_v1.tar.gz, the Large Movie Review Dataset.',
      checksum: 'The prepared files do not match their manifest.',
      network: 'Check the connection and try again.',
    },
    /** A data error's message as a reader reads it: English says it in the error's own words. */
    dataError: (_code: DataErrorCode, message: string) => `${message}`,
    wentWrong: (message: string) => `Something went wrong: ${message}`,
    keptNote: (message: string) => `${message} The reviews loaded before are still loaded.`,
    storedUnreadable: 'The reviews kept in this browser could not be read, so they were forgotten',
    prefixed: (prefix: string, message: string) => `${prefix}: ${message}`,
    notDeleted: (message: string) => `The stored reviews could not be deleted: ${message}.`,
    storageFull: (mb: string) =>
      `this browser's storage for the site is full (keeping them needs about ${mb} MB): ` +
      "free room by clearing this site's data in the browser's settings",
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
    hints: {
      'not-gzip': '请选择下载得到的 aclImdb_v1.tar.gz 原文件，不要解压或重新打包。',
      truncated: '下载可能提前中断了：请重新下载压缩包。',
      corrupt: '文件已损坏：请重新下载压缩包。',
      layout: '请选择 aclImdb_v1.tar.gz，即 Large Movie Review Dataset（大型影评数据集）。',
      checksum: '预处理文件与其清单（manifest）不符。',
      network: '请检查网络连接后重试。',
    },
    dataError: (code, message) => `${ZH_DATA_ERRORS[code] ?? ''}（详情：${message}）`,
    wentWrong: (message) => `出错了：${message}`,
    keptNote: (message) => `${message}之前加载的影评仍然可用。`,
    storedUnreadable: '本浏览器中保存的影评无法读取，已被清除',
    prefixed: (prefix, message) => `${prefix}：${message}`,
    notDeleted: (message) => `无法删除保存的影评：${message}。`,
    storageFull: (mb) =>
      `本浏览器为这个网站提供的存储空间已满（保存它们需要约 ${mb} MB）：请在浏览器设置中清除这个网站的数据来腾出空间`,
  },
);
