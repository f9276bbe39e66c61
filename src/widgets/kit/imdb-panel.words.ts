/**
 * The words of the IMDB data panel (./imdb-panel.ts), in each edition. Numbers and sizes come in
 * already formatted; file names (aclImdb_v1.tar.gz) and the data set's name stay as they are.
 */
import { words } from '../../i18n/words';

export const IMDB_PANEL_WORDS = words(
  {
    progressLabel: 'Progress of loading the IMDB reviews',
    loadSite: 'Load the prepared reviews',
    loadSiteSize: (size: string) => `Load the prepared reviews (${size})`,
    dropBefore: 'Or prepare them here from ',
    dropAfter: ': choose it, or drop it here.',
    cancel: 'Cancel',
    forget: 'Forget the reviews',
    sourceBefore: 'The archive is the ',
    sourceName: 'Large Movie Review Dataset',
    sourceAfter: (size: string) => ` (${size}). It is read on your computer, nothing is uploaded.`,
    looking: 'Looking for the reviews, in this browser and on this site…',
    notLoaded: 'The reviews are not loaded yet.',
    loadInBefore: 'The reviews are not loaded yet: load them in ',
    loadInAfter: ' above.',
    quoted: (title: string) => `“${title}”`,
    siteMissing:
      'This copy of the kit was built without the prepared reviews, so your browser can prepare them ' +
      'from the archive instead.',
    downloading: (loaded: string, total: string, files: string, count: string) =>
      `Downloading the prepared reviews: ${loaded} of ${total} (${files} of ${count} files)…`,
    asking: 'Asking the site for its prepared reviews…',
    saving: "Keeping the prepared reviews in this browser's storage…",
    reading: (name: string, read: string, total: string, reviews: string) =>
      `Reading ${name}: ${read} of ${total}, ${reviews} reviews so far…`,
    ranking: (reviews: string, files: string) =>
      `Read ${reviews} reviews; ranking the vocabulary, compressing and checking the files (${files} so far)…`,
    opening: 'Opening the reviews kept in this browser…',
    counts: (train: string, test: string, vocabulary: string) =>
      `${train} training and ${test} test reviews, ${vocabulary} words in the vocabulary`,
    fromSite: 'loaded from this site',
    fromArchive: (name: string) => `prepared in your browser from ${name}`,
    fromStorage: (name: string) => `opened from this browser's storage (prepared earlier from ${name})`,
    notKept: (why: string) => ` They could not be kept for your next visit: ${why}`,
    kept: ' Kept in this browser for your next visit.',
    ready: (counts: string, where: string, time: string, kept: string) => `${counts}, ${where} in ${time}.${kept}`,
  },
  {
    progressLabel: 'IMDB 影评的加载进度',
    loadSite: '加载预处理好的影评',
    loadSiteSize: (size) => `加载预处理好的影评（${size}）`,
    dropBefore: '也可以在这里用 ',
    dropAfter: ' 自己准备：选择这个文件，或把它拖到这里。',
    cancel: '取消',
    forget: '删除影评',
    sourceBefore: '这个压缩包就是 ',
    sourceName: 'Large Movie Review Dataset（大型影评数据集）',
    sourceAfter: (size) => `（${size}）。它只在你的电脑上读取，不会上传任何东西。`,
    looking: '正在这个浏览器和本站上查找影评…',
    notLoaded: '影评还没有加载。',
    loadInBefore: '影评还没有加载：请在上方的 ',
    loadInAfter: ' 中加载。',
    quoted: (title) => `“${title}”`,
    siteMissing: '本教程的这个副本构建时没有附带预处理好的影评，你的浏览器可以改从压缩包准备它们。',
    downloading: (loaded, total, files, count) =>
      `正在下载预处理好的影评：${loaded} / ${total}（${files} / ${count} 个文件）…`,
    asking: '正在向本站请求预处理好的影评…',
    saving: '正在把预处理好的影评保存到这个浏览器的存储中…',
    reading: (name, read, total, reviews) => `正在读取 ${name}：${read} / ${total}，已读到 ${reviews} 条影评…`,
    ranking: (reviews, files) => `已读取 ${reviews} 条影评；正在给词汇表排序、压缩并校验文件（已完成 ${files} 个）…`,
    opening: '正在打开保存在这个浏览器中的影评…',
    counts: (train, test, vocabulary) => `训练集 ${train} 条、测试集 ${test} 条影评，词汇表共 ${vocabulary} 个词`,
    fromSite: '从本站加载',
    fromArchive: (name) => `在你的浏览器中由 ${name} 准备`,
    fromStorage: (name) => `从这个浏览器的存储中打开（之前由 ${name} 准备）`,
    notKept: (why) => `无法保存到下次访问：${why}`,
    kept: '已保存在这个浏览器中，下次访问可直接使用。',
    ready: (counts, where, time, kept) => `${counts}，${where}，用时 ${time}。${kept}`,
  },
);
