/** The words of <kit-imdb-lengths> (./imdb-lengths.ts), in each edition. Numbers come in already formatted. */
import { words } from '../../i18n/words';

export const IMDB_LENGTHS_WORDS = words(
  {
    home: 'The reviews in this page',
    split: 'Split',
    trainOption: 'training reviews',
    testOption: 'test reviews',
    xLabel: 'words per review →',
    yLabel: '↑ reviews',
    plotLabel: (test: boolean) => `Histogram of the lengths of the ${test ? 'test' : 'training'} reviews`,
    plotDescription: (test: boolean, reviews: string, bin: string, end: string, median: string) =>
      `${reviews} ${test ? 'test' : 'training'} reviews in bins of ${bin} words, up to ${end} words; median ${median}. `,
    cutShare: (maxlen: string, share: string) => `maxlen ${maxlen} cuts ${share} of them`,
    join: '; ',
    end: '.',
    stats: (p: { test: boolean; reviews: string; median: string; mean: string; min: string; max: string }) =>
      `${p.reviews} ${p.test ? 'test' : 'training'} reviews: median ${p.median} words, mean ${p.mean}, ` +
      `shortest ${p.min}, longest ${p.max}`,
    beyond: (n: string, end: string) => `; the ${n} reviews longer than ${end} words are off the chart.`,
    tableCaption: 'Reviews that lose words to truncation (ids counted as each view makes them)',
    tableHead: ['view', 'maxlen', 'reviews cut', 'share'],
    cutOf: (cut: string, all: string) => `${cut} of ${all}`,
  },
  {
    home: '本页的影评',
    split: '数据集',
    trainOption: '训练集影评',
    testOption: '测试集影评',
    xLabel: '每条影评的词数 →',
    yLabel: '↑ 影评数',
    plotLabel: (test) => `${test ? '测试集' : '训练集'}影评长度的直方图`,
    plotDescription: (test, reviews, bin, end, median) =>
      `${test ? '测试集' : '训练集'}共 ${reviews} 条影评，每 ${bin} 个词一个区间，最多到 ${end} 个词；中位数为 ${median}。`,
    cutShare: (maxlen, share) => `maxlen ${maxlen} 会截断其中的 ${share}`,
    join: '；',
    end: '。',
    stats: (p) =>
      `${p.test ? '测试集' : '训练集'}共 ${p.reviews} 条影评：词数中位数 ${p.median}，平均 ${p.mean}，` +
      `最短 ${p.min}，最长 ${p.max}`,
    beyond: (n, end) => `；超过 ${end} 个词的 ${n} 条影评没有画在图中。`,
    tableCaption: '因截断而丢词的影评（id 按各自的索引方式计数）',
    tableHead: ['索引方式', 'maxlen（最大长度）', '被截断的影评', '占比'],
    cutOf: (cut, all) => `${cut} / ${all}`,
  },
);
